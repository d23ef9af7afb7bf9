import type * as v from 'valibot';
import { formatPath, type PathSegment } from './paths';
import type { ConfigIssue } from './types';
import { unknownFields } from './unknown-fields';
import { runSchema } from './valibot-issues';
import { describeValue, isPlainObject, quote } from './wording';

/** How to check one list of rules (`screenPop`, `autofill`). */
export interface RuleListSpec<T> {
  /** The top-level field that holds the list. */
  readonly section: string;
  /** What one rule is called in messages: "a screen-pop rule". */
  readonly noun: string;
  /** The fields a rule may have, in the order the README documents them. */
  readonly fields: readonly string[];
  /** The schema of one rule; it may depend on what the rule says (a screen-pop's fields follow its action). */
  readonly schemaFor: (rule: Readonly<Record<string, unknown>>) => v.GenericSchema<unknown, T>;
  /** What the schema cannot see inside one rule (unknown fields of its conditions), paths under `at`. */
  readonly nestedIssues: (
    rule: Readonly<Record<string, unknown>>,
    at: readonly PathSegment[],
  ) => ConfigIssue[];
}

const LIST_FIX = 'write a list in brackets: [ ... ], or [] for none';

/**
 * Checks a rule list: every rule, its unknown fields, and ids unique within the list. Adds what it finds to
 * `issues` and returns the rules that are valid, defaults applied (all of them when nothing was added).
 */
export function checkRuleList<T>(raw: unknown, spec: RuleListSpec<T>, issues: ConfigIssue[]): T[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    issues.push({
      path: formatPath([spec.section]),
      message: `expected a list [...], got ${describeValue(raw)}; ${LIST_FIX}`,
    });
    return [];
  }
  const rules: T[] = [];
  const firstUse = new Map<string, number>();
  raw.forEach((entry: unknown, index) => {
    const at: PathSegment[] = [spec.section, index];
    const rule = isPlainObject(entry) ? entry : {};
    if (isPlainObject(entry)) {
      issues.push(...unknownFields(entry, spec.fields, at, `${spec.noun} has`));
      issues.push(...spec.nestedIssues(entry, at));
    }
    const result = runSchema(spec.schemaFor(rule), entry, at);
    if (result.ok) rules.push(result.output);
    else issues.push(...result.issues);

    // Rules act at most once per call and rule id (a pop, a fill): two rules with one id would mask each other.
    if (typeof rule.id !== 'string' || rule.id.trim() === '') return;
    const first = firstUse.get(rule.id);
    if (first === undefined) firstUse.set(rule.id, index);
    else {
      issues.push({
        path: formatPath([...at, 'id']),
        message: `${quote(rule.id)} is already the id of ${formatPath([spec.section, first])}; give each rule its own id`,
      });
    }
  });
  return rules;
}
