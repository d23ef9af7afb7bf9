import { useEffect, useState } from 'preact/hooks';

// One interval for every timer on screen: a bar with a call, a held call and a state timer would otherwise
// run three, and they would tick out of step.
const subscribers = new Set<() => void>();
let ticker: ReturnType<typeof setInterval> | undefined;

function subscribe(onTick: () => void): () => void {
  subscribers.add(onTick);
  ticker ??= setInterval(() => {
    for (const tick of subscribers) tick();
  }, 1000);
  return () => {
    subscribers.delete(onTick);
    if (subscribers.size === 0 && ticker !== undefined) {
      clearInterval(ticker);
      ticker = undefined;
    }
  };
}

/** The current time, re-rendering the caller once a second while it is mounted. */
export function useNow(): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => subscribe(() => setNow(Date.now())), []);
  return now;
}

/** Milliseconds since `since` (never negative: the hub's clock and ours can disagree by a few ms). */
export function useElapsed(since: number | undefined): number {
  const now = useNow();
  return since === undefined ? 0 : Math.max(0, now - since);
}
