import type { Call } from '../core/call';
import type { Capabilities } from '../core/capabilities';
import { runCommand } from './actions';
import { ACTION_ICONS } from './CallPanel';
import { CallTimer } from './CallTimer';
import {
  CALL_ACTION_LABELS,
  type CallAction,
  callActions,
  commandFor,
  type DirectCallAction,
} from './call-actions';
import { CALL_STATE_LABELS, partyLabel } from './format';
import { Icon } from './icons';

// Rows only offer what needs no panel; transfer and touch tones belong to the focused call.
const ROW_ACTIONS: readonly CallAction[] = ['answer', 'reject', 'hold', 'resume', 'hangup'];

const isRowAction = (action: CallAction): action is DirectCallAction => ROW_ACTIONS.includes(action);

/**
 * Calls other than the focused one (one held while another rings, a consultation leg), one compact row
 * each. Their buttons are named "Resume call with …" so the focused call's "Resume" stays unique.
 */
export function OtherCalls({ calls, caps }: { calls: readonly Call[]; caps: Capabilities }) {
  if (calls.length === 0) return null;
  return (
    <ul class="sb-others" aria-label="Other calls">
      {calls.map((call) => {
        const who = partyLabel(call);
        return (
          <li key={call.id} class="sb-other" data-state={call.state}>
            <span class="sb-other-who">
              <span class="sb-other-name">{who}</span>
              <span class="sb-other-state">
                {CALL_STATE_LABELS[call.state]} · <CallTimer call={call} />
              </span>
            </span>
            {callActions(call, caps)
              .filter(isRowAction)
              .map((action) => (
                <button
                  key={action}
                  type="button"
                  class={`sb-icon-btn ${action === 'hangup' || action === 'reject' ? 'sb-btn-stop' : ''}`}
                  aria-label={`${CALL_ACTION_LABELS[action]} call with ${who}`}
                  title={CALL_ACTION_LABELS[action]}
                  onClick={() => void runCommand(commandFor(action, call.id))}
                >
                  <Icon name={ACTION_ICONS[action]} />
                </button>
              ))}
          </li>
        );
      })}
    </ul>
  );
}
