/**
 * Runs `task` one at a time, for work that reads "the latest state" each run. A call while it runs does not
 * start a second copy: it asks for one more run after the current one (however many calls come in
 * meanwhile), and resolves when that run ends, so every caller sees a run that began after it asked, a
 * burst costs at most one extra run, and two runs never act on the same not-yet-recorded item. A failed
 * run rejects its callers' promises and does not stop later runs; tasks that must never reject catch
 * their own errors.
 */
export function singleFlight(task: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  let next: Promise<void> | undefined;
  const start = (): Promise<void> => {
    const run = task().finally(() => {
      if (running === run) running = undefined;
    });
    running = run;
    return run;
  };
  const after = () => {
    next = undefined;
    return start();
  };
  return () => {
    // `next` first: between a run's end and the queued run's start, `running` is already unset.
    if (next) return next;
    if (!running) return start();
    next = running.then(after, after);
    return next;
  };
}
