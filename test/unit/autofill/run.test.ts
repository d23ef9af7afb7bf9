// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { fillFormNow } from '../../../content-scripts/autofill/manual';
import { applyAutofillRule } from '../../../content-scripts/autofill/run';
import { describeFill } from '../../../content-scripts/autofill/summary';
import { makeCall } from '../ui/fixtures';
import { CASE_FORM, caseRule, FORM_URL } from './rules';

const GIULIA = makeCall({
  remoteNumber: '+39 02 4869 1234',
  remoteE164: '+390248691234',
  remoteName: 'Giulia Romano',
  queue: 'Billing',
  vendorData: { customerId: 'C-30851' },
});

const value = (id: string) => (document.getElementById(id) as HTMLInputElement).value;

afterEach(() => {
  document.body.innerHTML = '';
});

describe('applyAutofillRule', () => {
  it('fills each field with its template expanded, leaving text already there', () => {
    document.body.innerHTML = CASE_FORM;
    const reports = applyAutofillRule(caseRule(), GIULIA, document);
    expect(reports.map((r) => r.outcome)).toEqual([
      'filled',
      'filled',
      'filled',
      'skipped-nonempty',
      'filled',
    ]);
    expect(value('case-phone')).toBe('+390248691234');
    expect(value('case-name')).toBe('Giulia Romano');
    expect(value('case-queue')).toBe('Billing');
    expect(value('case-subject')).toBe('New enquiry');
    expect(value('case-notes')).toBe('Customer C-30851 called Billing');
  });

  it('lets a field overwrite where the rule does not, and the other way round', () => {
    document.body.innerHTML = CASE_FORM;
    const rule = caseRule({
      overwrite: true,
      fields: [
        { selector: '#case-subject', value: 'Call from {name}', overwrite: false },
        { selector: '#case-notes', value: 'x' },
      ],
    });
    (document.getElementById('case-notes') as HTMLTextAreaElement).value = 'old';
    expect(applyAutofillRule(rule, GIULIA, document).map((r) => r.outcome)).toEqual([
      'skipped-nonempty',
      'filled',
    ]);
    expect(value('case-notes')).toBe('x');
    const subjectOnly = caseRule({
      fields: [{ selector: '#case-subject', value: '{name}', overwrite: true }],
    });
    applyAutofillRule(subjectOnly, GIULIA, document);
    expect(value('case-subject')).toBe('Giulia Romano');
  });

  it('reports selectors that match nothing or do not parse, without throwing', () => {
    document.body.innerHTML = CASE_FORM;
    const rule = caseRule({
      fields: [
        { selector: '#nowhere', value: '{e164}' },
        { selector: 'input[', value: '{e164}' },
        { selector: '#case-name', value: '{name}' },
      ],
    });
    expect(applyAutofillRule(rule, GIULIA, document)).toEqual([
      { index: 0, selector: '#nowhere', outcome: 'not-found' },
      { index: 1, selector: 'input[', outcome: 'bad-selector' },
      { index: 2, selector: '#case-name', outcome: 'filled' },
    ]);
  });

  it('fills only the fields asked for', () => {
    document.body.innerHTML = CASE_FORM;
    const reports = applyAutofillRule(caseRule(), GIULIA, document, new Set([1]));
    expect(reports).toEqual([{ index: 1, selector: '#case-name', outcome: 'filled' }]);
    expect(value('case-phone')).toBe('');
  });
});

describe('"Fill form"', () => {
  it('applies the rules for the page whatever their moment, and says what it did', () => {
    document.body.innerHTML = CASE_FORM;
    const result = fillFormNow([caseRule({ on: 'manual' })], GIULIA, document, FORM_URL);
    expect(result).toEqual({ filled: 4, text: 'Filled 4 fields' });
    expect(fillFormNow([caseRule()], GIULIA, document, FORM_URL).text).toBe(
      'Nothing to fill: fields already have text',
    );
  });

  it('says when the form is not on the page, or no rule fits the page or the call', () => {
    document.body.innerHTML = '<p>Contacts</p>';
    expect(fillFormNow([caseRule()], GIULIA, document, FORM_URL).text).toBe('Form not found on this page');
    document.body.innerHTML = CASE_FORM;
    expect(fillFormNow([caseRule()], GIULIA, document, 'https://crm.example.com/contacts').filled).toBe(0);
    const salesOnly = caseRule({ conditions: [{ field: 'queue', equals: 'Sales' }] });
    expect(fillFormNow([salesOnly], GIULIA, document, FORM_URL)).toEqual({
      filled: 0,
      text: 'No autofill rule applies to this call',
    });
    expect(value('case-phone')).toBe('');
  });

  it('words one field and locked fields plainly', () => {
    expect(describeFill([{ index: 0, selector: 'a', outcome: 'filled' }])).toBe('Filled 1 field');
    expect(describeFill([{ index: 0, selector: 'a', outcome: 'not-fillable' }])).toBe(
      'Nothing filled: the form’s fields are locked',
    );
  });
});
