import type { SelectableAgentState, StateReason } from './agent-state';

/** What the connected vendor can do; the UI shows exactly this and the hub refuses the rest. */
export interface Capabilities {
  /** Place an outbound call. */
  readonly dial: boolean;
  /** Answer a ringing inbound call. */
  readonly answer: boolean;
  /** Decline a ringing inbound call. */
  readonly reject: boolean;
  /** End a call. */
  readonly hangup: boolean;
  /** Hold and resume. */
  readonly hold: boolean;
  /** Mute and unmute the agent's microphone. */
  readonly mute: boolean;
  /** Send DTMF digits on a connected call. */
  readonly dtmf: boolean;
  /** Transfer without consulting. */
  readonly blindTransfer: boolean;
  /** Consult, then complete or cancel. */
  readonly attendedTransfer: boolean;
  /** The agent states the agent may choose (empty: the vendor does not take state changes). */
  readonly agentStates: readonly SelectableAgentState[];
  /** Reasons offered with `notReady`. */
  readonly notReadyReasons: readonly StateReason[];
  /** Attach data to a call (CTI variables). */
  readonly setCallData: boolean;
  /** Chat sessions. */
  readonly chat: boolean;
  /** Video sessions (and the camera command). */
  readonly video: boolean;
  /** Switch between the call and the consulted party during a consult transfer. */
  readonly switchLine: boolean;
  /** The vendor's own screen can be opened in a window (login problems, video). */
  readonly vendorScreen: boolean;
  /** Suspend and resume the agent's service per queue (`setQueueActive`). */
  readonly queues: boolean;
  /** Pair the session with a phone from the bar (`pairPhone`, `confirmPhone`, `changePhone`). */
  readonly pairing: boolean;
  /** Set an ended call's account code (`setAccountCode`). */
  readonly accountCodes: boolean;
}

export const NO_CAPABILITIES: Capabilities = {
  dial: false,
  answer: false,
  reject: false,
  hangup: false,
  hold: false,
  mute: false,
  dtmf: false,
  blindTransfer: false,
  attendedTransfer: false,
  agentStates: [],
  notReadyReasons: [],
  setCallData: false,
  chat: false,
  video: false,
  switchLine: false,
  vendorScreen: false,
  queues: false,
  pairing: false,
  accountCodes: false,
};
