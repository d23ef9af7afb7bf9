import type { Call } from '../call';
import type { RuleCondition } from '../config/types';
import { callField } from './fields';

/** Flags of every condition's expression: `u` gives strict syntax and whole Unicode characters. */
const FLAGS = 'u';

const compiled = new Map<string, RegExp | null>();

/** Why `source` does not compile as a condition's regular expression (the engine's own words), or undefined. */
export function regExpError(source: string): string | undefined {
  try {
    new RegExp(source, FLAGS);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** The condition's regular expression, compiled once; null when it does not compile (validation refuses those). */
export function conditionRegExp(source: string): RegExp | null {
  let re = compiled.get(source);
  if (re === undefined) {
    try {
      re = new RegExp(source, FLAGS);
    } catch {
      re = null;
    }
    if (compiled.size > 500) compiled.clear();
    compiled.set(source, re);
  }
  return re;
}

/** Whether one condition holds: a missing field never equals or matches anything. */
export function conditionHolds(condition: RuleCondition, call: Call): boolean {
  const value = callField(call, condition.field);
  if (value === undefined) return false;
  if (condition.equals !== undefined && value !== condition.equals) return false;
  if (condition.matches !== undefined) {
    const re = conditionRegExp(condition.matches);
    if (!re?.test(value)) return false;
  }
  return true;
}

/** Whether every condition holds (an empty list holds for every call). */
export function conditionsHold(conditions: readonly RuleCondition[], call: Call): boolean {
  return conditions.every((condition) => conditionHolds(condition, call));
}
