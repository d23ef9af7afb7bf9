import type { AgentStatus } from '../protocol';
import { CALL_STATE, type CallRecord } from './call';
import type { UcsDeviceSpec, UcsUserSpec } from './directory';

/** How many ended calls an agent keeps (for setAccountCode and the control API's history). */
export const HISTORY_SIZE = 20;

/**
 * ASSUMPTION: an agent's phone carries at most two calls: a primary one plus a second leg (a
 * waiting incoming call, or the consultation leg of a transfer). The document has a single `call`.
 */
export const MAX_CALLS = 2;

/** The document's transfer mode: `held` waits on hold while the agent consults `leg`. */
export interface TransferMode {
  /** The call being transferred (on hold). */
  readonly held: CallRecord;
  /** The consultation leg, or null until it is dialled (`transfer()` without a number, then `dial`). */
  leg: CallRecord | null;
}

/** Which of the agent's calls a call is: the consultation leg of a transfer, or not. */
export type CallLeg = 'primary' | 'consultation';

/** One user's agent state; it outlives the WebSocket sessions that log in as the user. */
export class Agent {
  /** Availability status. ASSUMPTION: agents start OFFLINE, as after a logout. */
  status: AgentStatus = 'OFFLINE';
  /** AUX reason, '' when none. */
  reason = '';
  /** The paired phone, or null. */
  device: UcsDeviceSpec | null = null;
  /** The calls on the agent's phone, oldest first, at most MAX_CALLS. */
  readonly calls: CallRecord[] = [];
  /** Transfer mode, or null. */
  transfer: TransferMode | null = null;
  /** Ended calls, newest first, at most HISTORY_SIZE. */
  readonly history: CallRecord[] = [];
  /** The timer that ends after-call work, or null. */
  acwTimer: ReturnType<typeof setTimeout> | null = null;
  /** IDs of queues the agent has suspended. */
  readonly suspended = new Set<number>();
  /** The softphone ringtone. */
  ringingSound = 'default';
  /** When each held call was put on hold (a counter), to find the one held longest. */
  private readonly heldSince = new WeakMap<CallRecord, number>();
  private holds = 0;

  /** `spec`: the user from the directory. */
  constructor(readonly spec: UcsUserSpec) {}

  /** The connected call, or undefined. */
  connected(): CallRecord | undefined {
    return this.calls.find((call) => call.state === CALL_STATE.connected);
  }

  /** The call held longest, or undefined. */
  held(): CallRecord | undefined {
    const order = (call: CallRecord) => this.heldSince.get(call) ?? 0;
    return this.calls.filter((call) => call.state === CALL_STATE.held).sort((a, b) => order(a) - order(b))[0];
  }

  /** An outgoing call being set up (new or ringing), or undefined. */
  settingUp(): CallRecord | undefined {
    return this.calls.find(
      (call) =>
        call.direction === 'OUTGOING' && (call.state === CALL_STATE.new || call.state === CALL_STATE.ringing),
    );
  }

  /** The ringing incoming call, or undefined. */
  ringingIncoming(): CallRecord | undefined {
    return this.calls.find((call) => call.direction === 'INCOMING' && call.state === CALL_STATE.ringing);
  }

  /**
   * The call the document's single `call` (onReady, state()) shows. ASSUMPTION: the connected call,
   * else one ringing or being set up, else the held one.
   */
  active(): CallRecord | undefined {
    return (
      this.connected() ??
      this.calls.find((call) => call.state === CALL_STATE.ringing || call.state === CALL_STATE.new) ??
      this.held()
    );
  }

  /** Which leg `call` is. */
  legOf(call: CallRecord): CallLeg {
    return this.transfer?.leg === call ? 'consultation' : 'primary';
  }

  /** The agent's calls that are not a consultation leg. */
  primaries(): CallRecord[] {
    return this.calls.filter((call) => this.legOf(call) === 'primary');
  }

  /** The current or recently ended call with `uniqueid`, or undefined. */
  findCall(uniqueid: string): CallRecord | undefined {
    return (
      this.calls.find((call) => call.uniqueid === uniqueid) ??
      this.history.find((call) => call.uniqueid === uniqueid)
    );
  }

  /** Puts `call` on hold, noting when (for `held`). */
  hold(call: CallRecord): void {
    call.state = CALL_STATE.held;
    this.heldSince.set(call, ++this.holds);
  }
}
