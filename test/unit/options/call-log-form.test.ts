import { describe, expect, it } from 'vitest';
import {
  formFromSettings,
  hasHeaderValues,
  maskedHeaders,
  retryPlaceholders,
  settingsFromForm,
} from '../../../options/call-log-form';
import { checkCallLog } from '../../../src/core/config/call-log-schema';
import { DEFAULT_RETRY_BASE_MS, DEFAULT_RETRY_MAX_MS } from '../../../src/core/config/defaults';
import type { ConfigIssue } from '../../../src/core/config/types';

describe('call log form', () => {
  const form = formFromSettings({
    prompt: false,
    dispositions: ['A', 'B'],
    webhook: { url: 'https://h', headers: { 'X-Key': 'k' }, retryBaseMs: 100, retryMaxMs: 1000 },
  });

  it('round-trips the settings in force', () => {
    expect(settingsFromForm(form)).toEqual({
      ok: true,
      callLog: {
        prompt: false,
        dispositions: ['A', 'B'],
        webhook: { url: 'https://h', headers: { 'X-Key': 'k' }, retryBaseMs: 100, retryMaxMs: 1000 },
      },
    });
  });

  it('names the field of a delay that is not a number', () => {
    expect(settingsFromForm({ ...form, retryMaxMs: '1e' })).toEqual({
      ok: false,
      problem: { path: 'callLog.webhook.retryMaxMs', message: expect.stringMatching(/not a number/) },
    });
  });

  it('leaves the delays the hub derived empty, so a raised base delay alone saves', () => {
    const defaults = formFromSettings({
      prompt: true,
      dispositions: [],
      webhook: {
        url: 'https://h',
        headers: {},
        retryBaseMs: DEFAULT_RETRY_BASE_MS,
        retryMaxMs: DEFAULT_RETRY_MAX_MS,
      },
    });
    expect([defaults.retryBaseMs, defaults.retryMaxMs]).toEqual(['', '']);
    const raised = settingsFromForm({ ...defaults, retryBaseMs: String(DEFAULT_RETRY_MAX_MS + 1) });
    expect(raised).toEqual({
      ok: true,
      callLog: {
        prompt: true,
        dispositions: [],
        webhook: { url: 'https://h', headers: {}, retryBaseMs: DEFAULT_RETRY_MAX_MS + 1 },
      },
    });
    // The hub takes it, the max following the base.
    const issues: ConfigIssue[] = [];
    const settings = checkCallLog(raised.ok ? raised.callLog : undefined, issues);
    expect(issues).toEqual([]);
    expect(settings.webhook?.retryMaxMs).toBe(DEFAULT_RETRY_MAX_MS + 1);
  });

  it('keeps a max the admin set, and leaves empty a max that only follows a raised base', () => {
    const webhook = { url: 'https://h', headers: {} };
    const follows = formFromSettings({
      prompt: true,
      dispositions: [],
      webhook: { ...webhook, retryBaseMs: 400_000, retryMaxMs: 400_000 },
    });
    expect([follows.retryBaseMs, follows.retryMaxMs]).toEqual(['400000', '']);
    const set = formFromSettings({
      prompt: true,
      dispositions: [],
      webhook: { ...webhook, retryBaseMs: DEFAULT_RETRY_BASE_MS, retryMaxMs: 60_000 },
    });
    expect([set.retryBaseMs, set.retryMaxMs]).toEqual(['', '60000']);
  });

  it('shows the defaults an empty delay stands for', () => {
    expect(retryPlaceholders({ retryBaseMs: '' })).toEqual({
      retryBaseMs: `${DEFAULT_RETRY_BASE_MS} (default)`,
      retryMaxMs: `${DEFAULT_RETRY_MAX_MS} (default)`,
    });
    expect(retryPlaceholders({ retryBaseMs: '400000' }).retryMaxMs).toBe('400000 (default)');
  });

  it('masks every header value the same way', () => {
    expect(maskedHeaders('{"Authorization":"Bearer long-secret","X":"1"}')).toBe(
      JSON.stringify({ Authorization: '••••••••', X: '••••••••' }, null, 2),
    );
    expect(maskedHeaders('{ nope')).toBeUndefined();
    expect(hasHeaderValues('{}')).toBe(false);
    expect(hasHeaderValues('{"a":"b"}')).toBe(true);
    // Text that does not parse may hold a secret half-typed: it counts as something to hide.
    expect(hasHeaderValues('{"a":"b')).toBe(true);
  });
});
