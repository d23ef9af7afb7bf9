import { describe, expect, it } from 'vitest';
import { persistedKeys } from '../../../src/background/shared/persisted-keys';
import { singleFlight } from '../../../src/background/shared/single-flight';
import { memoryStore, settle } from '../screen-pop/fakes';

describe('persistedKeys', () => {
  it('keeps the newest keys up to its limit, across a reload', async () => {
    const store = memoryStore();
    const keys = persistedKeys(store, 'k', 3);
    keys.add(['a', 'b']);
    keys.add(['c', 'd']);
    expect([...keys.keys]).toEqual(['b', 'c', 'd']);
    await keys.save();
    const again = persistedKeys(store, 'k', 2);
    await again.load();
    expect([...again.keys]).toEqual(['c', 'd']);
    again.remove(['c']);
    expect([...again.keys]).toEqual(['d']);
  });

  it('ignores saved junk', async () => {
    const store = memoryStore();
    await store.set('k', ['a', 3, null]);
    const keys = persistedKeys(store, 'k');
    await keys.load();
    expect([...keys.keys]).toEqual(['a']);
    await store.set('k', 'nonsense');
    await persistedKeys(store, 'k').load();
  });
});

describe('singleFlight', () => {
  it('never overlaps runs and folds a burst into one re-run that starts after every call', async () => {
    let active = 0;
    let most = 0;
    let runs = 0;
    const task = singleFlight(async () => {
      active += 1;
      runs += 1;
      most = Math.max(most, active);
      await settle();
      active -= 1;
    });
    const first = task();
    const burst = [task(), task(), task()];
    expect(new Set(burst).size).toBe(1);
    await Promise.all([first, ...burst]);
    expect(runs).toBe(2);
    expect(most).toBe(1);
    await task();
    expect(runs).toBe(3);
  });

  it('rejects the callers of a failed run and keeps going', async () => {
    let runs = 0;
    const task = singleFlight(async () => {
      runs += 1;
      const first = runs === 1;
      await settle();
      if (first) throw new Error('boom');
    });
    const failing = task();
    const queued = task();
    await expect(failing).rejects.toThrow('boom');
    await expect(queued).resolves.toBeUndefined();
    await expect(task()).resolves.toBeUndefined();
    expect(runs).toBe(3);
  });
});
