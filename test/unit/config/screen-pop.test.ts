import { describe, expect, it } from 'vitest';
import { configWith, issueAt, issuesWith } from './helpers';

const CRM = 'https://crm.example.com/contacts?phone={e164}';

/** Issues of a document whose only screen-pop rule is `rule`. */
const issuesOf = (rule: unknown) => issuesWith({ screenPop: [rule] });

describe('screenPop: valid rules', () => {
  it('applies the defaults: on ringing, no conditions, popup 900 by 700', () => {
    const config = configWith({
      screenPop: [
        { id: 'contact', label: 'Open the contact', action: 'newTab', url: CRM },
        { id: 'window', action: 'popup', url: CRM },
        { id: 'sized', action: 'popup', url: CRM, width: 1200, height: 800 },
      ],
    });
    expect(config.screenPop).toEqual([
      { id: 'contact', label: 'Open the contact', on: 'ringing', conditions: [], action: 'newTab', url: CRM },
      { id: 'window', on: 'ringing', conditions: [], action: 'popup', url: CRM, width: 900, height: 700 },
      { id: 'sized', on: 'ringing', conditions: [], action: 'popup', url: CRM, width: 1200, height: 800 },
    ]);
  });

  it('takes every action with the fields it uses; focus needs no URL', () => {
    const rules = [
      { id: 'a', on: 'answered', action: 'reuseTab', url: CRM, tabPattern: 'https://crm.example.com/*' },
      { id: 'b', on: 'ended', action: 'focus', tabPattern: 'https://crm.example.com/*' },
      { id: 'c', action: 'focus', tabPattern: '*://crm.internal/*', url: CRM },
      { id: 'd', action: 'frame', url: 'https://kb.example.com/search?q={vendor.topic}' },
      {
        id: 'e',
        action: 'newTab',
        url: CRM,
        conditions: [
          { field: 'direction', equals: 'inbound' },
          { field: 'vendor.customer.tier', matches: '^(Gold|Platinum)$' },
        ],
      },
    ];
    const config = configWith({ screenPop: rules });
    expect(config.screenPop.map((rule) => rule.action)).toEqual([
      'reuseTab',
      'focus',
      'focus',
      'frame',
      'newTab',
    ]);
    expect(config.screenPop[1]).not.toHaveProperty('url');
    expect(config.screenPop[4]?.conditions).toEqual(rules[4]?.conditions);
  });

  it('the same id may be used once in screenPop and once in autofill', () => {
    const config = configWith({
      screenPop: [{ id: 'crm', action: 'newTab', url: CRM }],
      autofill: [
        { id: 'crm', match: 'https://crm.example.com/*', fields: [{ selector: '#phone', value: '{e164}' }] },
      ],
    });
    expect(config.screenPop[0]?.id).toBe(config.autofill[0]?.id);
  });
});

describe('screenPop: id', () => {
  it('is required, and the message says why it cannot be generated', () => {
    const issue = issueAt(issuesOf({ action: 'newTab', url: CRM }), 'screenPop[0].id');
    expect(issue.message).toMatch(/^is missing; add one, e\.g\. "id": "open-contact"/);
    expect(issue.message).toMatch(/once per rule id/);
    expect(issue.message).toMatch(/reordered/);
  });

  it('may not be blank', () => {
    const issue = issueAt(issuesOf({ id: '  ', action: 'newTab', url: CRM }), 'screenPop[0].id');
    expect(issue.message).toBe('is empty; write it, e.g. "id": "open-contact"');
  });

  it('is unique among the rules', () => {
    const issues = issuesWith({
      screenPop: [
        { id: 'contact', action: 'newTab', url: CRM },
        { id: 'other', action: 'newTab', url: CRM },
        { id: 'contact', action: 'frame', url: CRM },
      ],
    });
    expect(issueAt(issues, 'screenPop[2].id').message).toBe(
      '"contact" is already the id of screenPop[0]; give each rule its own id',
    );
    expect(issues).toHaveLength(1);
  });
});

describe('screenPop: on and action', () => {
  it('on is a call moment', () => {
    const issue = issueAt(issuesOf({ id: 'a', on: 'ring', action: 'newTab', url: CRM }), 'screenPop[0].on');
    expect(issue.message).toBe('"ring" is not a call moment; use "ringing", "answered" or "ended"');
    const typo = issueAt(issuesOf({ id: 'a', on: 'answerd', action: 'newTab', url: CRM }), 'screenPop[0].on');
    expect(typo.message).toMatch(/\(did you mean "answered"\?\)/);
  });

  it('action is required and names the choices', () => {
    const missing = issueAt(issuesOf({ id: 'a', url: CRM }), 'screenPop[0].action');
    expect(missing.message).toBe(
      'is missing; add what the rule does, e.g. "action": "newTab"; use "newTab", "reuseTab", "focus", "popup" or "frame"',
    );
    const wrong = issueAt(issuesOf({ id: 'a', action: 'newtab', url: CRM }), 'screenPop[0].action');
    expect(wrong.message).toBe(
      '"newtab" is not a screen-pop action (did you mean "newTab"?); use "newTab", "reuseTab", "focus", "popup" or "frame"',
    );
  });
});

