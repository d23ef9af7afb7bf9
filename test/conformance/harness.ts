import { Hub, type KeyValueStore } from '../../src/background/hub';
import type { Profile, SoftbarConfig } from '../../src/core/config/types';
import type { HubState } from '../../src/core/hub-state';
import type { VendorDefinition } from '../../src/vendors/contract';
import type { FrameHost } from '../../src/vendors/frame-host';

/*
 * Scaffolding for the vendor tests beyond the shared suite (suite.ts keeps its own): a one-profile
 * config, a hub over an in-memory session store, and polling on the hub's state.
 */

/** A config whose one profile, active, runs `profile` with `settings`; `extra` overrides the rest. */
export function profileConfig(
  profile: Omit<Profile, 'settings'>,
  settings: Record<string, unknown>,
  extra: Partial<Omit<SoftbarConfig, 'profiles' | 'activeProfile'>> = {},
): SoftbarConfig {
  return {
    version: 1,
    profiles: [{ ...profile, settings }],
    activeProfile: profile.id,
    defaultRegion: 'GB',
    sites: { allow: [], block: [], exclude: [] },
    screenPop: [],
    autofill: [],
    callLog: { prompt: true, dispositions: [] },
    ...extra,
  };
}

/** A Map-backed session store that copies values in and out, as chrome.storage does. */
export function memoryStore(): KeyValueStore {
  const store = new Map<string, unknown>();
  return {
    get: async <T>(key: string) => structuredClone(store.get(key)) as T | undefined,
    set: async (key, value) => void store.set(key, structuredClone(value)),
  };
}

/** A hub running `vendor` over a fresh memory store, pushing every warning and error it logs to `warnings`. */
export function startHub(options: { vendor: VendorDefinition; frames?: FrameHost; warnings: string[] }): Hub {
  const { vendor, frames, warnings } = options;
  return new Hub({
    vendors: [vendor],
    sessionStore: memoryStore(),
    now: Date.now,
    log: (level, message) => {
      if (level === 'warn' || level === 'error') warnings.push(message);
    },
    ...(frames ? { frames } : {}),
  });
}

/**
 * The hub's state once `predicate` holds, polled every 10 ms; past `timeoutMs` it throws "timed out
 * waiting for `what`", followed by `detail(state)` when given.
 */
export async function waitUntil(
  hub: Hub,
  predicate: (state: HubState) => boolean,
  what: string,
  timeoutMs: number,
  detail?: (state: HubState) => string,
): Promise<HubState> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate(hub.current)) {
    if (Date.now() > deadline) {
      const more = detail ? `: ${detail(hub.current)}` : '';
      throw new Error(`timed out waiting for ${what}${more}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return hub.current;
}
