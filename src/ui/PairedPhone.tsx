import type { PhoneChoice } from '../core/desk';
import { runCommand } from './actions';
import { Icon } from './icons';

interface Props {
  /** The phone the session is paired with. */
  readonly device: PhoneChoice;
  /** The vendor lets the agent pick another phone from the bar. */
  readonly canChange: boolean;
  /** A call is live: changing the phone now would cut it off, so "Change" waits. */
  readonly busy: boolean;
}

/**
 * "Phone: …", so an agent at a shared desk sees which handset will ring, and "Change" to pair another
 * (the vendor then asks for the phone again, in the pairing panel).
 */
export function PairedPhone({ device, canChange, busy }: Props) {
  const label = device.label || device.identifier;
  return (
    <p class="sb-device">
      <Icon name="phone" />
      <span class="sb-device-label">
        <span class="sb-device-key">Phone:</span> {label}
      </span>
      {canChange && (
        <button
          type="button"
          class="sb-link"
          aria-label="Change phone"
          title={busy ? 'You can change the phone once the call ends' : undefined}
          disabled={busy}
          onClick={() => void runCommand({ type: 'changePhone' })}
        >
          Change
        </button>
      )}
    </p>
  );
}