describe('screenPop: url', () => {
  it('is required by every action but focus', () => {
    for (const [action, extra] of [
      ['newTab', {}],
      ['reuseTab', { tabPattern: 'https://crm.example.com/*' }],
      ['popup', {}],
      ['frame', {}],
    ] as const) {
      const issue = issueAt(issuesOf({ id: 'a', action, ...extra }), 'screenPop[0].url');
      expect(issue.message).toBe(
        `is missing; a "${action}" rule opens a URL: add one, e.g. "url": "https://crm.example.com/contacts?phone={e164}"`,
      );
    }
  });

  it('refuses javascript: and says Softbar opens only http and https', () => {
    const issue = issueAt(
      issuesOf({ id: 'a', action: 'newTab', url: 'javascript:alert(1)' }),
      'screenPop[0].url',
    );
    expect(issue.message).toBe(
      '"javascript:alert(1)" is a javascript: URL; Softbar opens only http and https addresses: write one such as "https://crm.example.com/contacts?phone={e164}"',
    );
  });

  it('refuses data:, other schemes and relative addresses', () => {
    const messageFor = (url: string) =>
      issueAt(issuesOf({ id: 'a', action: 'newTab', url }), 'screenPop[0].url').message;
    expect(messageFor('data:text/html,<script>x</script>')).toMatch(
      /is a data: URL; Softbar opens only http and https/,
    );
    expect(messageFor('ftp://files.example.com/{e164}')).toMatch(/is a ftp: URL; Softbar opens only http/);
    expect(messageFor('/contacts?phone={e164}')).toMatch(/has no scheme; .*write it in full, e\.g\./);
    expect(messageFor('crm.example.com:8443/c?p={e164}')).toMatch(/has no scheme/);
    expect(messageFor('https:/crm.example.com/')).toMatch(/write "\/\/" after "https:"/);
  });

  it('refuses unknown variables, suggesting the closest, and variables in the host', () => {
    expect(
      issueAt(
        issuesOf({ id: 'a', action: 'newTab', url: 'https://crm.example.com/{e146}' }),
        'screenPop[0].url',
      ).message,
    ).toMatch(
      /^uses \{e146\}, which is not a call field \(did you mean \{e164\}\?\); use \{number\}, \{e164\}/,
    );
    expect(
      issueAt(issuesOf({ id: 'a', action: 'newTab', url: 'https://{vendor.host}/x' }), 'screenPop[0].url')
        .message,
    ).toMatch(/puts a variable in the host name; call data may only go in the path or query/);
    expect(
      issueAt(
        issuesOf({ id: 'a', action: 'newTab', url: 'https://crm.example.com/{e164' }),
        'screenPop[0].url',
      ).message,
    ).toMatch(/without its pair; write each variable in braces/);
  });

  it('must be text', () => {
    const issue = issueAt(issuesOf({ id: 'a', action: 'newTab', url: 42 }), 'screenPop[0].url');
    expect(issue.message).toBe('expected text, got the number 42; write text in double quotes, e.g. "Sales"');
  });
});

describe('screenPop: tabPattern', () => {
  it('is required by reuseTab and focus', () => {
    const reuse = issueAt(issuesOf({ id: 'a', action: 'reuseTab', url: CRM }), 'screenPop[0].tabPattern');
    expect(reuse.message).toBe(
      'is missing; a "reuseTab" rule reuses the first tab matching it: add one, e.g. "tabPattern": "https://crm.example.com/*"',
    );
    const focus = issueAt(issuesOf({ id: 'a', action: 'focus' }), 'screenPop[0].tabPattern');
    expect(focus.message).toMatch(/a "focus" rule brings forward the first tab matching it: add one/);
  });

  it('is a match pattern', () => {
    const issue = issueAt(
      issuesOf({ id: 'a', action: 'focus', tabPattern: 'crm.example.com' }),
      'screenPop[0].tabPattern',
    );
    expect(issue.message).toMatch(/no scheme; write it as "\*:\/\/crm\.example\.com\/\*"/);
  });

  it('is refused on other actions, even when it is no pattern (one issue)', () => {
    const issues = issuesOf({ id: 'a', action: 'newTab', url: CRM, tabPattern: 'nonsense' });
    expect(issueAt(issues, 'screenPop[0].tabPattern').message).toBe(
      'is only used by "reuseTab" or "focus" rules, not "newTab"; remove it, or change "action"',
    );
  });
});

describe('screenPop: width and height', () => {
  it('are whole numbers of pixels from 200 to 4000', () => {
    const issues = issuesOf({ id: 'a', action: 'popup', url: CRM, width: 150, height: 4001 });
    expect(issueAt(issues, 'screenPop[0].width').message).toBe('150 is too small; use 200 to 4000 pixels');
    expect(issueAt(issues, 'screenPop[0].height').message).toBe('4001 is too large; use 200 to 4000 pixels');
    const fraction = issuesOf({ id: 'a', action: 'popup', url: CRM, width: 900.5 });
    expect(issueAt(fraction, 'screenPop[0].width').message).toBe(
      '900.5 is not a whole number; give the size in pixels, e.g. 900',
    );
  });

  it('are only for popup', () => {
    const issues = issuesOf({ id: 'a', action: 'frame', url: CRM, width: 900, height: 700 });
    expect(issueAt(issues, 'screenPop[0].width').message).toBe(
      'is only used by "popup" rules, not "frame"; remove it, or change "action"',
    );
    expect(issueAt(issues, 'screenPop[0].height').message).toMatch(/only used by "popup"/);
  });
});

