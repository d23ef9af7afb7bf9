import type { Call } from '../call';
import type { CallMoment } from '../config/types';

/**
 * Whether `call` has reached `moment`. Level-based, not edge-based, so a worker that restarts after the
 * moment still sees it: `ringing` holds from the moment the call exists (an outbound call's "ringing" is
 * its dialing), `answered` once it was answered, `ended` once it ended.
 */
export function momentReached(call: Call, moment: CallMoment): boolean {
  switch (moment) {
    case 'ringing':
      return true;
    case 'answered':
      return call.answeredAt !== undefined;
    case 'ended':
      return call.state === 'ended';
  }
}
