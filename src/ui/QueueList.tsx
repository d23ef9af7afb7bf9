import { useId, useRef, useState } from 'preact/hooks';
import type { QueueMembership } from '../core/desk';
import { runCommand } from './actions';
import { Icon } from './icons';

interface Props {
  /** The agent's queue memberships (not empty). */
  readonly queues: readonly QueueMembership[];
}

const DIRECTION_WORDS: Record<QueueMembership['direction'], string> = {
  inbound: 'Inbound',
  outbound: 'Outbound',
};

/**
 * "Queues" folds open to one row per queue with a switch to serve it or suspend service in it (a break
 * from one campaign without going not-ready everywhere). Folded by default: agents change this rarely,
 * and the button says how many are suspended so a forgotten one shows.
 */
export function QueueList({ queues }: Props) {
  const id = useId();
  const [open, setOpen] = useState(false);
  // The agent's flip shows until the hub answers; then the switch follows the hub's state again (the
  // re-render that clears `pending` also puts a refused flip back: Preact diffs `checked` against the DOM).
  const [pending, setPending] = useState<ReadonlyMap<string, boolean>>(new Map());
  const button = useRef<HTMLButtonElement>(null);
  const suspended = queues.filter((queue) => !queue.active).length;

  const serve = async (queueId: string, active: boolean) => {
    setPending((current) => new Map(current).set(queueId, active));
    await runCommand({ type: 'setQueueActive', queueId, active });
    setPending((current) => {
      const next = new Map(current);
      next.delete(queueId);
      return next;
    });
  };

  return (
    <>
      <button
        type="button"
        ref={button}
        class="sb-disclosure sb-queues-toggle"
        aria-expanded={open}
        aria-controls={open ? `${id}-q` : undefined}
        onClick={() => setOpen(!open)}
      >
        <Icon name="list" />
        Queues
        {suspended > 0 && (
          <span class="sb-queues-sum">
            <span aria-hidden="true">·</span> {suspended} suspended
          </span>
        )}
      </button>
      {open && (
        <ul
          id={`${id}-q`}
          class="sb-queues"
          aria-label="Queues"
          onKeyDown={(event) => {
            if (event.key !== 'Escape') return;
            event.stopPropagation();
            setOpen(false);
            button.current?.focus();
          }}
        >
          {queues.map((queue) => {
            const active = pending.get(queue.id) ?? queue.active;
            return (
              <li key={queue.id} class="sb-queue" data-active={active ? 'true' : 'false'}>
                <input
                  id={`${id}-${queue.id}`}
                  class="sb-switch"
                  type="checkbox"
                  checked={active}
                  aria-label={`Serve ${queue.name}`}
                  onChange={(event) => void serve(queue.id, event.currentTarget.checked)}
                />
                <label class="sb-queue-name" for={`${id}-${queue.id}`} aria-hidden="true">
                  {queue.name}
                </label>
                <span class="sb-queue-dir">{DIRECTION_WORDS[queue.direction]}</span>
                {!active && <span class="sb-tag">Suspended</span>}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
