import type { TargetedKeyboardEvent } from 'preact';
import { useId, useState } from 'preact/hooks';
import type { Call } from '../core/call';
import type { Capabilities } from '../core/capabilities';
import { normalizeDialString } from '../core/phone/dial-string';
import { runCommand } from './actions';
import { Icon } from './icons';

interface Props {
  /** The call to transfer. */
  readonly call: Call;
  /** Which transfers the vendor offers (blind, consult). */
  readonly caps: Capabilities;
  /** Called when the agent is done with the panel (a blind transfer went through, Escape). */
  readonly onClose: () => void;
}

/**
 * Transfer the focused call: blind (hand over now) or consult (talk to the target first, then complete or
 * cancel). While a consultation runs the panel shows only its outcome buttons, since the vendor is
 * waiting for exactly one of them, and "Switch line" where the vendor lets the agent talk to each party
 * in turn.
 */
export function TransferPanel({ call, caps, onClose }: Props) {
  const id = useId();
  const [target, setTarget] = useState('');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const transfer = call.transfer;

  if (transfer?.phase === 'consulting') {
    return (
      <fieldset class="sb-panel sb-transfer" aria-label="Transfer call">
        <p class="sb-panel-status">Consulting {transfer.target}</p>
        {(caps.attendedTransfer || caps.switchLine) && (
          <div class="sb-controls">
            {caps.attendedTransfer && (
              <>
                <button
                  type="button"
                  class="sb-btn sb-btn-go"
                  onClick={() => void runCommand({ type: 'completeTransfer', callId: call.id })}
                >
                  Complete transfer
                </button>
                <button
                  type="button"
                  class="sb-btn"
                  onClick={async () => {
                    // Back with the caller: the agent expects the call view, not the transfer form.
                    if (await runCommand({ type: 'cancelTransfer', callId: call.id })) onClose();
                  }}
                >
                  Cancel transfer
                </button>
              </>
            )}
            {caps.switchLine && (
              <button
                type="button"
                class="sb-btn"
                onClick={() => void runCommand({ type: 'switchLine', callId: call.id })}
              >
                <Icon name="swap" />
                Switch line
              </button>
            )}
          </div>
        )}
      </fieldset>
    );
  }

  const go = async (kind: 'blindTransfer' | 'attendedTransfer') => {
    const number = normalizeDialString(target);
    if (!number) {
      setProblem(
        target.trim() ? 'That is not a number or extension.' : 'Type the number or extension to transfer to.',
      );
      return;
    }
    setProblem(undefined);
    const ok = await runCommand({ type: kind, callId: call.id, target: number });
    if (ok && kind === 'blindTransfer') onClose();
  };

  const onKeyDown = (event: TargetedKeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    // Enter prefers the reversible choice: a consultation can still be cancelled, a blind transfer cannot.
    if (caps.attendedTransfer) void go('attendedTransfer');
    else if (caps.blindTransfer) void go('blindTransfer');
  };

  return (
    <fieldset class="sb-panel sb-transfer" aria-label="Transfer call">
      {transfer?.phase === 'requested' && <p class="sb-panel-status">Transferring to {transfer.target}…</p>}
      {transfer?.phase === 'failed' && (
        <p class="sb-panel-status sb-bad">Transfer to {transfer.target} failed.</p>
      )}
      <label class="sb-field-label" for={`${id}-t`}>
        Transfer to
      </label>
      <input
        id={`${id}-t`}
        class="sb-input"
        type="text"
        inputMode="tel"
        autoComplete="off"
        spellcheck={false}
        value={target}
        autoFocus
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-p` : undefined}
        onInput={(event) => {
          setProblem(undefined);
          setTarget(event.currentTarget.value);
        }}
        onKeyDown={onKeyDown}
      />
      {problem && (
        <p id={`${id}-p`} class="sb-field-error" role="alert">
          {problem}
        </p>
      )}
      <div class="sb-controls">
        {caps.attendedTransfer && (
          <button type="button" class="sb-btn" onClick={() => void go('attendedTransfer')}>
            Consult
          </button>
        )}
        {caps.blindTransfer && (
          <button type="button" class="sb-btn" onClick={() => void go('blindTransfer')}>
            Blind transfer
          </button>
        )}
      </div>
    </fieldset>
  );
}
