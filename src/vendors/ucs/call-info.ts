/**
 * The documented UCS Call object → the bar's call description. ASSUMPTIONS (the document is silent):
 * `uniqueid` identifies a call across callbacks, `number` is the far party, `connected` is epoch ms.
 */
import type { CallState, EndReason } from '../../core/call';
import type { VendorCallInfo } from '../../core/vendor-events';

/** The documented call states (Call.state). */
export const UCS_CALL_STATE = {
  new: 0,
  connecting: 1,
  ringing: 2,
  connected: 3,
  suspended: 4,
  held: 5,
} as const;

/** The documented hang-up causes (Call.cause). */
export const UCS_HANGUP_CAUSE = {
  notSet: -1,
  unknown: 0,
  busy: 1,
  invalidNumber: 2,
  callerHungUp: 3,
  calledHungUp: 4,
  rejected: 5,
  unavailable: 6,
  pickup: 7,
  transfer: 8,
} as const;

/** A Call object as received: any object; fields are read defensively. */
export type UcsCallObject = Readonly<Record<string, unknown>>;

/** `value` as a Call object, or null when it is not one (no usable `uniqueid`). */
export function asCallObject(value: unknown): UcsCallObject | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const call = value as UcsCallObject;
  return callIdOf(call) === '' ? null : call;
}

/** The call's id for the bar: `uniqueid`, else the rotating `id`; '' when neither is there. */
export function callIdOf(call: UcsCallObject): string {
  if (typeof call.uniqueid === 'string' && call.uniqueid !== '') return call.uniqueid;
  if (typeof call.id === 'number' || (typeof call.id === 'string' && call.id !== '')) return String(call.id);
  return '';
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : undefined;

const isOutbound = (call: UcsCallObject) => call.direction === 'OUTGOING';

/** The Call object as a bar call; `fallbackState` when its `state` is not a live documented one. */
export function callInfo(call: UcsCallObject, fallbackState: Exclude<CallState, 'ended'>): VendorCallInfo {
  const outbound = isOutbound(call);
  // The far party is the called side of an outgoing call and the caller of an incoming one.
  const remoteNumber = text(call.number) ?? text(outbound ? call.called_number : call.caller_number) ?? '';
  const remoteName =
    text(call.name) ?? text(outbound ? (call.connected_name ?? call.called_name) : call.caller_name);
  // The agent is the caller of an outgoing call and the connected side of an incoming one.
  const muted = outbound ? call.caller_muted : call.connected_muted;
  return {
    vendorCallId: callIdOf(call),
    direction: outbound ? 'outbound' : 'inbound',
    state: liveState(call.state) ?? fallbackState,
    remoteNumber,
    ...(remoteName === undefined ? {} : { remoteName }),
    ...(typeof muted === 'boolean' ? { muted } : {}),
    ...(typeof call.connected === 'number' && call.connected > 0 ? { answeredAt: call.connected } : {}),
    vendorData: { ...call },
  };
}

/** The bar's state for a documented Call.state, or undefined when unknown. */
export function liveState(state: unknown): Exclude<CallState, 'ended'> | undefined {
  switch (state) {
    case UCS_CALL_STATE.new:
    case UCS_CALL_STATE.connecting:
      return 'dialing';
    case UCS_CALL_STATE.ringing:
      return 'ringing';
    case UCS_CALL_STATE.connected:
      return 'connected';
    // "suspended" is not explained; like held, the agent is not talking on it.
    case UCS_CALL_STATE.suspended:
    case UCS_CALL_STATE.held:
      return 'held';
    default:
      return undefined;
  }
}

/** Why a hung-up call ended, from its `cause`, its direction and whether it was ever connected. */
export function endReasonOf(call: UcsCallObject): EndReason {
  const outbound = isOutbound(call);
  const answered = typeof call.connected === 'number' && call.connected > 0;
  switch (call.cause) {
    case UCS_HANGUP_CAUSE.busy:
    case UCS_HANGUP_CAUSE.invalidNumber:
    case UCS_HANGUP_CAUSE.unavailable:
      return outbound ? 'failed' : 'missed';
    case UCS_HANGUP_CAUSE.callerHungUp:
      // The agent is the caller of an outgoing call; an incoming caller giving up unanswered is a miss.
      if (outbound) return 'hangup';
      return answered ? 'remoteHangup' : 'missed';
    case UCS_HANGUP_CAUSE.calledHungUp:
      return outbound ? 'remoteHangup' : 'hangup';
    case UCS_HANGUP_CAUSE.rejected:
      return outbound ? 'remoteHangup' : 'rejected';
    // Someone else picked the ringing call up: the agent did not take it.
    case UCS_HANGUP_CAUSE.pickup:
      return 'missed';
    case UCS_HANGUP_CAUSE.transfer:
      return 'transferred';
    default:
      if (answered) return 'hangup';
      return outbound ? 'failed' : 'missed';
  }
}
