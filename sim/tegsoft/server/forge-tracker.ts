/** Which forged frames reported that they posted their fake event. */
export interface ForgeReport {
  /** The nested same-origin frame posted to window.top and window.parent.parent. */
  readonly sameOrigin: boolean;
  /** The nested frame from the other origin (`localhost`) did. */
  readonly crossOrigin: boolean;
}

interface Waiter {
  /** What has been reported so far. */
  report: { sameOrigin: boolean; crossOrigin: boolean };
  /** Resolves the wait with the report. */
  done(): void;
}

/** Waits for the forged frames' reports (`/sim/forged`). */
export class ForgeTracker {
  private readonly waiters = new Set<Waiter>();

  reported(kind: 'same' | 'cross'): void {
    for (const waiter of this.waiters) {
      if (kind === 'same') waiter.report.sameOrigin = true;
      else waiter.report.crossOrigin = true;
      if (waiter.report.sameOrigin && waiter.report.crossOrigin) waiter.done();
    }
  }

  /** Resolves when both frames reported, or after `timeoutMs` with what was reported by then. */
  wait(timeoutMs: number): Promise<ForgeReport> {
    return new Promise((resolve) => {
      const waiter: Waiter = {
        report: { sameOrigin: false, crossOrigin: false },
        done: () => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve({ ...waiter.report });
        },
      };
      const timer = setTimeout(waiter.done, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  /** Ends every wait now (shutdown). */
  flush(): void {
    for (const waiter of [...this.waiters]) waiter.done();
  }
}
