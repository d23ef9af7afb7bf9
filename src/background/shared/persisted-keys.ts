import type { KeyValueStore } from '../hub';

/** A bounded set of keys kept in a store: what was already done, so it is done at most once. */
export interface PersistedKeys {
  /** The keys, oldest first. */
  readonly keys: ReadonlySet<string>;
  /** Adds the saved keys; call once, before the first change. Rejects when the store does. */
  load(): Promise<void>;
  /** Adds keys in memory, dropping the oldest beyond the limit; `save` makes it durable. */
  add(keys: readonly string[]): void;
  /** Removes keys in memory; `save` makes it durable. */
  remove(keys: readonly string[]): void;
  /** Writes the keys to the store; rejects when the store does. */
  save(): Promise<void>;
}

/**
 * Keys under `storeKey`, at most `limit` of them. The limit only has to outlast the calls that can still
 * matter (live calls and the recent ended ones, times the rules), so a few hundred is plenty.
 */
export function persistedKeys(store: KeyValueStore, storeKey: string, limit = 500): PersistedKeys {
  const keys = new Set<string>();
  const add = (added: readonly string[]) => {
    for (const key of added) keys.add(key);
    for (const key of keys) {
      if (keys.size <= limit) break;
      keys.delete(key);
    }
  };
  return {
    keys,
    async load() {
      const saved = await store.get<unknown>(storeKey);
      if (Array.isArray(saved)) add(saved.filter((key): key is string => typeof key === 'string'));
    },
    add,
    remove(removed) {
      for (const key of removed) keys.delete(key);
    },
    save: () => store.set(storeKey, [...keys]),
  };
}
