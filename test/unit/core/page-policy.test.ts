import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/core/config/defaults';
import type { AutofillRule, SoftbarConfig } from '../../../src/core/config/types';
import { INERT_POLICY, isCrmPage, originOf, pagePolicy } from '../../../src/core/page-policy';

const config = (sites: Partial<SoftbarConfig['sites']>): SoftbarConfig => ({
  ...defaultConfig(),
  defaultRegion: 'IT',
  sites: { allow: [], block: [], exclude: [], ...sites },
});
const none = { detectionOff: [] };

describe('pagePolicy', () => {
  it('runs everything on an ordinary page of the default configuration, dialing without asking', () => {
    expect(pagePolicy('https://crm.example.com/a', config({}), none)).toEqual({
      bar: true,
      detection: true,
      confirmDial: false,
      defaultRegion: 'IT',
      excludeSelectors: [],
      autofill: [],
      callLogPrompt: true,
      dispositions: [],
      ssoRelay: false,
    });
  });

  it("lets only the active profile's CRM origins hand over an SSO token, never on a blocked site", () => {
    const base = config({ block: ['https://blocked.example/*'] });
    const withCrm: SoftbarConfig = {
      ...base,
      profiles: [
        ...base.profiles,
        {
          id: 'u',
          vendor: 'ucs',
          label: 'UCS',
          settings: { crmOrigins: ['https://crm.example.com', 'https://blocked.example'] },
        },
      ],
      activeProfile: 'u',
    };
    expect(pagePolicy('https://crm.example.com/contacts', withCrm, none).ssoRelay).toBe(true);
    expect(pagePolicy('https://other.example.com/', withCrm, none).ssoRelay).toBe(false);
    expect(pagePolicy('https://blocked.example/x', withCrm, none).ssoRelay).toBe(false);
    // Another profile active: its settings decide.
    expect(pagePolicy('https://crm.example.com/contacts', base, none).ssoRelay).toBe(false);
  });

  it('does nothing at all on a blocked site or a non-web page', () => {
    const blocked = config({ block: ['https://*.bank.example/*'] });
    for (const url of ['https://www.bank.example/x', 'file:///tmp/a.html', 'chrome://settings', 'nonsense']) {
      expect(pagePolicy(url, blocked, none)).toMatchObject({ bar: false, detection: false });
    }
  });

  it('asks before dialing on sites outside a non-empty allow list', () => {
    const allow = config({ allow: ['https://crm.example.com/*'] });
    expect(pagePolicy('https://crm.example.com/x', allow, none).confirmDial).toBe(false);
    expect(pagePolicy('https://wiki.example.com/x', allow, none)).toMatchObject({
      bar: true,
      confirmDial: true,
    });
  });

  it("honours the agent's per-site detection switch, by origin", () => {
    const prefs = { detectionOff: ['https://crm.example.com'] };
    expect(pagePolicy('https://crm.example.com/x', config({}), prefs)).toMatchObject({
      bar: true,
      detection: false,
    });
    expect(pagePolicy('http://crm.example.com/x', config({}), prefs).detection).toBe(true);
  });

  it('collects the excluded selectors of every matching entry', () => {
    const excluded = config({
      exclude: [
        { match: 'https://crm.example.com/*', selectors: ['.invoice'] },
        { match: '*://*/*', selectors: ['#footer'] },
        { match: 'https://other.example/*', selectors: ['.nope'] },
      ],
    });
    expect(pagePolicy('https://crm.example.com/x', excluded, none).excludeSelectors).toEqual([
      '.invoice',
      '#footer',
    ]);
  });

  it('hands the page the autofill rules of its site, whatever the path', () => {
    const rule = (id: string, match: string): AutofillRule => ({
      id,
      match,
      on: 'answered',
      conditions: [],
      overwrite: false,
      fields: [{ selector: '#subject', value: '{name}' }],
    });
    const withRules: SoftbarConfig = {
      ...config({}),
      autofill: [
        rule('cases', 'https://crm.example.com/cases/*'),
        rule('everywhere', '*://*/*'),
        rule('other', 'https://other.example/*'),
        rule('http-only', 'http://crm.example.com/*'),
      ],
    };
    // The page is on the home page; the cases rule still comes, since a CRM changes path without a reload.
    const ids = pagePolicy('https://crm.example.com/home', withRules, none).autofill.map((r) => r.id);
    expect(ids).toEqual(['cases', 'everywhere']);
  });

  it('passes the call log prompt and dispositions', () => {
    const logConfig: SoftbarConfig = {
      ...config({}),
      callLog: {
        prompt: false,
        dispositions: ['Sale', 'No answer'],
        webhook: {
          url: 'https://logs.example.com/x',
          headers: { Authorization: 'secret' },
          retryBaseMs: 2000,
          retryMaxMs: 300000,
        },
      },
    };
    const policy = pagePolicy('https://crm.example.com/a', logConfig, none);
    expect(policy).toMatchObject({ callLogPrompt: false, dispositions: ['Sale', 'No answer'] });
    // Webhook headers hold credentials: they never reach a page.
    expect(JSON.stringify(policy)).not.toContain('secret');
  });

  it('gives a blocked page no rules and no call-log prompt', () => {
    const blocked: SoftbarConfig = {
      ...config({ block: ['https://crm.example.com/*'] }),
      autofill: [
        {
          id: 'a',
          match: 'https://crm.example.com/*',
          on: 'answered',
          conditions: [],
          overwrite: false,
          fields: [{ selector: '#x', value: 'y' }],
        },
      ],
      callLog: { prompt: true, dispositions: ['Sale'] },
    };
    expect(pagePolicy('https://crm.example.com/a', blocked, none)).toEqual({
      ...INERT_POLICY,
      defaultRegion: 'IT',
    });
  });

  it('takes origins of web pages only', () => {
    expect(originOf('https://crm.example.com:8443/a?b#c')).toBe('https://crm.example.com:8443');
    expect(originOf('chrome-extension://abc/popup.html')).toBeUndefined();
  });
});

describe('isCrmPage', () => {
  const crm = (url: string, sites: Partial<SoftbarConfig['sites']>) =>
    isCrmPage(pagePolicy(url, config(sites), none));

  it('is a page where the bar runs on a site of the allow list', () => {
    const sites = { allow: ['https://crm.example.com/*'], block: ['https://crm.example.com/admin/*'] };
    expect(crm('https://crm.example.com/contacts/1', sites)).toBe(true);
    expect(crm('https://wiki.example.com/x', sites)).toBe(false);
    expect(crm('https://crm.example.com/admin/x', sites)).toBe(false);
    expect(crm('chrome://settings', sites)).toBe(false);
  });

  it('is every page where the bar runs when the allow list is empty', () => {
    expect(crm('https://wiki.example.com/x', {})).toBe(true);
    expect(crm('https://bank.example/x', { block: ['https://bank.example/*'] })).toBe(false);
    expect(isCrmPage(INERT_POLICY)).toBe(false);
  });
});
