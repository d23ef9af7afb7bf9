import type { CallDirection, EndReason } from '../../core/call';
import type { VendorCallInfo } from '../../core/vendor-events';

/** A call as the tracker follows it, from the realtime events and the Phonebar together. */
export interface TrackedCall {
  /** The vendor call id the hub knows it by: the realtime `uniqueid`, or `dial-…` for a Phonebar dial. */
  readonly id: string;
  /** The realtime server's `uniqueid`, once known. */
  uniqueid?: string;
  /** The Phonebar's session id, once the call is found among the Phonebar's calls. */
  sessionId?: string;
  /** The number Softbar asked the Phonebar to dial (a call the agent placed from the bar). */
  dialed?: string;
  /** Who started the call. */
  readonly direction: CallDirection;
  /** Where the call stands. */
  state: 'ringing' | 'dialing' | 'connected' | 'held';
  /** The other party's number (`callernum`). */
  remoteNumber: string;
  /** The other party's name (`callername`). */
  remoteName?: string;
  /** The queue it came through. */
  queue?: string;
  /** Every field of the call's realtime events, the latest value of each (`customvariables` apart). */
  data: Record<string, unknown>;
  /** The call's custom variables, unwrapped from `customvariables[uniqueid]`. */
  custom?: Record<string, unknown>;
  /** When it was answered (epoch ms). */
  answeredAt?: number;
  /** When the tracker first saw it (epoch ms). */
  readonly createdAt: number;
  /** When the realtime server or the Phonebar last said something about it (epoch ms). */
  lastNews: number;
  /** When its Phonebar session was first seen gone (epoch ms); the realtime `hangup` may still come. */
  goneSince?: number;
  /** How many Phonebar polls in a row lacked its session. */
  misses?: number;
}

/**
 * The call's `vendorData`: every raw field of its events, its custom variables under `customvariables`,
 * and each custom variable also at the top level unless an event field has the same name, so rules can
 * write `{vendor.customvariables.ordernumber}` or `{vendor.ordernumber}`.
 */
export function vendorDataOf(call: TrackedCall): Record<string, unknown> {
  const custom = call.custom ?? {};
  const data: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(custom)) {
    if (!Object.hasOwn(call.data, key) && key !== 'customvariables') data[key] = value;
  }
  return { ...data, ...call.data, ...(call.custom ? { customvariables: { ...custom } } : {}) };
}

/** The call as the hub's model describes it. */
export function callInfo(call: TrackedCall): VendorCallInfo {
  return {
    vendorCallId: call.id,
    direction: call.direction,
    state: call.state,
    remoteNumber: call.remoteNumber,
    remoteName: call.remoteName,
    queue: call.queue,
    answeredAt: call.answeredAt,
    vendorData: vendorDataOf(call),
  };
}

/** Why an answered call ended, from the `hangup` event's `reason` (Asterisk's AgentComplete reason). */
export function hangupReason(reason: unknown): EndReason {
  const value = typeof reason === 'string' ? reason.trim().toLowerCase() : '';
  if (value === 'agent' || value === 'completeagent') return 'hangup';
  if (value === 'transfer' || value === 'blindtransfer' || value === 'attendedtransfer') return 'transferred';
  // `caller`, `completecaller` and anything unknown: the other side is the likelier one.
  return 'remoteHangup';
}
