import { describe, expect, it } from 'vitest';
import { ruleTarget } from '../../../src/background/screen-pop/rule-target';
import type { ScreenPopRule } from '../../../src/core/config/types';
import { call } from './fakes';

const rule = (overrides: Partial<ScreenPopRule>): ScreenPopRule => ({
  id: 'r1',
  on: 'ringing',
  conditions: [],
  action: 'newTab',
  url: 'https://crm.example.com/search?phone={e164}&name={name}',
  ...overrides,
});

describe('ruleTarget', () => {
  it('fills the template, each value URL-encoded', () => {
    expect(ruleTarget(rule({}), call({ remoteName: 'Ann & Bob?' }))).toEqual({
      ok: true,
      target: {
        kind: 'newTab',
        url: 'https://crm.example.com/search?phone=%2B442079460018&name=Ann%20%26%20Bob%3F',
      },
    });
  });

  it('cannot be turned into another scheme by call data', () => {
    const hostile = call({ vendorData: { next: 'javascript:alert(1)//' } });
    const inPath = ruleTarget(rule({ url: 'https://crm.example.com/{vendor.next}' }), hostile);
    expect(inPath).toEqual({
      ok: true,
      target: { kind: 'newTab', url: 'https://crm.example.com/javascript%3Aalert(1)%2F%2F' },
    });
    const whole = ruleTarget(rule({ url: '{vendor.next}' }), hostile);
    // The wording is core's; what matters here is that nothing comes out to open.
    expect(whole.ok).toBe(false);
  });

  it('refuses a template that is not http(s)', () => {
    expect(ruleTarget(rule({ url: 'javascript:alert({name})' }), call())).toMatchObject({
      ok: false,
      error: expect.stringContaining('javascript'),
    });
  });

  it('builds each action', () => {
    const c = call({ id: 'c9' });
    const url = 'https://crm.example.com/x';
    expect(ruleTarget(rule({ action: 'reuseTab', url, tabPattern: '*://crm.example.com/*' }), c)).toEqual({
      ok: true,
      target: { kind: 'reuseTab', url, tabPattern: '*://crm.example.com/*' },
    });
    expect(
      ruleTarget(rule({ action: 'focus', url: undefined, tabPattern: '*://crm.example.com/*' }), c),
    ).toEqual({
      ok: true,
      target: { kind: 'focus', tabPattern: '*://crm.example.com/*', url: undefined },
    });
    expect(ruleTarget(rule({ action: 'popup', url, width: 500 }), c)).toEqual({
      ok: true,
      target: { kind: 'popup', url, width: 500, height: undefined },
    });
    expect(ruleTarget(rule({ action: 'frame', url }), c)).toEqual({
      ok: true,
      target: { kind: 'frame', url, title: 'Screen-pop', callId: 'c9' },
    });
    expect(ruleTarget(rule({ action: 'frame', url, label: 'Customer card' }), c)).toMatchObject({
      target: { title: 'Customer card' },
    });
  });

  it('says what an incomplete rule lacks', () => {
    expect(ruleTarget(rule({ action: 'reuseTab' }), call())).toMatchObject({
      error: expect.stringContaining('tab pattern'),
    });
    expect(ruleTarget(rule({ action: 'popup', url: undefined }), call())).toMatchObject({
      error: expect.stringContaining('URL template'),
    });
    expect(ruleTarget(rule({ action: 'explode' as never }), call())).toMatchObject({
      error: expect.stringContaining('"explode"'),
    });
  });
});
