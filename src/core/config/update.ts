import { formatPath } from './paths';
import type { ConfigIssue, ConfigResult, ConfigVendor, SoftbarConfig } from './types';
import { validateConfig } from './validate';

/** What the options page changes without a full import (the `updateConfig` message). */
export interface ConfigUpdate {
  /** Id of the profile to connect; must name one of the profiles. */
  readonly activeProfile?: string;
  /** Region for numbers written without a country code (a CLDR region such as `GB`). */
  readonly defaultRegion?: string;
  /** The whole screen-pop rule list, as written (validated like an import). */
  readonly screenPop?: unknown;
  /** The whole autofill rule list, as written (validated like an import). */
  readonly autofill?: unknown;
  /** The whole call-log section, as written (validated like an import). */
  readonly callLog?: unknown;
  /**
   * One profile, as written: replaces the profile with the same `id`, or is added when no profile has
   * it (the options page's vendor settings form). Refused when the policy locks `profiles`.
   */
  readonly profile?: unknown;
}

/** Fields `updateConfig` may change. */
export const UPDATABLE_FIELDS = [
  'activeProfile',
  'defaultRegion',
  'screenPop',
  'autofill',
  'callLog',
] as const;

/**
 * Applies an options-page change to the stored configuration. A field the policy locks is refused; the
 * result is validated like an import, so a profile id or region that does not exist is refused too.
 */
export function applyConfigUpdate(
  config: SoftbarConfig,
  update: ConfigUpdate,
  vendors: readonly ConfigVendor[],
  locked: readonly string[] = [],
): ConfigResult {
  const issues: ConfigIssue[] = [];
  const next: Record<string, unknown> = { ...config };
  for (const field of UPDATABLE_FIELDS) {
    const value = update[field];
    if (value === undefined) continue;
    if (locked.includes(field)) {
      issues.push({
        path: formatPath([field]),
        message: "is set by your organization's policy and cannot be changed here; ask your administrator",
      });
    }
    next[field] = value;
  }
  if (update.profile !== undefined) {
    if (locked.includes('profiles')) {
      issues.push({
        path: formatPath(['profiles']),
        message: "are set by your organization's policy and cannot be changed here; ask your administrator",
      });
    }
    next.profiles = upsertProfile(config.profiles, update.profile);
  }
  if (issues.length > 0) return { ok: false, issues };
  return validateConfig(next, vendors);
}

/** The profiles with `profile` in place of the one with its id, or added at the end. */
function upsertProfile(profiles: SoftbarConfig['profiles'], profile: unknown): unknown[] {
  const id = typeof profile === 'object' && profile !== null ? (profile as { id?: unknown }).id : undefined;
  const index = profiles.findIndex((existing) => existing.id === id);
  if (index === -1) return [...profiles, profile];
  return profiles.map((existing, at) => (at === index ? profile : existing));
}
