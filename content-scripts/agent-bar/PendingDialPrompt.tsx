import { runCommand } from '../../src/ui/actions';
import { Icon } from '../../src/ui/icons';
import { clearPendingDial, pendingDial } from '../pending-dial';

/**
 * "Call this number?" for a number taken from a page the admin has not approved for click-to-dial: the
 * page chose what the number looks like, so the agent sees it and decides.
 */
export function PendingDialPrompt() {
  const request = pendingDial.value;
  if (!request) return null;
  const call = async () => {
    clearPendingDial();
    await runCommand({ type: 'dial', number: request.number });
  };
  return (
    <div class="sb-panel sb-confirm" role="alertdialog" aria-label="Confirm call" aria-live="assertive">
      <p class="sb-panel-status">
        Call <strong>{request.raw}</strong>
        {request.raw.replace(/\D/g, '') !== request.number.replace(/\D/g, '') && <> ({request.number})</>}?
      </p>
      <p class="sb-hint">This site is not on your administrator's list for click-to-dial.</p>
      <div class="sb-controls">
        <button type="button" class="sb-btn sb-btn-go" onClick={call} autoFocus>
          <Icon name="phone" />
          Call
        </button>
        <button type="button" class="sb-btn" onClick={clearPendingDial}>
          Cancel
        </button>
      </div>
    </div>
  );
}
