import { checkAutofill } from './autofill-schema';
import { checkCallLog } from './call-log-schema';
import { parseJsonText } from './json-text';
import { type MigrationOptions, migrateDocument } from './migrate';
import { DOCUMENT_PATH, formatPath, type PathSegment, topLevelField } from './paths';
import { documentSchema, EXCLUSION_FIELDS, PROFILE_FIELDS, SITES_FIELDS, TOP_LEVEL_FIELDS } from './schema';
import { checkScreenPop } from './screen-pop-schema';
import type { ConfigIssue, ConfigResult, ConfigVendor, Profile, SoftbarConfig } from './types';
import { unknownFields } from './unknown-fields';
import { runSchema } from './valibot-issues';
import { describeValue, didYouMean, isPlainObject, quote, quotedList } from './wording';

/**
 * Reads a configuration document from JSON text: syntax errors name the line and column, everything
 * else is reported by `validateConfig`.
 */
export function parseConfigJson(
  text: string,
  vendors: readonly ConfigVendor[],
  options: MigrationOptions = {},
): ConfigResult {
  const parsed = parseJsonText(text);
  if (!parsed.ok) return { ok: false, issues: [parsed.issue] };
  return validateConfig(parsed.value, vendors, options);
}

/**
 * Validates a configuration document (already parsed from JSON) against this build and its vendors:
 * migrates it forward, checks every field, and reports every problem at once. On success the
 * configuration has all defaults applied, vendor settings included.
 */
export function validateConfig(
  value: unknown,
  vendors: readonly ConfigVendor[],
  options: MigrationOptions = {},
): ConfigResult {
  if (!isPlainObject(value)) {
    return fail([
      {
        path: DOCUMENT_PATH,
        message: `expected an object {...}, got ${describeValue(value)}; write the configuration as { "profiles": [...], "activeProfile": "...", ... }`,
      },
    ]);
  }
  const migrated = migrateDocument(value, options.migrations, options.currentVersion);
  if (!migrated.ok) return fail(migrated.issues);
  const document = migrated.document;

  const issues: ConfigIssue[] = [];
  issues.push(...unknownFields(document, TOP_LEVEL_FIELDS, [], 'the known top-level fields are'));
  const structure = runSchema(documentSchema, document, []);
  if (!structure.ok) issues.push(...structure.issues);
  if (isPlainObject(document.sites)) {
    issues.push(...unknownFields(document.sites, SITES_FIELDS, ['sites'], '"sites" has'));
    const exclusions = document.sites.exclude;
    if (Array.isArray(exclusions)) {
      exclusions.forEach((entry, index) => {
        if (isPlainObject(entry)) {
          issues.push(
            ...unknownFields(entry, EXCLUSION_FIELDS, ['sites', 'exclude', index], 'an exclusion has'),
          );
        }
      });
    }
  }
  const profiles = checkProfiles(document.profiles, vendors, issues);
  const activeProfile = checkActiveProfile(document.activeProfile, profiles.ids, issues);
  const screenPop = checkScreenPop(document.screenPop, issues);
  const autofill = checkAutofill(document.autofill, issues);
  const callLog = checkCallLog(document.callLog, issues);

  if (!structure.ok || issues.length > 0) return fail(issues);
  const parsed = structure.output;
  const config: SoftbarConfig = {
    version: document.version as number,
    profiles: parsed.profiles.map((profile, index) => ({
      id: profile.id,
      vendor: profile.vendor,
      label: profile.label,
      settings: profiles.settings.get(index) ?? profile.settings,
    })),
    activeProfile: activeProfile ?? parsed.profiles[0]?.id ?? '',
    defaultRegion: parsed.defaultRegion,
    sites: { allow: parsed.sites.allow, block: parsed.sites.block, exclude: parsed.sites.exclude },
    screenPop,
    autofill,
    callLog,
  };
  return { ok: true, config };
}

function fail(issues: readonly ConfigIssue[]): ConfigResult {
  return { ok: false, issues: sortIssues(issues) };
}

