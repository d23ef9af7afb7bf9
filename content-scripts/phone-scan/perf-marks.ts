import type { SliceTiming } from './idle-runner';

/**
 * Performance marks and measures for the benchmark. The bench runs in the page's main world, where our
 * isolated-world variables are invisible, but the performance timeline is the document's and is shared.
 *
 * - `softbar-scan-start` (mark): the initial scan begins.
 * - `softbar-scan-slice` (measure): one slice of our work, start to end; the bench sums their durations
 *   for our main-thread time and takes their maximum for our longest task.
 * - `softbar-scan-idle` (mark): the work queue drained; `detail` carries counters (numbers found,
 *   blocks read, text nodes walked, finder calls, slices, busy milliseconds, longest slice).
 *
 * The timeline keeps user-timing entries until someone clears them, and a CRM left open for a day
 * re-renders many thousand times: past a cap we stop writing entries (a benchmark never gets there).
 */
export const MARK_START = 'softbar-scan-start';
export const MARK_IDLE = 'softbar-scan-idle';
export const MEASURE_SLICE = 'softbar-scan-slice';

const ENTRY_CAP = 20_000;

export interface IdleDetail {
  readonly numbers: number;
  readonly blocks: number;
  readonly blocksRead: number;
  readonly textNodes: number;
  /** Texts handed to the phone-number finder (the rest were cached or had too few digits). */
  readonly finderCalls: number;
  readonly mutations: number;
  readonly slices: number;
  readonly busyMs: number;
  readonly longestSliceMs: number;
}

export class PerfMarks {
  private entries = 0;
  slices = 0;
  busyMs = 0;
  longestSliceMs = 0;

  start(): void {
    this.write(() => performance.mark(MARK_START));
  }

  slice(timing: SliceTiming): void {
    const duration = timing.end - timing.start;
    this.slices++;
    this.busyMs += duration;
    this.longestSliceMs = Math.max(this.longestSliceMs, duration);
    this.write(() => performance.measure(MEASURE_SLICE, { start: timing.start, end: timing.end }));
  }

  idle(detail: Omit<IdleDetail, 'slices' | 'busyMs' | 'longestSliceMs'>): void {
    const full: IdleDetail = {
      ...detail,
      slices: this.slices,
      busyMs: Math.round(this.busyMs * 100) / 100,
      longestSliceMs: Math.round(this.longestSliceMs * 100) / 100,
    };
    this.write(() => performance.mark(MARK_IDLE, { detail: full }));
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
