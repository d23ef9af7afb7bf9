import { describe, expect, it } from 'vitest';
import { previewScreenPop } from '../../../options/rule-preview';
import { sampleCall } from '../../../src/core/rules/sample-call';

const call = sampleCall();

describe('previewScreenPop', () => {
  it('expands the URL and tries each condition on the call', () => {
    const result = previewScreenPop(
      {
        id: 'crm',
        on: 'answered',
        action: 'reuseTab',
        url: 'https://crm.example.com/c/{vendor.customerId}?q={name}',
        conditions: [
          { field: 'queue', equals: 'Support' },
          { field: 'vendor.priority', matches: '^pl' },
        ],
      },
      call,
    );
    expect(result).toEqual({
      ok: true,
      preview: {
        moment: 'When the call is answered',
        action: 'Reuses a matching tab',
        conditions: [
          { text: 'queue equals "Support"', value: 'Support', holds: true },
          { text: 'vendor.priority matches /^pl/', value: 'gold', holds: false },
        ],
        conditionsHold: false,
        url: { ok: true, url: 'https://crm.example.com/c/C-1042?q=Olivia%20Bennett' },
      },
    });
  });

  it('explains rules typed wrong instead of failing', () => {
    expect(previewScreenPop('crm', call)).toEqual({ ok: false, error: expect.stringMatching(/not a rule/) });
    const result = previewScreenPop(
      { on: 'later', action: 'explode', conditions: [{ equals: 'x' }, { field: 'queue', matches: '(' }] },
      call,
    );
    if (!result.ok) throw new Error('expected a preview');
    expect(result.preview.moment).toBe('Unknown moment "later"');
    expect(result.preview.action).toBe('Unknown action "explode"');
    expect(result.preview.conditions.map((check) => check.problem)).toEqual([
      expect.stringMatching(/not a condition/),
      'its regular expression does not compile',
    ]);
    expect(result.preview.url).toEqual({ ok: false, error: expect.stringMatching(/no URL template/) });
  });

  it('needs no URL to focus a tab, and refuses every scheme but http(s)', () => {
    const focus = previewScreenPop({ on: 'ringing', action: 'focus', tabPattern: 'https://crm/*' }, call);
    expect(focus.ok && focus.preview.url).toBeUndefined();
    for (const url of ['javascript:alert(1)', 'data:text/html,x', 'file:///etc/passwd', '{vendor.url}']) {
      const result = previewScreenPop({ on: 'ringing', action: 'newTab', url }, call);
      expect(result.ok && result.preview.url).toEqual({
        ok: false,
        error: expect.stringMatching(/http and https/),
      });
    }
  });
});
