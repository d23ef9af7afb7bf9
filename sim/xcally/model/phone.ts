import { SimControlError } from '../../shared/control-error';
import type { HangupReason } from '../protocol';
import type { Call } from './call';
import type { CallCenter } from './call-center';
import { hangupEvent } from './payloads';
import { abandonCall, ringNoAnswer } from './queue-calls';

/**
 * Someone hangs a call up. An answered queue call gives `hangup` with the reason (Asterisk's
 * AgentComplete: `agent` or `caller`). A caller leaving before an answer abandons (`abandon`); an agent
 * hanging up a ringing call rejects it (it waits in the queue again, no event). An outbound call ends
 * without an event unless `outboundUpHangup` (ASSUMPTION, as for its answer), and then only if answered.
 */
export function hangupCall(center: CallCenter, call: Call, by: HangupReason): void {
  if (call.state === 'ended') throw new SimControlError(`call ${call.uniqueid} has ended`);
  if (call.kind === 'queue' && (call.state === 'queued' || call.state === 'ringing')) {
    if (by === 'caller') abandonCall(center, call);
    else if (call.state === 'ringing') ringNoAnswer(call);
    else throw new SimControlError(`call ${call.uniqueid} is on no agent's phone`);
    return;
  }
  const answered = call.state === 'up';
  center.end(call);
  const announce = call.kind === 'queue' || center.settings.outboundUpHangup;
  if (answered && announce && call.peer !== null) {
    center.emit(hangupEvent(call, center.agent(call.peer), by), call);
  }
}

/**
 * Puts an answered call on hold or takes it off (the Phonebar shows HOLDING).
 * ASSUMPTION: xcally-realtime emits nothing for hold (the document has no such event).
 */
export function holdCall(call: Call, on: boolean): void {
  if (call.state !== 'up') throw new SimControlError(`call ${call.uniqueid} is ${call.state}, not up`);
  call.held = on;
}
