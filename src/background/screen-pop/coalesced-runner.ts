/** Runs a task one at a time; requests made while it runs fold into a single re-run. */
export interface CoalescedRunner {
  /** Runs the task now, or once more after the current run; resolves when a run that started after this call ends. */
  run(): Promise<void>;
}

/**
 * A runner for work that reads "the latest state" each time: a burst of changes costs at most one extra
 * run, and two runs never overlap, so no two runs can both act on the same not-yet-recorded item.
 * `task` errors go to `onError`; the runner keeps working.
 */
export function coalescedRunner(
  task: () => Promise<void>,
  onError: (error: unknown) => void,
): CoalescedRunner {
  let running: Promise<void> | undefined;
  let again = false;
  const loop = async () => {
    do {
      again = false;
      try {
        await task();
      } catch (error) {
        onError(error);
      }
    } while (again);
    running = undefined;
  };
  return {
    run() {
      if (running) {
        again = true;
        return running;
      }
      running = loop();
      return running;
    },
  };
}
