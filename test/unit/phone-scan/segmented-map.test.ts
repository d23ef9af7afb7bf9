import { describe, expect, it } from 'vitest';
import { SegmentedMap } from '../../../content-scripts/phone-scan/segmented-map';

describe('SegmentedMap', () => {
  it('behaves like a Map across segments', () => {
    const map = new SegmentedMap<number, string>(4);
    for (let i = 0; i < 10; i++) map.set(i, `v${i}`);
    expect(map.size).toBe(10);
    expect(map.get(7)).toBe('v7');
    map.set(7, 'seven');
    expect(map.get(7)).toBe('seven');
    expect(map.size).toBe(10);
    expect(map.delete(7)).toBe(true);
    expect(map.delete(7)).toBe(false);
    expect(map.has(7)).toBe(false);
    expect(map.size).toBe(9);
    expect([...map.entries()].map(([key]) => key)).toEqual([0, 1, 2, 3, 4, 5, 6, 8, 9]);
    map.clear();
    expect(map.size).toBe(0);
    expect(map.get(1)).toBeUndefined();
  });

  it('drops segments emptied by deletes, and refills', () => {
    const map = new SegmentedMap<number, number>(2);
    for (let i = 0; i < 6; i++) map.set(i, i);
    for (const i of [0, 1, 2, 3]) map.delete(i);
    map.set(10, 10);
    expect([...map.entries()]).toEqual([
      [4, 4],
      [5, 5],
      [10, 10],
    ]);
  });
});
