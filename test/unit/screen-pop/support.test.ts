import { describe, expect, it } from 'vitest';
import { coalescedRunner } from '../../../src/background/screen-pop/coalesced-runner';
import { persistedKeys } from '../../../src/background/screen-pop/persisted-keys';
import { preferredTab } from '../../../src/background/screen-pop/pick-tab';
import { memoryStore, settle } from './fakes';

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

describe('coalescedRunner', () => {
  it('never overlaps runs and folds a burst into one re-run', async () => {
    let active = 0;
    let runs = 0;
    let overlapped = false;
    const runner = coalescedRunner(
      async () => {
        active += 1;
        overlapped ||= active > 1;
        runs += 1;
        await settle();
        active -= 1;
      },
      () => {},
    );
    const first = runner.run();
    const burst = [runner.run(), runner.run(), runner.run()];
    await Promise.all([first, ...burst]);
    expect(runs).toBe(2);
    expect(overlapped).toBe(false);
    await runner.run();
    expect(runs).toBe(3);
  });

  it('reports a failing run and keeps going', async () => {
    const errors: unknown[] = [];
    let fail = true;
    const runner = coalescedRunner(
      async () => {
        if (fail) throw new Error('boom');
      },
      (error) => errors.push(error),
    );
    await runner.run();
    fail = false;
    await runner.run();
    expect(errors).toHaveLength(1);
  });
});

describe('preferredTab', () => {
  it('prefers the selected tab of the last window, then the one looked at last', () => {
    const a = { id: 1, windowId: 1, active: true, lastAccessed: 5 };
    const b = { id: 2, windowId: 2, active: true, lastAccessed: 9 };
    const c = { id: 3, windowId: 2, active: false };
    expect(preferredTab([a, b, c], 1)).toBe(a);
    expect(preferredTab([a, b, c], 3)).toBe(b);
    expect(preferredTab([c], undefined)).toBe(c);
    expect(preferredTab([], 1)).toBeUndefined();
  });
});
