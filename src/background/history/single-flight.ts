/**
 * Runs `task` one at a time. A call while it runs does not start a second copy: it asks for one more run
 * after the current one (however many calls come in meanwhile), and resolves when that run ends, so every
 * caller sees a run that began after it asked.
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
