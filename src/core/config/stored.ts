import { type MigrationOptions, migrateDocument } from './migrate';
import type { ConfigResult, ConfigVendor, SoftbarConfig } from './types';
import { validateConfig } from './validate';
import { isPlainObject } from './wording';

/** How the configuration is kept in the worker's database: its format version beside it. */
export interface StoredConfigItem {
  /** Format version `config` was written in. */
  readonly version: number;
  /** The configuration as validated when it was stored. */
  readonly config: SoftbarConfig;
}

/** The item to store for a validated configuration. */
export function toStoredItem(config: SoftbarConfig): StoredConfigItem {
  return { version: config.version, config };
}

/**
 * Reads a stored item back: migrates it from the version it was written in, then validates it against
 * today's vendors. `undefined` when nothing was stored.
 */
export function readStoredItem(
  item: unknown,
  vendors: readonly ConfigVendor[],
  options: MigrationOptions = {},
): ConfigResult | undefined {
  if (item === undefined || item === null) return undefined;
  if (!isPlainObject(item) || !isPlainObject(item.config)) {
    return {
      ok: false,
      issues: [{ path: '(stored)', message: 'the stored item is not { version, config }' }],
    };
  }
  const migrated = migrateDocument(
    { ...item.config, version: item.version },
    options.migrations,
    options.currentVersion,
  );
  if (!migrated.ok) return migrated;
  return validateConfig(migrated.document, vendors, options);
}
