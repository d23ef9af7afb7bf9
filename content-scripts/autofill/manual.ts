import type { Call } from '../../src/core/call';
import type { AutofillRule } from '../../src/core/config/types';
import { focusedCall, type HubState } from '../../src/core/hub-state';
import { conditionsHold } from '../../src/core/rules/conditions';
import { rulesForPage } from './page-rules';
import { applyAutofillRule } from './run';
import { describeFill } from './summary';

/** The call "Fill form" fills from: the call the bar shows, else the one that ended last. */
export function callForManualFill(state: HubState): Call | undefined {
  return focusedCall(state) ?? state.recent[0];
}

/** What the agent's "Fill form" did. */
export interface ManualFill {
  /** How many fields took a value. */
  readonly filled: number;
  /** One line for the bar ("Filled 3 fields", "Form not found on this page"). */
  readonly text: string;
}

/**
 * Applies every rule for the page at `href` whatever its moment (the agent asked), skipping rules whose
 * conditions do not hold for `call`: a rule for one queue's calls must not fill from another's.
 */
export function fillFormNow(
  rules: readonly AutofillRule[],
  call: Call,
  document: Document,
  href: string,
): ManualFill {
  const applicable = rulesForPage(rules, href).filter((rule) => conditionsHold(rule.conditions, call));
  if (applicable.length === 0) return { filled: 0, text: 'No autofill rule applies to this call' };
  const reports = applicable.flatMap((rule) => applyAutofillRule(rule, call, document));
  return { filled: reports.filter((r) => r.outcome === 'filled').length, text: describeFill(reports) };
}
