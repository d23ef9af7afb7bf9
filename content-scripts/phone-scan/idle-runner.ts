/**
 * Runs resumable work in idle time, in slices of a few milliseconds, so that no task of ours is long
 * (over 50 ms) however much there is to do: the page's own input and rendering get the main thread
 * between slices.
 *
 * A batch of work starts in an idle callback, once the page is done with what it was doing (loading,
 * rendering the burst it just made). Its further slices go out as background-priority tasks where the
 * browser has them (`scheduler.postTask`): those too run only when nothing else is waiting, but are not
 * held to one per idle period, which would spread 1.5 s of work on a 50k-row page over 7 s.
 */

/** The most a slice may take. Well under the 50 ms of a "long task", and under a 60 Hz frame. */
export const SLICE_BUDGET_MS = 8;
// When the browser says a frame is due sooner, a slice still gets this much, or the work would never end.
const MIN_SLICE_MS = 2;
// On a page that is never idle (animations, constant re-rendering), run anyway after this long.
const IDLE_TIMEOUT_MS = 500;

export interface SliceTiming {
  readonly start: number;
  readonly end: number;
  /** True when the work is done (the queue drained). */
  readonly drained: boolean;
}

type Schedule = (run: (budget: number) => void) => () => void;

interface PostTask {
  postTask(callback: () => void, options: { priority: 'background'; signal: AbortSignal }): Promise<unknown>;
}

function backgroundTasks(view: Window): Schedule | undefined {
  const scheduler = (view as Window & { scheduler?: Partial<PostTask> }).scheduler;
  if (typeof scheduler?.postTask !== 'function') return undefined;
  const post = scheduler.postTask.bind(scheduler);
  return (run) => {
    const abort = new AbortController();
    // Rejects with AbortError when cancelled: expected, not an error.
    post(() => run(SLICE_BUDGET_MS), { priority: 'background', signal: abort.signal }).catch(() => {});
    return () => abort.abort();
  };
}

function idleCallbacks(view: Window): Schedule {
  if (typeof view.requestIdleCallback === 'function') {
    return (run) => {
      const handle = view.requestIdleCallback(
        (deadline) => {
          const left = deadline.didTimeout ? SLICE_BUDGET_MS : deadline.timeRemaining();
          run(Math.min(SLICE_BUDGET_MS, Math.max(MIN_SLICE_MS, left)));
        },
        { timeout: IDLE_TIMEOUT_MS },
      );
      return () => view.cancelIdleCallback(handle);
    };
  }
  return (run) => {
    const handle = view.setTimeout(() => run(SLICE_BUDGET_MS), 0);
    return () => view.clearTimeout(handle);
  };
}

export class IdleRunner {
  private cancel: (() => void) | undefined;
  private stopped = false;
  private readonly idle: Schedule;
  private readonly next: Schedule;

  /**
   * @param work does work until `outOfTime()`; returns true when there is nothing left.
   * @param onSlice told about each slice (performance marks, stats).
   */
  constructor(
    view: Window,
    private readonly work: (outOfTime: () => boolean) => boolean,
    private readonly onSlice: (timing: SliceTiming) => void = () => {},
  ) {
    this.idle = idleCallbacks(view);
    this.next = backgroundTasks(view) ?? this.idle;
  }

  /** Makes sure a slice is coming. Cheap to call often (every mutation batch does). */
  kick(): void {
    this.schedule(this.idle);
  }

  stop(): void {
    this.stopped = true;
    this.cancel?.();
    this.cancel = undefined;
  }

  private slice(budget: number): void {
    this.cancel = undefined;
    if (this.stopped) return;
    const start = performance.now();
    const end = start + budget;
    const drained = this.work(() => performance.now() >= end);
    this.onSlice({ start, end: performance.now(), drained });
    if (!drained) this.schedule(this.next);
  }

  private schedule(how: Schedule): void {
    if (this.cancel || this.stopped) return;
    this.cancel = how((budget) => this.slice(budget));
  }
}
