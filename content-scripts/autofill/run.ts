import type { Call } from '../../src/core/call';
import type { AutofillRule } from '../../src/core/config/types';
import { expandTextTemplate } from '../../src/core/rules/template';
import { type FillOutcome, fillField } from './fill';

/** What one of a rule's fields came to. */
export interface FieldReport {
  /** Index of the field in the rule's `fields`. */
  readonly index: number;
  /** The field's selector, as configured. */
  readonly selector: string;
  /** `bad-selector`: the selector does not parse here (validation should have refused it). */
  readonly outcome: FillOutcome | 'bad-selector';
}

function find(document: Document, selector: string): Element | null | 'bad-selector' {
  try {
    return document.querySelector(selector);
  } catch {
    return 'bad-selector';
  }
}

/**
 * Fills the rule's fields on `document` from `call`, each with its own overwrite setting (else the
 * rule's), and reports every field; nothing throws, since a CRM page changes under us. `only` limits
 * the run to some field indices (a retry fills only what it did not find before).
 */
export function applyAutofillRule(
  rule: AutofillRule,
  call: Call,
  document: Document,
  only?: ReadonlySet<number>,
): FieldReport[] {
  const reports: FieldReport[] = [];
  rule.fields.forEach((field, index) => {
    if (only && !only.has(index)) return;
    const element = find(document, field.selector);
    const outcome =
      element === 'bad-selector'
        ? element
        : fillField(element, expandTextTemplate(field.value, call), field.overwrite ?? rule.overwrite);
    reports.push({ index, selector: field.selector, outcome });
  });
  return reports;
}
