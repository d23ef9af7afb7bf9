import type { CallMoment, RuleCondition, ScreenPopAction } from '../src/core/config/types';

const MOMENTS: Record<CallMoment | 'manual', string> = {
  ringing: 'When the call rings',
  answered: 'When the call is answered',
  ended: 'When the call ends',
  manual: 'Only from the bar\u2019s \u201cFill form\u201d button',
};

const ACTIONS: Record<ScreenPopAction, string> = {
  newTab: 'Opens a new tab',
  reuseTab: 'Reuses a matching tab',
  focus: 'Focuses a matching tab',
  popup: 'Opens a popup window',
  frame: 'Shows the page in the bar',
};

/** A rule's `on`, in words; an unknown value is shown as written. */
export function momentText(on: unknown): string {
  return typeof on === 'string' && Object.hasOwn(MOMENTS, on)
    ? MOMENTS[on as CallMoment | 'manual']
    : `Unknown moment ${JSON.stringify(on)}`;
}

/** A screen-pop `action`, in words; an unknown value is shown as written. */
export function actionText(action: unknown): string {
  return typeof action === 'string' && Object.hasOwn(ACTIONS, action)
    ? ACTIONS[action as ScreenPopAction]
    : `Unknown action ${JSON.stringify(action)}`;
}

/** One condition as an admin reads it: `queue equals "Support"`, `vendor.tier matches /^gold/`. */
export function conditionText(condition: RuleCondition): string {
  const tests: string[] = [];
  if (condition.equals !== undefined) tests.push(`equals ${JSON.stringify(condition.equals)}`);
  if (condition.matches !== undefined) tests.push(`matches /${condition.matches}/`);
  return `${condition.field} ${tests.length > 0 ? tests.join(' and ') : 'has a value'}`;
}

/** Every condition joined, or what holds when there is none. */
export function conditionsText(conditions: readonly RuleCondition[] | undefined): string {
  if (!conditions || conditions.length === 0) return 'Every call';
  return conditions.map(conditionText).join('; ');
}

/** What a rule is called on the page: its label, else its id. */
export function ruleName(rule: { readonly id?: unknown; readonly label?: unknown }, index: number): string {
  if (typeof rule.label === 'string' && rule.label.trim() !== '') return rule.label.trim();
  if (typeof rule.id === 'string' && rule.id.trim() !== '') return rule.id.trim();
  return `Rule ${index + 1}`;
}
