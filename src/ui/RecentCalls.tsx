import type { Call } from '../core/call';
import { DIRECTION_LABELS, displayNumber, END_REASON_LABELS, formatCallTime, formatDuration } from './format';
import { Icon } from './icons';

interface Props {
  /** Ended calls, newest first (the hub's `recent`). */
  readonly calls: readonly Call[];
  /** The agent picked a number: the parent puts it in the dial field (dialing stays an explicit step). */
  readonly onPick: (number: string) => void;
}

/** Ended calls, newest first: who, which way, how it ended, how long, when. */
export function RecentCalls({ calls, onPick }: Props) {
  return (
    <section class="sb-recent" aria-label="Recent calls">
      <h2 class="sb-heading">Recent calls</h2>
      {calls.length === 0 ? (
        <p class="sb-empty">No calls yet.</p>
      ) : (
        <ul class="sb-recent-list">
          {calls.map((call) => {
            const number = displayNumber(call);
            const talked = call.answeredAt !== undefined && call.endedAt !== undefined;
            const at = call.endedAt ?? call.createdAt;
            return (
              <li key={call.id} class="sb-recent-item" data-reason={call.endReason}>
                <Icon name={call.direction === 'inbound' ? 'incoming' : 'outgoing'} class="sb-recent-dir" />
                <span class="sb-recent-main">
                  <button
                    type="button"
                    class="sb-link"
                    title="Put this number in the dial field"
                    onClick={() => onPick(call.remoteE164 ?? call.remoteNumber)}
                  >
                    {number}
                  </button>
                  {call.remoteName && <span class="sb-recent-name">{call.remoteName}</span>}
                </span>
                <span class="sb-recent-info">
                  <span>
                    {DIRECTION_LABELS[call.direction]}
                    {call.endReason ? ` · ${END_REASON_LABELS[call.endReason]}` : ''}
                  </span>
                  <span>
                    {talked ? formatDuration((call.endedAt ?? 0) - (call.answeredAt ?? 0)) : 'Not answered'} ·{' '}
                    <time dateTime={new Date(at).toISOString()}>{formatCallTime(at)}</time>
                  </span>
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
