import type { Call } from '../src/core/call';
import type { RuleCondition } from '../src/core/config/types';
import { conditionHolds, conditionRegExp } from '../src/core/rules/conditions';
import { callField } from '../src/core/rules/fields';
import { type ExpandedUrl, expandUrlTemplate } from '../src/core/rules/template';
import { actionText, conditionText, momentText } from './rule-text';

/** One condition tried on the sample call. */
export interface ConditionCheck {
  /** The condition in words. */
  readonly text: string;
  /** The sample call's value of the field; undefined when it has none. */
  readonly value: string | undefined;
  /** The sample call meets the condition (false when it is malformed). */
  readonly holds: boolean;
  /** Why the condition cannot be tried, when it is malformed. */
  readonly problem?: string;
}

/** What a screen-pop rule would do for the sample call. */
export interface ScreenPopPreview {
  /** When the rule fires, in words. */
  readonly moment: string;
  /** What it opens, in words. */
  readonly action: string;
  /** Each condition tried; empty = the rule applies to every call. */
  readonly conditions: readonly ConditionCheck[];
  /** Every condition holds (and none is malformed). */
  readonly conditionsHold: boolean;
  /** The expanded URL or why there is none; undefined when the rule has no URL and needs none (`focus`). */
  readonly url: ExpandedUrl | undefined;
}

export type RulePreviewResult =
  | { readonly ok: true; readonly preview: ScreenPopPreview }
  | { readonly ok: false; readonly error: string };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function checkCondition(condition: unknown, call: Call): ConditionCheck {
  if (!isObject(condition) || typeof condition.field !== 'string') {
    return {
      text: JSON.stringify(condition) ?? String(condition),
      value: undefined,
      holds: false,
      problem: 'is not a condition; write one like { "field": "queue", "equals": "Support" }',
    };
  }
  const typed = condition as unknown as RuleCondition;
  const value = callField(call, typed.field);
  if (typeof typed.matches === 'string' && conditionRegExp(typed.matches) === null) {
    return {
      text: conditionText(typed),
      value,
      holds: false,
      problem: 'its regular expression does not compile',
    };
  }
  return { text: conditionText(typed), value, holds: conditionHolds(typed, call) };
}

function previewUrl(rule: Record<string, unknown>, call: Call): ExpandedUrl | undefined {
  if (rule.url === undefined) {
    return rule.action === 'focus'
      ? undefined
      : {
          ok: false,
          error: 'The rule has no URL template; add "url": "https://crm.example.com/contacts?phone={e164}".',
        };
  }
  if (typeof rule.url !== 'string')
    return { ok: false, error: 'The rule\u2019s "url" must be text (a URL template).' };
  return expandUrlTemplate(rule.url, call);
}

/**
 * What `rule` (as typed: it may not be valid yet) would do for `call`: its moment, whether its conditions
 * hold, and the URL it would open, or the reason it would open nothing. Never opens anything itself.
 */
export function previewScreenPop(rule: unknown, call: Call): RulePreviewResult {
  if (!isObject(rule)) {
    return { ok: false, error: 'This is not a rule; each rule is an object such as { "id": "crm", ... }.' };
  }
  const raw = rule.conditions ?? [];
  const conditions = Array.isArray(raw)
    ? raw.map((condition) => checkCondition(condition, call))
    : [checkCondition(raw, call)];
  return {
    ok: true,
    preview: {
      moment: momentText(rule.on),
      action: actionText(rule.action),
      conditions,
      conditionsHold: conditions.every((check) => check.holds),
      url: previewUrl(rule, call),
    },
  };
}
