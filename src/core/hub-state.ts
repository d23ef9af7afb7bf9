import type { AgentState } from './agent-state';
import type { Call } from './call';
import { type Capabilities, NO_CAPABILITIES } from './capabilities';
import { type AgentDesk, EMPTY_DESK } from './desk';
import type { ConnectionStatus, NoticeLevel } from './vendor-events';

/** How many ended calls the live state keeps for "recent calls". */
export const RECENT_CALLS = 20;
/** How many notices the bar keeps. */
export const MAX_NOTICES = 5;

export interface Notice {
  /** Unique within the session, for dismissing. */
  readonly id: string;
  /** How the bar styles it. */
  readonly level: NoticeLevel;
  /** What the agent reads. */
  readonly text: string;
  /** When it was raised (epoch ms). */
  readonly at: number;
}

/** The single source of truth the hub owns and every tab mirrors. Holds no credentials. */
export interface HubState {
  /** Which profile and vendor this session is for. */
  readonly session: { readonly profileId: string; readonly vendorId: string; readonly label: string };
  /** The vendor connection. */
  readonly connection: {
    /** Where the connection stands. */
    readonly status: ConnectionStatus;
    /** Why, for the agent, when it is not simply connected. */
    readonly message?: string;
    /** When the status last changed (epoch ms). */
    readonly since: number;
  };
  /** What the vendor can do. */
  readonly capabilities: Capabilities;
  /** The agent's state. */
  readonly agent: AgentState;
  /** Live calls (not ended), oldest first. */
  readonly calls: readonly Call[];
  /** Ended calls, newest first, at most RECENT_CALLS. */
  readonly recent: readonly Call[];
  /** Messages for the agent, newest last. */
  readonly notices: readonly Notice[];
  /** Ended calls whose log still waits for the agent's notes, newest first (kept by the call history). */
  readonly wrapUp: readonly WrapUpItem[];
  /** Queues, waiting callers, the paired phone and account codes, for vendors that report them. */
  readonly desk: AgentDesk;
  /**
   * A page shown in a frame inside the bar: screen-pop `frame` rules (and vendors that ask for a frame).
   * One tied to a call closes when a new call comes in after that call ended.
   */
  readonly frame?: BarFrame;
}

/** An ended call whose notes and disposition the agent has not given yet. */
export interface WrapUpItem {
  /** The call's id, as `saveCallLog` and `deferCallLog` take it. */
  readonly callId: string;
  /** Who started the call. */
  readonly direction: 'inbound' | 'outbound';
  /** The other party's number exactly as the vendor gave it. */
  readonly remoteNumber: string;
  /** The number as people write it internationally, when it parses. */
  readonly remoteDisplay?: string;
  /** The other party's name, when known. */
  readonly remoteName?: string;
  /** When the call ended (epoch ms); the list is newest first. */
  readonly endedAt: number;
  /** The agent chose "Later": the bar stops asking, the popup still lists it. */
  readonly deferred: boolean;
}

/** A page the bar shows in its frame panel. */
export interface BarFrame {
  /** http(s) only; checked before it is set. */
  readonly url: string;
  /** Title of the panel. */
  readonly title: string;
  /** The call it belongs to, if any. */
  readonly callId?: string;
  /** When it was set; a new frame replaces the old. */
  readonly at: number;
}

export function initialHubState(
  session: HubState['session'],
  at: number,
  capabilities: Capabilities = NO_CAPABILITIES,
): HubState {
  return {
    session,
    connection: { status: 'disconnected', since: at },
    capabilities,
    agent: { kind: 'offline', since: at },
    calls: [],
    recent: [],
    notices: [],
    wrapUp: [],
    desk: EMPTY_DESK,
  };
}

const FOCUS_ORDER: Record<Call['state'], number> = {
  ringing: 0,
  connected: 1,
  dialing: 2,
  held: 3,
  ended: 4,
};

/** The call the bar puts first: a ringing one, else the one the agent is talking on, else dialing, else held. */
export function focusedCall(state: HubState): Call | undefined {
  let best: Call | undefined;
  for (const call of state.calls) {
    if (!best || FOCUS_ORDER[call.state] < FOCUS_ORDER[best.state]) best = call;
  }
  return best;
}
