import type { AutofillRule } from '../../../src/core/config/types';

export const FORM_URL = 'https://crm.example.com/cases/new';

/** The case-form rule of the fixture page, at a moment; override anything. */
export function caseRule(overrides: Partial<AutofillRule> = {}): AutofillRule {
  return {
    id: 'case-form',
    match: 'https://crm.example.com/cases/*',
    on: 'answered',
    conditions: [],
    overwrite: false,
    fields: [
      { selector: '#case-phone', value: '{e164}' },
      { selector: '#case-name', value: '{name}' },
      { selector: '#case-queue', value: '{queue}' },
      { selector: '#case-subject', value: 'Call from {name}' },
      { selector: '#case-notes', value: 'Customer {vendor.customerId} called {queue}' },
    ],
    ...overrides,
  };
}

/** The fixture form's fields, plain; `subject` starts with text, like the fixture page. */
export const CASE_FORM = `
  <form id="case-form">
    <input id="case-phone" type="tel">
    <input id="case-name">
    <select id="case-queue"><option value="">Choose a queue…</option><option>Support</option><option>Billing</option></select>
    <input id="case-subject" value="New enquiry">
    <textarea id="case-notes"></textarea>
  </form>`;
