import { describe, expect, it } from 'vitest';
import {
  formFromSettings,
  hasHeaderValues,
  maskedHeaders,
  settingsFromForm,
} from '../../../options/call-log-form';

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
