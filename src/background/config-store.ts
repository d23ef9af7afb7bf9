import { type IDBPDatabase, openDB } from 'idb';
import browser from 'webextension-polyfill';
import { defaultConfig } from '../core/config/defaults';
import { applyPolicy, type PolicyOutcome } from '../core/config/policy';
import { TOP_LEVEL_FIELDS } from '../core/config/schema';
import { readStoredItem, type StoredConfigItem, toStoredItem } from '../core/config/stored';
import type { ConfigIssue, ConfigVendor, SoftbarConfig } from '../core/config/types';
import { validateConfig } from '../core/config/validate';

/**
 * Where the admin configuration lives. It is kept in IndexedDB in the extension's origin, not in
 * `storage.local`: content scripts can read `storage.local`, and profiles hold credentials. An enterprise
 * policy (`storage.managed`, key `configuration`) wins over it field by field at the top level.
 */

/** What the store reads and writes; the browser one is below, tests pass their own. */
export interface ConfigBackend {
  /** The stored item as it was written, or undefined when there is none. */
  readItem(): Promise<unknown>;
  /** Replaces the stored item; resolves once it is durable. */
  writeItem(item: StoredConfigItem): Promise<void>;
  /** The policy's `configuration`, or undefined when no policy sets one (or managed storage is absent). */
  readPolicy(): Promise<unknown>;
  /** Calls back when the policy changes; returns the unsubscribe. */
  watchPolicy(listener: () => void): () => void;
}

export type ConfigLog = (level: 'info' | 'warn' | 'error', message: string, detail?: unknown) => void;

export type ConfigListener = (config: SoftbarConfig) => void;

export interface ConfigStore {
  /** The admin's own configuration: the default when nothing is stored or it no longer validates. */
  loadStoredConfig(vendors: readonly ConfigVendor[]): Promise<SoftbarConfig>;
  /** The configuration in force: the stored one with the policy's fields laid over it, and the locks. */
  loadEffective(vendors: readonly ConfigVendor[]): Promise<PolicyOutcome>;
  /** `loadEffective(vendors).config`. */
  loadConfig(vendors: readonly ConfigVendor[]): Promise<SoftbarConfig>;
  /** Stores a validated configuration, then tells the listeners what is now in force. */
  saveConfig(config: SoftbarConfig): Promise<void>;
  /** Top-level fields the policy sets (and that validate): locked in the options page. */
  lockedFields(): Promise<string[]>;
  /** Listens to configuration changes in this worker (saves and policy changes); returns the unsubscribe. */
  onConfigChanged(listener: ConfigListener): () => void;
}

/** The default configuration with the vendor settings defaults filled in, as a validated one would be. */
function fallbackConfig(vendors: readonly ConfigVendor[]): SoftbarConfig {
  const result = validateConfig(defaultConfig(), vendors);
  return result.ok ? result.config : defaultConfig();
}

const consoleLog: ConfigLog = (level, message, detail) => {
  const line = `[softbar/config] ${message}`;
  if (level === 'error') console.error(line, detail ?? '');
  else if (level === 'warn') console.warn(line, detail ?? '');
  else console.info(line, detail ?? '');
};

function formatIssues(issues: readonly ConfigIssue[]): string {
  return issues.map((issue) => `${issue.path}: ${issue.message}`).join('\n');
}

/** Top-level fields a raw policy document names (before it is validated). */
function policyFields(policy: unknown): string[] {
  if (typeof policy !== 'object' || policy === null || Array.isArray(policy)) return [];
  const known: readonly string[] = TOP_LEVEL_FIELDS;
  return Object.keys(policy).filter((field) => field !== 'version' && known.includes(field));
}

