import type { Call } from '../core/call';
import { runCommand } from './actions';
import { DialPad } from './DialPad';

/** Touch tones for the connected call (IVR menus, PINs); shows what was sent so far. */
export function KeypadPanel({ call }: { call: Call }) {
  return (
    <fieldset class="sb-panel sb-keypad" aria-label="Touch tones">
      <output class="sb-tones" aria-label="Tones sent">
        {call.dtmf}
      </output>
      <DialPad
        label="Keypad tones"
        onPress={(digits) => void runCommand({ type: 'dtmf', callId: call.id, digits })}
      />
    </fieldset>
  );
}