/** Issues in document order: by top-level field, then by profile; otherwise as found. */
function sortIssues(issues: readonly ConfigIssue[]): ConfigIssue[] {
  const rank = (issue: ConfigIssue): [number, number] => {
    const field = topLevelField(issue.path);
    const fieldIndex = field === undefined ? -1 : (TOP_LEVEL_FIELDS as readonly string[]).indexOf(field);
    const index = /^\w+\[(\d+)\]/.exec(issue.path);
    return [
      fieldIndex === -1 && field !== undefined ? TOP_LEVEL_FIELDS.length : fieldIndex,
      Number(index?.[1] ?? -1),
    ];
  };
  return issues
    .map((issue, order) => ({ issue, order, rank: rank(issue) }))
    .sort((a, b) => a.rank[0] - b.rank[0] || a.rank[1] - b.rank[1] || a.order - b.order)
    .map(({ issue }) => issue);
}

/** The keys a vendor settings schema knows, when it is a plain valibot `object` (which drops others). */
function knownSettingKeys(schema: ConfigVendor['settingsSchema']): readonly string[] | undefined {
  const candidate = schema as { type?: unknown; entries?: unknown };
  return candidate.type === 'object' && isPlainObject(candidate.entries)
    ? Object.keys(candidate.entries)
    : undefined;
}

interface ProfileFindings {
  /** Every profile id that is text, in order (for `activeProfile`). */
  readonly ids: readonly string[];
  /** Validated settings, defaults applied, by profile index. */
  readonly settings: ReadonlyMap<number, Profile['settings']>;
}

/** Checks what the document schema cannot: field names, vendors, vendor settings, unique ids. */
function checkProfiles(
  raw: unknown,
  vendors: readonly ConfigVendor[],
  issues: ConfigIssue[],
): ProfileFindings {
  const ids: string[] = [];
  const settings = new Map<number, Profile['settings']>();
  if (!Array.isArray(raw)) return { ids, settings };
  const firstUse = new Map<string, number>();
  const vendorIds = vendors.map((vendor) => vendor.id);

  raw.forEach((profile: unknown, index) => {
    if (!isPlainObject(profile)) return;
    const at: PathSegment[] = ['profiles', index];
    issues.push(...unknownFields(profile, PROFILE_FIELDS, at, 'a profile has'));

    if (typeof profile.id === 'string' && profile.id.trim() !== '') {
      const first = firstUse.get(profile.id);
      if (first === undefined) {
        firstUse.set(profile.id, index);
        ids.push(profile.id);
      } else {
        issues.push({
          path: formatPath([...at, 'id']),
          message: `${quote(profile.id)} is already the id of profiles[${first}]; give each profile its own id`,
        });
      }
    }

    if (typeof profile.vendor !== 'string' || profile.vendor.trim() === '') return;
    const vendor = vendors.find((candidate) => candidate.id === profile.vendor);
    if (!vendor) {
      issues.push({
        path: formatPath([...at, 'vendor']),
        message: `unknown vendor ${quote(profile.vendor)}${didYouMean(profile.vendor, vendorIds)}; use one of: ${vendorIds.join(', ')}`,
      });
      return;
    }
    const rawSettings = profile.settings ?? {};
    if (!isPlainObject(rawSettings)) return;
    const settingsAt: PathSegment[] = [...at, 'settings'];
    const known = knownSettingKeys(vendor.settingsSchema);
    if (known) issues.push(...unknownFields(rawSettings, known, settingsAt, `${vendor.label} settings are`));
    const result = runSchema(vendor.settingsSchema, rawSettings, settingsAt);
    if (!result.ok) issues.push(...result.issues);
    else if (isPlainObject(result.output)) settings.set(index, result.output);
  });
  return { ids, settings };
}

/** The active profile id, when it names a profile; `undefined` when absent (the first profile runs). */
function checkActiveProfile(raw: unknown, ids: readonly string[], issues: ConfigIssue[]): string | undefined {
  if (typeof raw !== 'string' || raw.trim() === '') return undefined;
  if (ids.length > 0 && !ids.includes(raw)) {
    issues.push({
      path: formatPath(['activeProfile']),
      message: `${quote(raw)} matches no profile id${didYouMean(raw, ids)}; use one of ${quotedList(ids)}`,
    });
  }
  return raw;
}
