import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_PLACEMENT, placementKey } from '../../../content-scripts/agent-bar/placement';
import { loadPlacement, savePlacement } from '../../../content-scripts/agent-bar/placement-store';

const fake = vi.hoisted(() => {
  const store = new Map<string, unknown>();
  return {
    store,
    local: {
      get: vi.fn(async (key: string) => (store.has(key) ? { [key]: store.get(key) } : {})),
      set: vi.fn(async (items: Record<string, unknown>) => {
        for (const [key, value] of Object.entries(items)) store.set(key, value);
      }),
    },
  };
});
vi.mock('webextension-polyfill', () => ({ default: { storage: { local: fake.local } } }));

const ORIGIN = 'https://crm.example.com';

beforeEach(() => {
  fake.store.clear();
  fake.local.get.mockClear();
  fake.local.set.mockClear();
});

describe('placement storage', () => {
  it('starts from the default when nothing is stored', async () => {
    expect(await loadPlacement(ORIGIN)).toEqual(DEFAULT_PLACEMENT);
    expect(fake.local.get).toHaveBeenCalledWith(placementKey(ORIGIN));
  });

  it('stores exactly the placement, under the per-site key', async () => {
    const placement = { ...DEFAULT_PLACEMENT, mode: 'left' as const, view: 'hidden' as const, sideY: 40 };
    await savePlacement(ORIGIN, { ...placement, extra: 'not stored' } as typeof placement);
    expect([...fake.store.keys()]).toEqual(['softbar.barPlacement.v1:https://crm.example.com']);
    expect(fake.store.get(placementKey(ORIGIN))).toEqual(placement);
    expect(await loadPlacement(ORIGIN)).toEqual(placement);
    expect(await loadPlacement('https://other.example.com')).toEqual(DEFAULT_PLACEMENT);
  });

  it('ignores a corrupt value', async () => {
    fake.store.set(placementKey(ORIGIN), { mode: 'sideways' });
    expect(await loadPlacement(ORIGIN)).toEqual(DEFAULT_PLACEMENT);
  });

  it('survives storage errors', async () => {
    fake.local.get.mockRejectedValueOnce(new Error('Extension context invalidated.'));
    expect(await loadPlacement(ORIGIN)).toEqual(DEFAULT_PLACEMENT);
    fake.local.set.mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    await expect(savePlacement(ORIGIN, DEFAULT_PLACEMENT)).resolves.toBeUndefined();
  });
});
