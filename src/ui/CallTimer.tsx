import type { Call } from '../core/call';
import { callTimerStart, formatDuration } from './format';
import { useElapsed } from './use-elapsed';

/** Running time of a call: ringing or dialing time first, talk time once answered. */
export function CallTimer({ call }: { call: Call }) {
  const elapsed = useElapsed(callTimerStart(call));
  return (
    <span class="sb-timer" role="timer">
      {formatDuration(elapsed)}
    </span>
  );
}
