import { migrateDocument } from './migrate';
import { DOCUMENT_PATH, topLevelField } from './paths';
import { TOP_LEVEL_FIELDS } from './schema';
import type { ConfigIssue, ConfigVendor, SoftbarConfig } from './types';
import { validateConfig } from './validate';
import { describeValue, didYouMean, isPlainObject, quote } from './wording';

/** The configuration in force once enterprise policy is applied. */
export interface PolicyOutcome {
  /** The stored configuration with the policy's valid fields laid over it. */
  readonly config: SoftbarConfig;
  /** Top-level fields the policy sets: the options page shows them locked. */
  readonly locked: readonly string[];
  /** Why parts of the policy were not applied (for the worker's log). */
  readonly issues: readonly ConfigIssue[];
}

/** Fields a policy can lock: every top-level field but the format version. */
const POLICY_FIELDS: readonly string[] = TOP_LEVEL_FIELDS.filter((field) => field !== 'version');

/**
 * Lays a policy `configuration` (possibly partial) over the admin's stored configuration: every top-level
 * field the policy sets wins. A policy field that does not validate is left out (and reported), so one
 * mistake in a policy does not cancel the rest. A stored field that conflicts with the policy (an
 * `activeProfile` the policy's `profiles` lack) falls back to its default.
 */
export function applyPolicy(
  base: SoftbarConfig,
  policy: unknown,
  vendors: readonly ConfigVendor[],
): PolicyOutcome {
  if (policy === undefined || policy === null) return { config: base, locked: [], issues: [] };
  if (!isPlainObject(policy)) {
    return {
      config: base,
      locked: [],
      issues: [
        {
          path: DOCUMENT_PATH,
          message: `the policy "configuration" is ${describeValue(policy)}; set it to an object with the fields to enforce`,
        },
      ],
    };
  }
  const migrated = migrateDocument(policy);
  if (!migrated.ok) return { config: base, locked: [], issues: migrated.issues };
  const document = migrated.document;

  const issues: ConfigIssue[] = [];
  let applied: string[] = [];
  for (const field of Object.keys(document)) {
    if (field === 'version') continue;
    if (POLICY_FIELDS.includes(field)) applied.push(field);
    else {
      issues.push({
        path: field,
        message: `unknown field ${quote(field)}${didYouMean(field, POLICY_FIELDS)}; a policy may set: ${POLICY_FIELDS.join(', ')}`,
      });
    }
  }

  const stored: Record<string, unknown> = { ...base };
  for (let round = 0; round <= POLICY_FIELDS.length; round++) {
    const merged: Record<string, unknown> = { ...stored, version: document.version };
    for (const field of applied) merged[field] = document[field];
    const result = validateConfig(merged, vendors);
    if (result.ok) return { config: result.config, locked: applied, issues };

    let changed = false;
    const rejected = new Set<string>();
    for (const issue of result.issues) {
      const field = topLevelField(issue.path);
      if (field !== undefined && applied.includes(field)) {
        rejected.add(field);
        issues.push(issue);
      } else if (field !== undefined && field !== 'profiles' && field in stored) {
        // The stored value conflicts with the policy: its default applies instead.
        delete stored[field];
        changed = true;
      }
    }
    if (rejected.size > 0) {
      applied = applied.filter((field) => !rejected.has(field));
      changed = true;
    }
    if (!changed) {
      issues.push(...result.issues);
      break;
    }
  }
  return { config: base, locked: [], issues };
}
