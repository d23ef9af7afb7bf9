interface Props {
  /** Callers waiting in the agent's queues, as the vendor counts them. */
  readonly count: number;
}

/** How the badge reads to a screen reader; exported for the tests. */
export function waitingWords(count: number): string {
  return `${count} ${count === 1 ? 'caller' : 'callers'} waiting in your queues`;
}

/**
 * "3 waiting" beside the agent state: an agent on a break sees the queue fill up and can come back.
 * Quiet at zero, emphasized otherwise.
 */
export function WaitingBadge({ count }: Props) {
  const words = waitingWords(count);
  return (
    <span
      class="sb-waiting"
      data-busy={count > 0 ? 'true' : undefined}
      role="img"
      aria-label={words}
      title={words}
    >
      {count} waiting
    </span>
  );
}
