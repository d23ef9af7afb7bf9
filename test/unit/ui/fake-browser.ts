import { vi } from 'vitest';

/** The slice of webextension-polyfill the UI touches, in memory. Use from a `vi.hoisted` block. */
export function createFakeBrowser() {
  const store = new Map<string, unknown>();
  return {
    store,
    storage: {
      local: {
        get: vi.fn(async (key: string) => (store.has(key) ? { [key]: structuredClone(store.get(key)) } : {})),
        set: vi.fn(async (items: Record<string, unknown>) => {
          for (const [key, value] of Object.entries(items)) store.set(key, structuredClone(value));
        }),
      },
    },
    runtime: {
      openOptionsPage: vi.fn(async () => undefined),
      sendMessage: vi.fn(async () => undefined),
      connect: vi.fn(),
    },
  };
}
