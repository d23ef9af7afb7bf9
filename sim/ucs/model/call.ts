/** The documented call states. */
export const CALL_STATE = { new: 0, connecting: 1, ringing: 2, connected: 3, suspended: 4, held: 5 } as const;

/** The documented hang-up causes. */
export const HANGUP_CAUSE = {
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

/** Where a call's ends are: the agent's line and the far party. */
interface Party {
  readonly name: string;
  readonly number: string;
  readonly type: 'line' | 'trunk';
  readonly lineId: number;
  readonly userId: number;
  readonly username: string;
  readonly extension: string;
}

/** What makes a new call. */
export interface CallSeed {
  /** uniqueid. */
  readonly uniqueid: string;
  /** Rotating id 1-65535. */
  readonly id: number;
  /** Direction. */
  readonly direction: 'INCOMING' | 'OUTGOING';
  /** The caller. */
  readonly caller: Party;
  /** The called party. */
  readonly called: Party;
  /** Metadata. */
  readonly data: Record<string, unknown>;
  /** Outbound campaign ID (0 when none). */
  readonly outboundId: number;
  /** Name looked up in the external system. */
  readonly name: string;
}

/** One call's mutable state, rendered as the documented Call object by `callObject`. */
export interface CallRecord extends CallSeed {
  /** Documented state 0-5. */
  state: number;
  /** Documented cause; -1 until hung up. */
  cause: number;
  /** Creation time (ms). */
  created: number;
  /** Connection time (ms), or null. */
  connected: number | null;
  /** Hang-up time (ms), or null. */
  disconnected: number | null;
  /** The agent's side is muted. */
  agentMuted: boolean;
  /** Account codes set by setAccountCode (`code` or `code/sub`). */
  accountCodes: string[];
  /** The queue an incoming call was rung through, or the outgoing queue a dial named; absent: none. */
  queueId?: number;
  /** Where the call was transferred (blindTransfer, finishTransfer); absent: not transferred. */
  transferredTo?: string;
}

/** A new call record in state `state`. */
export function newCall(seed: CallSeed, state: number, now: number): CallRecord {
  return {
    ...seed,
    state,
    cause: HANGUP_CAUSE.notSet,
    created: now,
    connected: null,
    disconnected: null,
    agentMuted: false,
    accountCodes: [],
  };
}

const e164 = (number: string) => (number.startsWith('+') ? number : `+420${number.replace(/^0+/, '')}`);

/**
 * The documented Call object. ASSUMPTION: timestamps are Unix milliseconds, and normalised numbers
 * use the Czech country code (the document's setting) when they have none.
 */
export function callObject(call: CallRecord, now: number) {
  const agentIsCaller = call.direction === 'OUTGOING';
  return {
    called_name: call.called.name,
    called_number: call.called.number,
    called_number_norm: e164(call.called.number),
    caller_channel: `SIP/${call.caller.extension || call.caller.number}-${call.uniqueid}`,
    caller_extension: call.caller.extension,
    caller_group_id: call.caller.type === 'line' ? 1 : 0,
    caller_internal: call.caller.type === 'line',
    caller_line_id: call.caller.lineId,
    caller_muted: agentIsCaller ? call.agentMuted : false,
    caller_name: call.caller.name,
    caller_number: call.caller.number,
    caller_number_norm: e164(call.caller.number),
    caller_type: call.caller.type,
    caller_user_id: call.caller.userId,
    caller_username: call.caller.username,
    cause: call.cause,
    connected: call.connected,
    connected_channel: call.connected === null ? '' : `SIP/${call.called.extension || call.called.number}`,
    connected_group_id: call.called.type === 'line' ? 1 : 0,
    connected_internal: call.called.type === 'line',
    connected_line_id: call.called.lineId,
    connected_muted: agentIsCaller ? false : call.agentMuted,
    connected_name: call.called.name,
    connected_number: call.called.number,
    connected_number_norm: e164(call.called.number),
    connected_type: call.called.type,
    connected_user_id: call.called.userId,
    connected_username: call.called.username,
    created: call.created,
    data: call.data,
    direction: call.direction,
    disconnected: call.disconnected,
    external_id: '',
    id: call.id,
    name: call.name,
    now,
    number: agentIsCaller ? call.called.number : call.caller.number,
    outbound_id: call.outboundId,
    recorded: false,
    state: call.state,
    subcalls: call.state === CALL_STATE.ringing ? 1 : 0,
    uniqueid: call.uniqueid,
  };
}

/** The Call object's type. */
export type UcsCall = ReturnType<typeof callObject>;

/** A far party on a trunk. */
export function trunkParty(number: string, name: string): Party {
  return { name, number, type: 'trunk', lineId: 0, userId: 0, username: '', extension: '' };
}

/** The agent's own line as a party. */
export function lineParty(
  name: string,
  extension: string,
  lineId: number,
  userId: number,
  username: string,
): Party {
  return { name, number: extension, type: 'line', lineId, userId, username, extension };
}
