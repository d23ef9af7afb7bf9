import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/core/config/defaults';
import { parseConfigJson, validateConfig } from '../../../src/core/config/validate';
import { demoVendor, expectIssues, expectOk, issueAt, vendors } from './helpers';

const demoDefaults = {
  agentName: 'Demo Agent',
  answerDelayMs: 2500,
  consultAnswerDelayMs: 1500,
  afterCallWorkSeconds: 0,
  notReadyReasons: ['Break', 'Lunch', 'Training', 'Meeting'],
  autoIncomingSeconds: 0,
};

const twoProfiles = {
  version: 1,
  profiles: [
    { id: 'demo', vendor: 'demo', label: 'Demo PBX', settings: { answerDelayMs: 1000 } },
    {
      id: 'eu',
      vendor: 'xcally',
      label: 'EU contact center',
      settings: { serverUrl: 'https://pbx.example.eu', username: 'agent1' },
    },
  ],
  activeProfile: 'eu',
  defaultRegion: 'IT',
  sites: { allow: ['https://*.example.com/*', '*://crm.internal/*'], block: ['https://admin.example.com/*'] },
  screenPop: [{ id: 'search', action: 'newTab', url: 'https://crm.example.com/search?q={e164}' }],
  autofill: [],
  callLog: { dispositions: ['Sale'] },
};

describe('defaults', () => {
  it('the default configuration validates as it is', () => {
    const config = expectOk(validateConfig(defaultConfig(), [demoVendor]));
    expect(config.profiles).toHaveLength(1);
    expect(config.activeProfile).toBe('demo');
    expect(config.defaultRegion).toBe('US');
    expect(config.sites).toEqual({ allow: [], block: [], exclude: [] });
  });

  it('applies the vendor settings defaults', () => {
    const config = expectOk(validateConfig(defaultConfig(), [demoVendor]));
    expect(config.profiles[0]?.settings).toEqual(demoDefaults);
  });

  it('a minimal document gets the documented defaults', () => {
    const config = expectOk(
      parseConfigJson('{"profiles":[{"id":"a","vendor":"demo","label":"A"}]}', vendors),
    );
    expect(config).toMatchObject({
      version: 1,
      activeProfile: 'a',
      defaultRegion: 'US',
      sites: { allow: [], block: [] },
      screenPop: [],
      autofill: [],
      callLog: { prompt: true, dispositions: [] },
    });
    expect(config.callLog).not.toHaveProperty('webhook');
    expect(config.profiles[0]?.settings).toEqual(demoDefaults);
  });
});

describe('a valid multi-profile document', () => {
  it('is read whole, settings validated by each vendor', () => {
    const config = expectOk(parseConfigJson(JSON.stringify(twoProfiles), vendors));
    expect(config.profiles.map((profile) => profile.id)).toEqual(['demo', 'eu']);
    expect(config.profiles[0]?.settings).toEqual({ ...demoDefaults, answerDelayMs: 1000 });
    expect(config.profiles[1]?.settings).toEqual({ serverUrl: 'https://pbx.example.eu', username: 'agent1' });
    expect(config.activeProfile).toBe('eu');
    expect(config.defaultRegion).toBe('IT');
    expect(config.sites.block).toEqual(['https://admin.example.com/*']);
  });

  it('reads screenPop, autofill and callLog with their defaults applied', () => {
    const config = expectOk(validateConfig(twoProfiles, vendors));
    expect(config.screenPop).toEqual([
      {
        id: 'search',
        on: 'ringing',
        conditions: [],
        action: 'newTab',
        url: 'https://crm.example.com/search?q={e164}',
      },
    ]);
    expect(config.autofill).toEqual([]);
    expect(config.callLog).toEqual({ prompt: true, dispositions: ['Sale'] });
  });

  it('round-trips: a validated configuration validates to itself', () => {
    const config = expectOk(validateConfig(twoProfiles, vendors));
    expect(expectOk(parseConfigJson(JSON.stringify(config), vendors))).toEqual(config);
  });
});

