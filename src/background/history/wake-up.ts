/** Calls the history back at a time, to retry webhook deliveries. */
export interface WakeUpScheduler {
  /** One wake-up at `epochMs` (as soon as possible when it is past), replacing any asked for before. */
  wakeAt(epochMs: number): void;
  /** Cancels the wake-up asked for, if any. */
  clear(): void;
}

// setTimeout fires at once for delays past 2^31 - 1 ms; a later wake-up re-arms from the next drain.
const MAX_TIMER_MS = 2 ** 31 - 1;

/** A wake-up by setTimeout: precise, but it dies with the worker. */
export function timerWakeUp(onWake: () => void, now: () => number = Date.now): WakeUpScheduler {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const clear = () => {
    clearTimeout(timer);
    timer = undefined;
  };
  return {
    wakeAt: (epochMs) => {
      clear();
      const delay = Math.min(MAX_TIMER_MS, Math.max(0, epochMs - now()));
      timer = setTimeout(() => {
        timer = undefined;
        onWake();
      }, delay);
    },
    clear,
  };
}

/** Asks every scheduler: in the worker, an alarm (survives a stop) and a timer (no 30 s minimum). */
export function combinedWakeUp(...schedulers: readonly WakeUpScheduler[]): WakeUpScheduler {
  return {
    wakeAt: (epochMs) => {
      for (const scheduler of schedulers) scheduler.wakeAt(epochMs);
    },
    clear: () => {
      for (const scheduler of schedulers) scheduler.clear();
    },
  };
}
