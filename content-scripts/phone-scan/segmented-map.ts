/**
 * A Map kept as several Maps of bounded size. A single Map grows by rehashing all of its entries at
 * once: past a few hundred thousand entries that is a pause of tens of milliseconds, a long task
 * in the middle of a scan slice. Here growing only ever rehashes one segment.
 */
export class SegmentedMap<K, V> {
  private segments: Map<K, V>[] = [new Map()];
  private count = 0;

  constructor(private readonly segmentSize = 1 << 15) {}

  get(key: K): V | undefined {
    for (const segment of this.segments) {
      const value = segment.get(key);
      if (value !== undefined) return value;
    }
    return undefined;
  }

  has(key: K): boolean {
    return this.segments.some((segment) => segment.has(key));
  }

  set(key: K, value: V): void {
    for (const segment of this.segments) {
      if (segment.has(key)) {
        segment.set(key, value);
        return;
      }
    }
    let last = this.segments[this.segments.length - 1]!;
    if (last.size >= this.segmentSize) {
      last = new Map();
      this.segments.push(last);
    }
    last.set(key, value);
    this.count++;
  }

  delete(key: K): boolean {
    for (const [i, segment] of this.segments.entries()) {
      if (!segment.delete(key)) continue;
      this.count--;
      // An emptied segment would only lengthen every lookup.
      if (segment.size === 0 && this.segments.length > 1) this.segments.splice(i, 1);
      return true;
    }
    return false;
  }

  get size(): number {
    return this.count;
  }

  *entries(): IterableIterator<[K, V]> {
    for (const segment of this.segments) yield* segment.entries();
  }

  clear(): void {
    this.segments = [new Map()];
    this.count = 0;
  }
}
