/**
 * Performance marks and measures for the benchmark and the end-to-end tests. The bench runs in the
 * page's main world, where our isolated-world variables are invisible, but the performance timeline is
 * the document's and is shared.
 *
 * - `softbar-scan-start` (mark): `startPhoneScan` begins.
 * - `softbar-scan-idle` (mark): right after setup (listeners installed, nothing read), and again after
 *   every lookup; `detail` carries the counters (distinct numbers found so far, lookups, blocks and text
 *   nodes read, finder calls and cache hits, slices, busy milliseconds, longest slice).
 * - `softbar-scan-slice` (measure): one lookup (the block under the pointer or in the focused element,
 *   read, searched and hit-tested), start to end: our main-thread time, since setup does no other work.
 *
 * The timeline keeps user-timing entries until someone clears them, and an agent moving the mouse over a
 * CRM all day makes a lookup per animation frame: past a cap we stop writing entries (a benchmark or a
 * test never gets there).
 */
export const MARK_START = 'softbar-scan-start';
export const MARK_IDLE = 'softbar-scan-idle';
export const MEASURE_SLICE = 'softbar-scan-slice';

const ENTRY_CAP = 20_000;

export interface IdleDetail {
  /** Distinct numbers (by E.164) found by lookups so far. */
  readonly numbers: number;
  /** Lookups run (pointer stops and focus moves over text). */
  readonly lookups: number;
  /** Blocks of page text read. */
  readonly blocksRead: number;
  /** Text nodes visited while reading them. */
  readonly textNodes: number;
  /** Texts handed to the phone-number finder (the rest were cached or had too few digits). */
  readonly finderCalls: number;
  /** Texts the finder answered from its cache. */
  readonly cacheHits: number;
  /** Measured slices of our main-thread work. */
  readonly slices: number;
  /** Their total duration, ms. */
  readonly busyMs: number;
  /** The longest single slice, ms. */
  readonly longestSliceMs: number;
}

export type Counters = Omit<IdleDetail, 'slices' | 'busyMs' | 'longestSliceMs'>;

export class PerfMarks {
  private entries = 0;
  private slices = 0;
  private busyMs = 0;
  private longestSliceMs = 0;

  start(): void {
    this.write(() => performance.mark(MARK_START));
  }

  slice(start: number, end: number): void {
    const duration = end - start;
    this.slices++;
    this.busyMs += duration;
    this.longestSliceMs = Math.max(this.longestSliceMs, duration);
    this.write(() => performance.measure(MEASURE_SLICE, { start, end }));
  }

  idle(counters: Counters): void {
    const detail: IdleDetail = {
      ...counters,
      slices: this.slices,
      busyMs: Math.round(this.busyMs * 100) / 100,
      longestSliceMs: Math.round(this.longestSliceMs * 100) / 100,
    };
    this.write(() => performance.mark(MARK_IDLE, { detail }));
  }

  private write(entry: () => void): void {
    if (this.entries >= ENTRY_CAP) return;
    this.entries++;
    try {
      entry();
    } catch {
      // A page may have replaced `performance.mark`; the marks are for measuring, never worth failing over.
    }
  }
}