describe('each kind of error names its path and the fix', () => {
  const withChange = (change: Record<string, unknown>) => ({ ...twoProfiles, ...change });

  it('invalid JSON: (document), with line and column', () => {
    const issues = expectIssues(parseConfigJson('{\n  "profiles": []\n  "activeProfile": "x"\n}', vendors));
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe('(document)');
    expect(issues[0]?.message).toBe(
      'not valid JSON at line 3, column 3: a comma is missing before this property',
    );
  });

  it('truncated JSON points at the end', () => {
    const issue = expectIssues(parseConfigJson('{\n"profiles": [', vendors))[0];
    expect(issue?.message).toMatch(/line 2, column 14: the document ends too early/);
  });

  it('empty text and a non-object document', () => {
    expect(expectIssues(parseConfigJson('  ', vendors))[0]?.message).toMatch(/empty/);
    const issue = expectIssues(parseConfigJson('[1, 2]', vendors))[0];
    expect(issue).toMatchObject({ path: '(document)' });
    expect(issue?.message).toMatch(/expected an object .*got a list/);
  });

  it('defaultRegion that is not a region', () => {
    const issue = issueAt(
      expectIssues(validateConfig(withChange({ defaultRegion: 'XX' }), vendors)),
      'defaultRegion',
    );
    expect(issue.message).toBe('"XX" is not a region code; use an ISO 3166 code such as "US", "GB" or "IT"');
  });

  it('defaultRegion in lower case suggests the upper case code', () => {
    const issue = issueAt(
      expectIssues(validateConfig(withChange({ defaultRegion: 'gb' }), vendors)),
      'defaultRegion',
    );
    expect(issue.message).toMatch(/use "GB"/);
  });

  it('activeProfile that matches no profile lists the ids', () => {
    const issue = issueAt(
      expectIssues(validateConfig(withChange({ activeProfile: 'sales' }), vendors)),
      'activeProfile',
    );
    expect(issue.message).toBe('"sales" matches no profile id; use one of "demo", "eu"');
  });

  it('unknown vendor lists the known ones', () => {
    const doc = withChange({ profiles: [{ id: 'a', vendor: 'foo', label: 'A' }], activeProfile: 'a' });
    const issue = issueAt(expectIssues(validateConfig(doc, [demoVendor])), 'profiles[0].vendor');
    expect(issue.message).toBe('unknown vendor "foo"; use one of: demo');
  });

  it('a vendor id in the wrong case is suggested', () => {
    const doc = withChange({ profiles: [{ id: 'a', vendor: 'Demo', label: 'A' }], activeProfile: 'a' });
    const issue = issueAt(expectIssues(validateConfig(doc, vendors)), 'profiles[0].vendor');
    expect(issue.message).toMatch(/did you mean "demo"\?/);
  });

  it('duplicate profile ids', () => {
    const profiles = [...twoProfiles.profiles, { id: 'demo', vendor: 'demo', label: 'Another' }];
    const issue = issueAt(expectIssues(validateConfig(withChange({ profiles }), vendors)), 'profiles[2].id');
    expect(issue.message).toMatch(/"demo" is already the id of profiles\[0\]; give each profile its own id/);
  });

  it('unknown top-level key names the known keys (probably a typo)', () => {
    const issue = issueAt(
      expectIssues(validateConfig(withChange({ defaultRegoin: 'US' }), vendors)),
      'defaultRegoin',
    );
    expect(issue.message).toMatch(/^unknown field "defaultRegoin" \(did you mean "defaultRegion"\?\)/);
    expect(issue.message).toMatch(
      /version, profiles, activeProfile, defaultRegion, sites, screenPop, autofill, callLog$/,
    );
  });

  it('unknown keys in a profile, in sites and in vendor settings', () => {
    const doc = withChange({
      profiles: [{ id: 'demo', vendor: 'demo', lable: 'x', label: 'Demo', settings: { answerDelayMS: 5 } }],
      activeProfile: 'demo',
      sites: { allow: [], blocked: [] },
    });
    const issues = expectIssues(validateConfig(doc, vendors));
    expect(issueAt(issues, 'profiles[0].lable').message).toMatch(/did you mean "label"/);
    expect(issueAt(issues, 'profiles[0].settings.answerDelayMS').message).toMatch(
      /did you mean "answerDelayMs"/,
    );
    expect(issueAt(issues, 'sites.blocked').message).toMatch(/did you mean "block"/);
  });

  it('vendor settings are checked by the vendor schema, with its own fix', () => {
    const profiles = [{ id: 'demo', vendor: 'demo', label: 'Demo', settings: { answerDelayMs: 'fast' } }];
    const issue = issueAt(
      expectIssues(validateConfig(withChange({ profiles, activeProfile: 'demo' }), vendors)),
      'profiles[0].settings.answerDelayMs',
    );
    expect(issue.message).toBe(
      'expected a number, got the text "fast"; use a number of milliseconds, e.g. 2500',
    );
  });

  it('a value out of range says the limit', () => {
    const profiles = [{ id: 'demo', vendor: 'demo', label: 'Demo', settings: { afterCallWorkSeconds: -5 } }];
    const issue = issueAt(
      expectIssues(validateConfig(withChange({ profiles, activeProfile: 'demo' }), vendors)),
      'profiles[0].settings.afterCallWorkSeconds',
    );
    expect(issue.message).toBe('-5 is too small; use 0 or more');
  });

  it('a required vendor setting that is missing', () => {
    const profiles = [{ id: 'eu', vendor: 'xcally', label: 'EU', settings: { username: 'a' } }];
    const issue = issueAt(
      expectIssues(validateConfig(withChange({ profiles, activeProfile: 'eu' }), vendors)),
      'profiles[0].settings.serverUrl',
    );
    expect(issue.message).toBe('is missing; add "serverUrl"');
  });

  it('a missing required profile field', () => {
    const profiles = [{ id: 'demo', vendor: 'demo' }];
    const issue = issueAt(
      expectIssues(validateConfig(withChange({ profiles, activeProfile: 'demo' }), vendors)),
      'profiles[0].label',
    );
    expect(issue.message).toBe('is missing; add it, e.g. "label": "Sales PBX"');
  });

  it('wrong types at the top level', () => {
    const issues = expectIssues(
      validateConfig(withChange({ profiles: {}, screenPop: 'x', autofill: {}, callLog: [] }), vendors),
    );
    expect(issueAt(issues, 'profiles').message).toBe(
      'expected a list [...], got an object {...}; write a list in brackets: [ ... ]',
    );
    expect(issueAt(issues, 'screenPop').message).toBe(
      'expected a list [...], got the text "x"; write a list in brackets: [ ... ], or [] for none',
    );
    expect(issueAt(issues, 'autofill').message).toMatch(/^expected a list \[\.\.\.\], got an object/);
    expect(issueAt(issues, 'callLog').message).toMatch(
      /^expected an object \{\.\.\.\}, got a list \[\.\.\.\]; write it as \{ "prompt": true/,
    );
  });

  it('missing and empty profiles', () => {
    expect(issueAt(expectIssues(validateConfig({}, vendors)), 'profiles').message).toMatch(
      /^is missing; add it/,
    );
    expect(issueAt(expectIssues(validateConfig({ profiles: [] }, vendors)), 'profiles').message).toMatch(
      /add at least one profile/,
    );
  });

  it('a site pattern that is not a match pattern', () => {
    const doc = withChange({
      sites: { allow: ['crm.example.com', 'ftp://x.com/*', 'https://x.*.com/*'], block: [] },
    });
    const issues = expectIssues(validateConfig(doc, vendors));
    expect(issueAt(issues, 'sites.allow[0]').message).toMatch(
      /no scheme; write it as "\*:\/\/crm\.example\.com\/\*"/,
    );
    expect(issueAt(issues, 'sites.allow[1]').message).toMatch(/use http, https or \*/);
    expect(issueAt(issues, 'sites.allow[2]').message).toMatch(/may only come first/);
  });

  it('a non-object profile', () => {
    const issue = issueAt(
      expectIssues(validateConfig(withChange({ profiles: ['demo'] }), vendors)),
      'profiles[0]',
    );
    expect(issue.message).toMatch(
      /^expected an object \{\.\.\.\}, got the text "demo"; write a profile such as/,
    );
  });
});

describe('several errors at once', () => {
  it('reports every problem, in document order', () => {
    const doc = {
      profiles: [
        { id: 'a', vendor: 'demo', label: '', settings: { answerDelayMs: 2.5 } },
        { id: 'a', vendor: 'nope', label: 'B' },
      ],
      activeProfile: 'c',
      defaultRegion: 'XX',
      sites: { allow: ['nope'] },
      extra: true,
    };
    const issues = expectIssues(validateConfig(doc, vendors));
    expect(issues.map((issue) => issue.path)).toEqual([
      'profiles[0].label',
      'profiles[0].settings.answerDelayMs',
      'profiles[1].id',
      'profiles[1].vendor',
      'activeProfile',
      'defaultRegion',
      'sites.allow[0]',
      'extra',
    ]);
    for (const issue of issues) expect(issue.message).toMatch(/; /);
  });
});

describe('versions', () => {
  it('a document without version is read as version 1', () => {
    const { version: _drop, ...doc } = twoProfiles;
    expect(expectOk(validateConfig(doc, vendors)).version).toBe(1);
  });

  it('a newer version is refused, saying what this build reads', () => {
    const issues = expectIssues(validateConfig({ ...twoProfiles, version: 7 }, vendors));
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe('version');
    expect(issues[0]?.message).toMatch(/version 7, but this build of Softbar reads up to version 1/);
  });

  it('a version that is not a whole number is refused', () => {
    const issue = issueAt(expectIssues(validateConfig({ ...twoProfiles, version: '1' }, vendors)), 'version');
    expect(issue.message).toMatch(/"1" is not a format version; use a whole number/);
  });
});

describe('sites.exclude', () => {
  const base = { profiles: [{ id: 'demo', vendor: 'demo', label: 'Demo' }] };
  it('keeps exclusions and names bad ones', () => {
    const good = validateConfig(
      {
        ...base,
        sites: { exclude: [{ match: 'https://crm.example.com/*', selectors: ['.invoice', '#order-id'] }] },
      },
      vendors,
    );
    expect(good.ok && good.config.sites.exclude).toEqual([
      { match: 'https://crm.example.com/*', selectors: ['.invoice', '#order-id'] },
    ]);
    const bad = validateConfig(
      { ...base, sites: { exclude: [{ match: 'crm', selectors: ['a { color: red }'], selector: 'x' }] } },
      vendors,
    );
    expect(bad.ok).toBe(false);
    const paths = bad.ok ? [] : bad.issues.map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'sites.exclude[0].match',
        'sites.exclude[0].selectors[0]',
        'sites.exclude[0].selector',
      ]),
    );
  });
});
