import type { Call } from '../model/call';

/** The Phonebar's call status ids. */
export const PHONEBAR_STATUS = {
  NULL: 0,
  IDLE: 1,
  CONNECTING: 2,
  ALERTING: 4,
  ACTIVE: 8,
  RELEASED: 16,
  INCOMING: 32,
  HOLDING: 64,
  TERMINATED: 128,
} as const;

/** A status's name. */
export type PhonebarStatusName = keyof typeof PHONEBAR_STATUS;

/** A call as `GET /api/calls` lists it. */
export interface PhonebarCall {
  /** The Phonebar's id for the call: what `/api/answer/{id}` and `/api/hangup/{id}` take. */
  readonly sessionId: string;
  /** The other party's number (the caller's, or the one dialled). */
  readonly number: string;
  /** The caller's name when the phone has one, else empty. */
  readonly name: string;
  /** `inbound` or `outbound`. */
  readonly direction: 'inbound' | 'outbound';
  /** The status id. */
  readonly status: number;
  /** The status's name (ASSUMPTION: a convenience the real Phonebar may not send). */
  readonly statusName: PhonebarStatusName;
}

/**
 * What the agent's phone shows for a call on it. ASSUMPTION: an outbound call rings its far end at once
 * (ALERTING, never CONNECTING); ended calls leave the list (TERMINATED only in hang-up answers).
 */
export function statusOf(call: Call): PhonebarStatusName {
  if (call.state === 'ringing') return 'INCOMING';
  if (call.state === 'dialing') return 'ALERTING';
  if (call.state === 'up') return call.held ? 'HOLDING' : 'ACTIVE';
  return 'TERMINATED';
}

/** The call as the Phonebar shows it; `status` forces a status (a call just hung up). */
export function phonebarCall(call: Call, status: PhonebarStatusName = statusOf(call)): PhonebarCall {
  return {
    sessionId: call.sessionId ?? '',
    number: call.kind === 'queue' ? call.callernum : call.extension,
    name: call.callername,
    direction: call.kind === 'queue' ? 'inbound' : 'outbound',
    status: PHONEBAR_STATUS[status],
    statusName: status,
  };
}
