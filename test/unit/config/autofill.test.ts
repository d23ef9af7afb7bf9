import { describe, expect, it } from 'vitest';
import { configWith, issueAt, issuesWith } from './helpers';

const CASES = 'https://crm.example.com/cases/*';
const SUBJECT = { selector: '#case-subject', value: 'Call from {name} ({e164})' };

/** Issues of a document whose only autofill rule is `rule`. */
const issuesOf = (rule: unknown) => issuesWith({ autofill: [rule] });
/** A valid rule with `change` laid over it. */
const rule = (change: Record<string, unknown> = {}) => ({
  id: 'case',
  match: CASES,
  fields: [SUBJECT],
  ...change,
});

describe('autofill: valid rules', () => {
  it('applies the defaults: on answered, no conditions, overwrite false; a field overwrite only when written', () => {
    const config = configWith({
      autofill: [
        rule(),
        rule({
          id: 'manual',
          label: 'Case form, on demand',
          on: 'manual',
          overwrite: true,
          conditions: [{ field: 'queue', equals: 'Support' }],
          fields: [SUBJECT, { selector: 'textarea[name=notes]', value: '', overwrite: false }],
        }),
      ],
    });
    expect(config.autofill).toEqual([
      { id: 'case', match: CASES, on: 'answered', conditions: [], overwrite: false, fields: [SUBJECT] },
      {
        id: 'manual',
        label: 'Case form, on demand',
        match: CASES,
        on: 'manual',
        conditions: [{ field: 'queue', equals: 'Support' }],
        overwrite: true,
        fields: [SUBJECT, { selector: 'textarea[name=notes]', value: '', overwrite: false }],
      },
    ]);
    expect(config.autofill[0]?.fields[0]).not.toHaveProperty('overwrite');
  });
});

describe('autofill: id, match and on', () => {
  it('id is required and unique', () => {
    const { id: _drop, ...withoutId } = rule();
    expect(issueAt(issuesOf(withoutId), 'autofill[0].id').message).toBe(
      'is missing; add one, e.g. "id": "case-form"',
    );
    const issues = issuesWith({ autofill: [rule(), rule()] });
    expect(issueAt(issues, 'autofill[1].id').message).toBe(
      '"case" is already the id of autofill[0]; give each rule its own id',
    );
  });

  it('match is a required match pattern', () => {
    const { match: _drop, ...withoutMatch } = rule();
    expect(issueAt(issuesOf(withoutMatch), 'autofill[0].match').message).toBe(
      'is missing; add the pages whose form the rule fills, e.g. "match": "https://crm.example.com/cases/*"',
    );
    expect(
      issueAt(issuesOf(rule({ match: 'ftp://crm.example.com/*' })), 'autofill[0].match').message,
    ).toMatch(/uses the scheme "ftp"; Softbar runs only on web pages: use http, https or \*/);
  });

  it('on may also be manual', () => {
    const issue = issueAt(issuesOf(rule({ on: 'manually' })), 'autofill[0].on');
    expect(issue.message).toBe(
      '"manually" is not a moment an autofill rule runs on (did you mean "manual"?); use "ringing", "answered", "ended" or "manual"',
    );
  });

  it('overwrite is true or false', () => {
    const issue = issueAt(issuesOf(rule({ overwrite: 'yes' })), 'autofill[0].overwrite');
    expect(issue.message).toBe(
      'expected true or false, got the text "yes"; write true or false, without quotes',
    );
  });

  it('conditions are checked as for screen-pops', () => {
    const issue = issueAt(
      issuesOf(rule({ conditions: [{ field: 'vendor.tier', matches: '[' }] })),
      'autofill[0].conditions[0].matches',
    );
    expect(issue.message).toMatch(/^"\[" is not a regular expression \(Invalid regular expression/);
  });
});

describe('autofill: fields', () => {
  it('are required, and not empty', () => {
    const { fields: _drop, ...withoutFields } = rule();
    expect(issueAt(issuesOf(withoutFields), 'autofill[0].fields').message).toMatch(
      /^is missing; add the form fields to fill, e\.g\. "fields": \[\{ "selector": "#case-subject"/,
    );
    expect(issueAt(issuesOf(rule({ fields: [] })), 'autofill[0].fields').message).toMatch(
      /^the list is empty; add at least one field to fill, e\.g\. \{ "selector"/,
    );
  });

  it('selector is required and shaped like a CSS selector', () => {
    expect(
      issueAt(issuesOf(rule({ fields: [{ value: 'x' }] })), 'autofill[0].fields[0].selector').message,
    ).toBe('is missing; add the CSS selector of the input to fill, e.g. "selector": "#case-subject"');
    expect(
      issueAt(
        issuesOf(rule({ fields: [{ selector: 'input { color: red }', value: 'x' }] })),
        'autofill[0].fields[0].selector',
      ).message,
    ).toBe('is not a CSS selector; write one such as "#case-subject" or "textarea[name=description]"');
    expect(
      issueAt(issuesOf(rule({ fields: [{ selector: ' ', value: 'x' }] })), 'autofill[0].fields[0].selector')
        .message,
    ).toBe('is empty; write it, e.g. "#case-subject"');
  });

  it('value is a required text template of known variables', () => {
    expect(
      issueAt(issuesOf(rule({ fields: [{ selector: '#a' }] })), 'autofill[0].fields[0].value').message,
    ).toBe('is missing; add the text to fill in, e.g. "value": "Call from {number}"');
    expect(
      issueAt(
        issuesOf(rule({ fields: [{ selector: '#a', value: 'Call from {nmae}' }] })),
        'autofill[0].fields[0].value',
      ).message,
    ).toMatch(/^uses \{nmae\}, which is not a call field \(did you mean \{name\}\?\); use \{number\}/);
  });

  it('a text template may hold anything else, URLs and braces of known fields included', () => {
    const value = 'javascript:{name} https://x.example/{vendor.a.b}';
    const config = configWith({ autofill: [rule({ fields: [{ selector: '#a', value }] })] });
    expect(config.autofill[0]?.fields[0]?.value).toBe(value);
  });

  it('names unknown fields of a rule and of a field', () => {
    const issues = issuesOf(
      rule({ selector: '#x', fields: [{ selector: '#a', value: 'x', overwrites: true }] }),
    );
    expect(issueAt(issues, 'autofill[0].selector').message).toBe(
      'unknown field "selector"; an autofill rule has: id, label, match, on, conditions, overwrite, fields',
    );
    expect(issueAt(issues, 'autofill[0].fields[0].overwrites').message).toBe(
      'unknown field "overwrites" (did you mean "overwrite"?); a field has: selector, value, overwrite',
    );
  });

  it('a field that is not an object shows one', () => {
    const issue = issueAt(issuesOf(rule({ fields: ['#subject'] })), 'autofill[0].fields[0]');
    expect(issue.message).toMatch(
      /^expected an object \{\.\.\.\}, got the text "#subject"; write a field such as \{/,
    );
  });
});
