import { formatPath } from './paths';
import { CONFIG_VERSION, type ConfigIssue } from './types';
import { quote } from './wording';

/** A configuration document as read from JSON, before validation. */
export type ConfigDocument = Readonly<Record<string, unknown>>;

/**
 * Takes a document of version N to version N + 1. It may receive a partial document (a policy sets only
 * some fields), so it must leave absent fields absent.
 */
export type Migration = (document: ConfigDocument) => ConfigDocument;

/** Key N: the migration from version N to N + 1. Version 1 is the first format, so none exist yet. */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {};

export type MigrationResult =
  | { readonly ok: true; readonly document: ConfigDocument; readonly from: number }
  | { readonly ok: false; readonly issues: readonly ConfigIssue[] };

/** Overrides for tests and for readers of stored items: which migrations, up to which version. */
export interface MigrationOptions {
  /** Migration from each version to the next, keyed by the version it reads; the built-in ones when absent. */
  readonly migrations?: Readonly<Record<number, Migration>>;
  /** The version to migrate up to; `CONFIG_VERSION` when absent. */
  readonly currentVersion?: number;
}

const VERSION_PATH = formatPath(['version']);

function refuse(message: string): MigrationResult {
  return { ok: false, issues: [{ path: VERSION_PATH, message }] };
}

/**
 * Brings a document to `currentVersion`. A document without `version` is version 1; a newer one than
 * this build reads is refused. The result always carries `version: currentVersion`.
 */
export function migrateDocument(
  document: ConfigDocument,
  migrations: Readonly<Record<number, Migration>> = MIGRATIONS,
  currentVersion: number = CONFIG_VERSION,
): MigrationResult {
  const version = document.version === undefined ? 1 : document.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return refuse(`${quote(version)} is not a format version; use a whole number such as ${currentVersion}`);
  }
  if (version > currentVersion) {
    return refuse(
      `this document is format version ${version}, but this build of Softbar reads up to version ${currentVersion}; ` +
        `update Softbar, or write the document in version ${currentVersion}`,
    );
  }
  let current: ConfigDocument = document;
  for (let step = version; step < currentVersion; step++) {
    const migration = migrations[step];
    if (!migration)
      return refuse(`this build cannot read format version ${step} (no migration to ${step + 1})`);
    try {
      current = { ...migration(current), version: step + 1 };
    } catch (error) {
      return refuse(`the document could not be taken from version ${step} to ${step + 1}: ${String(error)}`);
    }
  }
  return { ok: true, document: { ...current, version: currentVersion }, from: version };
}