describe('screenPop: shape', () => {
  it('names unknown fields, with the likely one', () => {
    const issues = issuesOf({ id: 'a', action: 'reuseTab', url: CRM, tabpattern: 'https://x.com/*' });
    expect(issueAt(issues, 'screenPop[0].tabpattern').message).toBe(
      'unknown field "tabpattern" (did you mean "tabPattern"?); a screen-pop rule has: id, label, on, conditions, action, url, tabPattern, width, height',
    );
  });

  it('a rule that is not an object shows one', () => {
    const issue = issueAt(issuesOf('https://crm.example.com/'), 'screenPop[0]');
    expect(issue.message).toMatch(
      /^expected an object \{\.\.\.\}, got the text .*; write a rule such as \{ "id"/,
    );
  });

  it('reports every problem of every rule at once', () => {
    const issues = issuesWith({
      screenPop: [
        { action: 'newTab', url: 'javascript:void 0' },
        { id: 'b', on: 'later', action: 'reuseTab' },
      ],
    });
    expect(issues.map((issue) => issue.path)).toEqual([
      'screenPop[0].id',
      'screenPop[0].url',
      'screenPop[1].on',
      'screenPop[1].url',
      'screenPop[1].tabPattern',
    ]);
  });
});

describe('rule conditions (shared by screenPop and autofill)', () => {
  const withCondition = (condition: unknown) =>
    issuesOf({ id: 'a', action: 'newTab', url: CRM, conditions: [condition] });

  it('field is a call field; the message lists them', () => {
    const issue = issueAt(
      withCondition({ field: 'directon', equals: 'inbound' }),
      'screenPop[0].conditions[0].field',
    );
    expect(issue.message).toBe(
      '"directon" is not a call field (did you mean "direction"?); use one of number, e164, national, name, callId, vendorCallId, queue, service, campaign, direction, media, state, or "vendor.FIELD" for a field the vendor sends',
    );
    expect(issueAt(withCondition({ equals: 'inbound' }), 'screenPop[0].conditions[0].field').message).toBe(
      'is missing; add the call field to test, e.g. "field": "direction"',
    );
    expect(
      issueAt(withCondition({ field: 'vendor.', equals: 'x' }), 'screenPop[0].conditions[0].field').message,
    ).toMatch(/is not a call field/);
  });

  it('needs equals or matches', () => {
    const issue = issueAt(withCondition({ field: 'queue' }), 'screenPop[0].conditions[0]');
    expect(issue.message).toMatch(
      /^has neither "equals" nor "matches"; add the test, e\.g\. "equals": "inbound"/,
    );
  });

  it('matches must compile with the u flag; the message carries the SyntaxError', () => {
    const issue = issueAt(
      withCondition({ field: 'queue', matches: '(sales' }),
      'screenPop[0].conditions[0].matches',
    );
    expect(issue.message).toMatch(
      /^"\(sales" is not a regular expression \(Invalid regular expression: .*\)/,
    );
    expect(issue.message).toMatch(/correct it \(JavaScript syntax, without slashes\), or use "equals"/);
    // Valid without the u flag, but not with it: the rules run with u.
    expect(
      issueAt(withCondition({ field: 'queue', matches: '\\-' }), 'screenPop[0].conditions[0].matches')
        .message,
    ).toMatch(/is not a regular expression/);
  });

  it('matches written with slashes shows the expression without them', () => {
    const issue = issueAt(
      withCondition({ field: 'e164', matches: '/^\\+44/' }),
      'screenPop[0].conditions[0].matches',
    );
    expect(issue.message).toBe(
      '"/^\\\\+44/" is written with slashes, which would have to be in the text; write the expression alone: "^\\\\+44" (flags are not supported)',
    );
  });

  it('names unknown fields of a condition', () => {
    const issue = issueAt(
      withCondition({ field: 'queue', equal: 'Sales' }),
      'screenPop[0].conditions[0].equal',
    );
    expect(issue.message).toMatch(
      /^unknown field "equal" \(did you mean "equals"\?\); a condition has: field, equals, matches/,
    );
  });

  it('equals is text', () => {
    const issue = issueAt(withCondition({ field: 'queue', equals: 5 }), 'screenPop[0].conditions[0].equals');
    expect(issue.message).toMatch(/^expected text, got the number 5; write text in double quotes/);
  });

  it('conditions is a list', () => {
    const issue = issueAt(
      issuesOf({ id: 'a', action: 'newTab', url: CRM, conditions: { field: 'queue', equals: 'x' } }),
      'screenPop[0].conditions',
    );
    expect(issue.message).toMatch(/^expected a list \[\.\.\.\], got an object/);
  });
});
