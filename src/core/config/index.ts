export { DEFAULT_REGION, DEMO_PROFILE, defaultConfig } from './defaults';
export { type MatchPattern, type ParsedMatchPattern, parseMatchPattern, urlMatches } from './match-pattern';
export {
  type ConfigDocument,
  MIGRATIONS,
  type Migration,
  type MigrationOptions,
  type MigrationResult,
  migrateDocument,
} from './migrate';
export { DOCUMENT_PATH, formatPath } from './paths';
export { applyPolicy, type PolicyOutcome } from './policy';
export { PROFILE_FIELDS, SITES_FIELDS, TOP_LEVEL_FIELDS } from './schema';
export { excludedSelectors, siteAllowed, siteBlocked } from './site-match';
export { readStoredItem, type StoredConfigItem, toStoredItem } from './stored';
export * from './types';
export { applyConfigUpdate, type ConfigUpdate } from './update';
export { parseConfigJson, validateConfig } from './validate';