/** A configuration store over any backend. */
export function createConfigStore(backend: ConfigBackend, log: ConfigLog = consoleLog): ConfigStore {
  const listeners = new Set<ConfigListener>();
  let stopWatching: (() => void) | undefined;
  /** The vendors of the last load: the worker has one registry, and saves and policy changes need it. */
  let knownVendors: readonly ConfigVendor[] | undefined;

  const loadStoredConfig = async (vendors: readonly ConfigVendor[]): Promise<SoftbarConfig> => {
    knownVendors = vendors;
    let item: unknown;
    try {
      item = await backend.readItem();
    } catch (error) {
      log('error', 'could not read the stored configuration; using the default configuration', error);
      return fallbackConfig(vendors);
    }
    const result = readStoredItem(item, vendors);
    if (result === undefined) return fallbackConfig(vendors);
    if (!result.ok) {
      log(
        'warn',
        `the stored configuration no longer validates; using the default configuration (the stored one is kept):\n${formatIssues(result.issues)}`,
      );
      return fallbackConfig(vendors);
    }
    return result.config;
  };

  const withPolicy = async (
    stored: SoftbarConfig,
    vendors: readonly ConfigVendor[],
  ): Promise<PolicyOutcome> => {
    const outcome = applyPolicy(stored, await backend.readPolicy(), vendors);
    if (outcome.issues.length > 0) {
      log('warn', `parts of the policy configuration were not applied:\n${formatIssues(outcome.issues)}`);
    }
    return outcome;
  };

  const loadEffective = async (vendors: readonly ConfigVendor[]): Promise<PolicyOutcome> =>
    withPolicy(await loadStoredConfig(vendors), vendors);

  const emit = (config: SoftbarConfig) => {
    for (const listener of [...listeners]) {
      try {
        listener(config);
      } catch (error) {
        log('error', 'a configuration listener failed', error);
      }
    }
  };

  const policyChanged = () => {
    const vendors = knownVendors;
    if (!vendors) return;
    loadEffective(vendors).then(
      (outcome) => emit(outcome.config),
      (error: unknown) => log('error', 'could not apply the changed policy', error),
    );
  };

  return {
    loadStoredConfig,
    loadEffective,
    loadConfig: async (vendors) => (await loadEffective(vendors)).config,
    saveConfig: async (config) => {
      await backend.writeItem(toStoredItem(config));
      if (listeners.size === 0) return;
      const vendors = knownVendors;
      emit(vendors ? (await withPolicy(config, vendors)).config : config);
    },
    lockedFields: async () => {
      const vendors = knownVendors;
      if (!vendors) return policyFields(await backend.readPolicy());
      return [...(await loadEffective(vendors)).locked];
    },
    onConfigChanged: (listener) => {
      listeners.add(listener);
      stopWatching ??= backend.watchPolicy(policyChanged);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          stopWatching?.();
          stopWatching = undefined;
        }
      };
    },
  };
}

// --- The browser backend: IndexedDB for the item, storage.managed for the policy. ------------------

const DB_NAME = 'softbar-config';
const DB_VERSION = 1;
const STORE_NAME = 'config';
const ITEM_KEY = 'current';
const POLICY_KEY = 'configuration';

let database: Promise<IDBPDatabase> | undefined;

function openDatabase(): Promise<IDBPDatabase> {
  database ??= openDB(DB_NAME, DB_VERSION, {
    upgrade(db) {
      if (!db.objectStoreNames.contains(STORE_NAME)) db.createObjectStore(STORE_NAME);
    },
  }).catch((error: unknown) => {
    database = undefined; // try again next time
    throw error;
  });
  return database;
}

/** IndexedDB for the stored item; `storage.managed` for the policy. */
export const browserConfigBackend: ConfigBackend = {
  readItem: async () => (await openDatabase()).get(STORE_NAME, ITEM_KEY),
  writeItem: async (item) => {
    await (await openDatabase()).put(STORE_NAME, item, ITEM_KEY);
  },
  readPolicy: async () => {
    try {
      const values = await browser.storage.managed.get(POLICY_KEY);
      return values[POLICY_KEY];
    } catch {
      // No policy, no managed schema, or a browser without managed storage: nothing is enforced.
      return undefined;
    }
  },
  watchPolicy: (listener) => {
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'managed' && POLICY_KEY in changes) listener();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  },
};

let defaultStore: ConfigStore | undefined;
const store = () => {
  defaultStore ??= createConfigStore(browserConfigBackend);
  return defaultStore;
};

/** The configuration in force: stored (or default) with the policy's fields over it. */
export function loadConfig(vendors: readonly ConfigVendor[]): Promise<SoftbarConfig> {
  return store().loadConfig(vendors);
}

/** The admin's stored configuration without the policy (the base an update or import replaces). */
export function loadStoredConfig(vendors: readonly ConfigVendor[]): Promise<SoftbarConfig> {
  return store().loadStoredConfig(vendors);
}

/** Stores a validated configuration (policy fields still win when it is loaded). */
export function saveConfig(config: SoftbarConfig): Promise<void> {
  return store().saveConfig(config);
}

/** Top-level fields set by enterprise policy. */
export function lockedFields(): Promise<string[]> {
  return store().lockedFields();
}
