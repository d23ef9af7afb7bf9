import { describe, expect, it, vi } from 'vitest';
import { defaultConfig } from '../../../src/core/config/defaults';
import type { StoredConfigItem } from '../../../src/core/config/stored';
import { validateConfig } from '../../../src/core/config/validate';
import { expectOk, vendors } from './helpers';

// The store module wires a browser backend; importing the polyfill outside an extension throws.
const managed = vi.hoisted(() => ({
  get: vi.fn<(key: string) => Promise<Record<string, unknown>>>(),
  listeners: new Set<(changes: Record<string, unknown>, area: string) => void>(),
}));
vi.mock('webextension-polyfill', () => ({
  default: {
    storage: {
      managed: { get: managed.get },
      onChanged: {
        addListener: (listener: (changes: Record<string, unknown>, area: string) => void) =>
          managed.listeners.add(listener),
        removeListener: (listener: (changes: Record<string, unknown>, area: string) => void) =>
          managed.listeners.delete(listener),
      },
    },
  },
}));

const { browserConfigBackend, createConfigStore } = await import('../../../src/background/config-store');

function memoryBackend(initial?: unknown, policy?: unknown) {
  const state = {
    item: initial,
    policy,
    writes: [] as StoredConfigItem[],
    policyListeners: new Set<() => void>(),
  };
  return {
    state,
    backend: {
      readItem: async () => state.item,
      writeItem: async (item: StoredConfigItem) => {
        state.writes.push(item);
        state.item = structuredClone(item);
      },
      readPolicy: async () => state.policy,
      watchPolicy: (listener: () => void) => {
        state.policyListeners.add(listener);
        return () => state.policyListeners.delete(listener);
      },
    },
  };
}

const custom = expectOk(
  validateConfig(
    { profiles: [{ id: 'sales', vendor: 'demo', label: 'Sales' }], defaultRegion: 'DE' },
    vendors,
  ),
);

describe('config store', () => {
  it('gives the default configuration when nothing is stored', async () => {
    const { backend } = memoryBackend();
    const store = createConfigStore(backend, vi.fn());
    const config = await store.loadConfig(vendors);
    expect(config).toEqual(expectOk(validateConfig(defaultConfig(), vendors)));
    expect(config.profiles[0]?.settings).toMatchObject({ answerDelayMs: 2500 });
  });

  it('saves a versioned item and reads it back', async () => {
    const { backend, state } = memoryBackend();
    const store = createConfigStore(backend, vi.fn());
    await store.saveConfig(custom);
    expect(state.writes).toEqual([{ version: 1, config: custom }]);
    expect(await store.loadConfig(vendors)).toEqual(custom);
  });

  it('falls back to the default, and logs why, when the stored one no longer validates', async () => {
    const stale = {
      version: 1,
      config: { ...custom, profiles: [{ id: 'x', vendor: 'retired', label: 'X' }] },
    };
    const { backend, state } = memoryBackend(stale);
    const log = vi.fn();
    const store = createConfigStore(backend, log);
    expect((await store.loadConfig(vendors)).activeProfile).toBe('demo');
    expect(log).toHaveBeenCalledWith(
      'warn',
      expect.stringMatching(/profiles\[0\]\.vendor: unknown vendor "retired"/),
    );
    expect(state.item).toBe(stale); // kept, not overwritten
  });

  it('falls back to the default when the stored item is newer than this build', async () => {
    const { backend } = memoryBackend({ version: 5, config: custom });
    const log = vi.fn();
    expect((await createConfigStore(backend, log).loadConfig(vendors)).profiles[0]?.id).toBe('demo');
    expect(log).toHaveBeenCalledWith('warn', expect.stringMatching(/reads up to version 1/));
  });

  it('falls back to the default when the database cannot be read', async () => {
    const { backend } = memoryBackend();
    backend.readItem = async () => {
      throw new Error('quota');
    };
    const log = vi.fn();
    expect((await createConfigStore(backend, log).loadConfig(vendors)).activeProfile).toBe('demo');
    expect(log).toHaveBeenCalledWith('error', expect.any(String), expect.any(Error));
  });

  it('lays the policy over the stored configuration and reports the locked fields', async () => {
    const { backend } = memoryBackend({ version: 1, config: custom }, { defaultRegion: 'GB' });
    const store = createConfigStore(backend, vi.fn());
    const config = await store.loadConfig(vendors);
    expect(config.defaultRegion).toBe('GB');
    expect(config.activeProfile).toBe('sales');
    expect(await store.lockedFields()).toEqual(['defaultRegion']);
    expect(await store.loadStoredConfig(vendors)).toEqual(custom);
  });

  it('names the policy fields before any load', async () => {
    const { backend } = memoryBackend(undefined, { sites: { allow: [] }, version: 1, bogus: 1 });
    expect(await createConfigStore(backend, vi.fn()).lockedFields()).toEqual(['sites']);
  });

  it('tells listeners what is in force after a save and after a policy change', async () => {
    const { backend, state } = memoryBackend();
    const store = createConfigStore(backend, vi.fn());
    await store.loadConfig(vendors);
    const listener = vi.fn();
    const stop = store.onConfigChanged(listener);
    await store.saveConfig(custom);
    expect(listener).toHaveBeenLastCalledWith(custom);

    state.policy = { defaultRegion: 'FR' };
    for (const notify of state.policyListeners) notify();
    await vi.waitFor(() => expect(listener).toHaveBeenCalledTimes(2));
    expect(listener.mock.lastCall?.[0]).toMatchObject({ defaultRegion: 'FR', activeProfile: 'sales' });

    stop();
    expect(state.policyListeners.size).toBe(0);
    await store.saveConfig(custom);
    expect(listener).toHaveBeenCalledTimes(2);
  });
});

describe('browser backend: policy', () => {
  it('reads storage.managed "configuration"', async () => {
    managed.get.mockResolvedValueOnce({ configuration: { defaultRegion: 'GB' } });
    expect(await browserConfigBackend.readPolicy()).toEqual({ defaultRegion: 'GB' });
    expect(managed.get).toHaveBeenLastCalledWith('configuration');
  });

  it('treats a throwing storage.managed (no policy, no schema) as no policy', async () => {
    managed.get.mockRejectedValueOnce(new Error('Managed storage manifest not found'));
    expect(await browserConfigBackend.readPolicy()).toBeUndefined();
  });

  it('watches only managed changes of "configuration"', () => {
    const listener = vi.fn();
    const stop = browserConfigBackend.watchPolicy(listener);
    for (const notify of managed.listeners) {
      notify({ configuration: {} }, 'local');
      notify({ other: {} }, 'managed');
    }
    expect(listener).not.toHaveBeenCalled();
    for (const notify of managed.listeners) notify({ configuration: {} }, 'managed');
    expect(listener).toHaveBeenCalledTimes(1);
    stop();
    expect(managed.listeners.size).toBe(0);
  });
});
