/**
 * A wait for a vendor to answer (Tegsoft's first widget event, UCS reaching READY): resolved by the
 * adapter, failed by a timer that `arm` (re)starts and `pause` stops, or by its abort signal.
 */
export class EventWait {
  /** Settles when the widget spoke (resolves) or the wait failed (rejects). */
  readonly done: Promise<void>;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private settle: ((error?: unknown) => void) | undefined;

  /**
   * @param timedOut makes the error the wait fails with once `timeoutMs` passed since the last `arm`.
   */
  constructor(
    private readonly signal: AbortSignal | undefined,
    private readonly timeoutMs: number,
    private readonly timedOut: () => Error,
  ) {
    this.done = new Promise<void>((resolve, reject) => {
      this.settle = (error) => {
        this.cancel();
        if (error === undefined) resolve();
        else reject(error);
      };
    });
    // A wait failed after its caller stopped listening (the frame did not open) is no unhandled error.
    this.done.catch(() => {});
    signal?.addEventListener('abort', this.onAbort, { once: true });
  }

  /** Whether it still waits. */
  get pending(): boolean {
    return this.settle !== undefined;
  }

  /** (Re)starts the timer: the widget gets the whole timeout after each load. */
  arm(): void {
    if (!this.pending) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.settle?.(this.timedOut()), this.timeoutMs);
  }

  /** Stops the timer while the vendor waits on the agent; `arm` starts it again. */
  pause(): void {
    clearTimeout(this.timer);
  }

  /** The widget spoke: the wait is over. */
  resolve(): void {
    this.settle?.();
  }

  /** Fails the wait with `error`. */
  reject(error: unknown): void {
    this.settle?.(error);
  }

  /** Stops waiting without settling (nobody listens any more). */
  cancel(): void {
    clearTimeout(this.timer);
    this.signal?.removeEventListener('abort', this.onAbort);
    this.settle = undefined;
  }

  private readonly onAbort = () => this.settle?.(this.signal?.reason);
}
