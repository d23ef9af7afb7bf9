// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { relaySsoTokens, SSO_TOKEN_MESSAGE, SSO_TOKEN_RESULT } from '../../../content-scripts/sso-relay';

describe('CRM SSO token relay (content script)', () => {
  let stop = () => {};
  afterEach(() => stop());

  /** The results the page got back. */
  const results = () => {
    const got: unknown[] = [];
    window.addEventListener('message', (event) => {
      if ((event.data as { type?: string })?.type === SSO_TOKEN_RESULT) got.push(event.data);
    });
    return got;
  };

  const post = (data: unknown, source: MessageEventSource | null = window, origin = location.origin) =>
    window.dispatchEvent(new MessageEvent('message', { data, source, origin }));

  it("hands the page's own token on and answers the page", async () => {
    const send = vi.fn(async () => {});
    stop = relaySsoTokens(window, send);
    const got = results();
    post({ type: SSO_TOKEN_MESSAGE, username: 'jan.novak', token: 't0k' });
    await vi.waitFor(() => expect(got).toEqual([{ type: SSO_TOKEN_RESULT, ok: true }]));
    expect(send).toHaveBeenCalledWith('jan.novak', 't0k');
  });

  it('passes the refusal back to the page', async () => {
    stop = relaySsoTokens(window, async () => {
      throw new Error('This page may not log the agent in.');
    });
    const got = results();
    post({ type: SSO_TOKEN_MESSAGE, username: 'jan.novak', token: 't0k' });
    await vi.waitFor(() =>
      expect(got).toEqual([
        { type: SSO_TOKEN_RESULT, ok: false, error: 'This page may not log the agent in.' },
      ]),
    );
  });

  it('ignores frames, other origins and other messages; answers a malformed one', async () => {
    const send = vi.fn(async () => {});
    stop = relaySsoTokens(window, send);
    const got = results();
    // Another source (a frame of the page, a port): not the page itself.
    post({ type: SSO_TOKEN_MESSAGE, username: 'a', token: 'b' }, new MessageChannel().port1);
    post({ type: SSO_TOKEN_MESSAGE, username: 'a', token: 'b' }, window, 'https://evil.example');
    post({ type: 'other', username: 'a', token: 'b' });
    post('softbar:ssoToken');
    post({ type: SSO_TOKEN_MESSAGE, username: 'a', token: 7 });
    await vi.waitFor(() => expect(got).toHaveLength(1));
    expect(got[0]).toMatchObject({ ok: false });
    expect(send).not.toHaveBeenCalled();
  });
});
