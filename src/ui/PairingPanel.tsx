import { useId, useState } from 'preact/hooks';
import type { PairingRequest } from '../core/desk';
import { runCommand } from './actions';
import { trustedSubmit } from './trusted-submit';

interface Props {
  /** What the vendor waits for: a phone to choose, or the paired one to confirm. */
  readonly pairing: PairingRequest;
}

/**
 * The vendor (UCS) will not start the session until the agent pairs a phone, so this sits right under
 * the connection line, also while it still says "Connecting". Choosing: pick an offered phone or type
 * its identifier (the list may be empty). Confirming: take the phone the vendor paired, or choose again.
 */
export function PairingPanel({ pairing }: Props) {
  const headingId = useId();
  return (
    <section class="sb-desk-box sb-pairing" aria-labelledby={headingId}>
      <h2 class="sb-heading" id={headingId}>
        Pair your phone
      </h2>
      {pairing.kind === 'confirm' ? <ConfirmPhone pairing={pairing} /> : <ChoosePhone pairing={pairing} />}
    </section>
  );
}

/** "Use phone …?" with Confirm and "Choose another". */
function ConfirmPhone({ pairing }: Props) {
  const label = pairing.device?.label || pairing.device?.identifier || 'the paired phone';
  return (
    <>
      {pairing.message && (
        <p class="sb-field-error" role="alert">
          {pairing.message}
        </p>
      )}
      <p class="sb-pairing-ask">Use phone {label}?</p>
      <div class="sb-controls">
        <button
          type="button"
          class="sb-btn sb-btn-go"
          onClick={() => void runCommand({ type: 'confirmPhone' })}
        >
          Confirm
        </button>
        <button type="button" class="sb-btn" onClick={() => void runCommand({ type: 'changePhone' })}>
          Choose another
        </button>
      </div>
    </>
  );
}

/** A list of the offered phones and the identifier field it fills; "Pair phone" sends the field. */
function ChoosePhone({ pairing }: Props) {
  const id = useId();
  const [identifier, setIdentifier] = useState('');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const devices = pairing.devices;
  // The list follows the field: a typed identifier that is on the list selects it.
  const picked = devices.some((device) => device.identifier === identifier.trim()) ? identifier.trim() : '';

  const pair = async () => {
    const chosen = identifier.trim();
    if (chosen === '') {
      setProblem(
        devices.length > 0 ? 'Choose a phone or type its identifier.' : 'Type the phone’s identifier.',
      );
      return;
    }
    setProblem(undefined);
    await runCommand({ type: 'pairPhone', identifier: chosen });
  };

  const edit = (next: string) => {
    setProblem(undefined);
    setIdentifier(next);
  };

  return (
    <form class="sb-pairing-form" {...trustedSubmit(pair)} noValidate>
      {pairing.message && (
        <p class="sb-field-error" role="alert">
          {pairing.message}
        </p>
      )}
      {devices.length > 0 && (
        <div>
          <label class="sb-field-label" for={`${id}-d`}>
            Phone
          </label>
          <select
            id={`${id}-d`}
            class="sb-select"
            value={picked}
            onChange={(event) => edit(event.currentTarget.value)}
          >
            <option value="">Choose a phone…</option>
            {devices.map((device) => (
              <option key={device.identifier} value={device.identifier}>
                {device.label || device.identifier}
              </option>
            ))}
          </select>
        </div>
      )}
      <div>
        <label class="sb-field-label" for={`${id}-i`}>
          Phone identifier
        </label>
        <div class="sb-dial-row">
          <input
            id={`${id}-i`}
            class="sb-input"
            type="text"
            autoComplete="off"
            spellcheck={false}
            value={identifier}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? `${id}-p` : undefined}
            onInput={(event) => edit(event.currentTarget.value)}
          />
          <button type="submit" class="sb-btn sb-btn-go">
            Pair phone
          </button>
        </div>
        {problem && (
          <p id={`${id}-p`} class="sb-field-error" role="alert">
            {problem}
          </p>
        )}
      </div>
    </form>
  );
}
