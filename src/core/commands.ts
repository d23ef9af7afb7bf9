import type { SelectableAgentState } from './agent-state';
import type { Capabilities } from './capabilities';

/**
 * Commands the UI sends to the hub. `callId` is Softbar's stable call id; the hub turns it into the
 * vendor's id (see `VendorCommand`) before an adapter sees it.
 */
export type Command =
  /**
   * `callData`: variables the vendor attaches to the new call (Tegsoft `ctiData.variables`, UCS `data`).
   * `queueId`: an outbound queue (campaign) of the desk to dial under.
   */
  | {
      readonly type: 'dial';
      readonly number: string;
      readonly callData?: Readonly<Record<string, string>>;
      readonly queueId?: string;
    }
  | { readonly type: 'answer'; readonly callId: string }
  | { readonly type: 'reject'; readonly callId: string }
  | { readonly type: 'hangup'; readonly callId: string }
  | { readonly type: 'hold'; readonly callId: string }
  | { readonly type: 'resume'; readonly callId: string }
  | { readonly type: 'mute'; readonly callId: string }
  | { readonly type: 'unmute'; readonly callId: string }
  | { readonly type: 'dtmf'; readonly callId: string; readonly digits: string }
  | { readonly type: 'blindTransfer'; readonly callId: string; readonly target: string }
  | { readonly type: 'attendedTransfer'; readonly callId: string; readonly target: string }
  | { readonly type: 'completeTransfer'; readonly callId: string }
  | { readonly type: 'cancelTransfer'; readonly callId: string }
  | { readonly type: 'setAgentState'; readonly state: SelectableAgentState; readonly reason?: string }
  /** Attach variables to the call (merged into what it has). */
  | {
      readonly type: 'setCallData';
      readonly callId: string;
      readonly variables: Readonly<Record<string, string>>;
    }
  /** Remove the variables the agent attached. */
  | { readonly type: 'clearCallData'; readonly callId: string }
  /** Switch the agent's audio between the call and the consulted party (during a consult transfer). */
  | { readonly type: 'switchLine'; readonly callId: string }
  /** Turn the agent's camera on, off, or the other way round on a video call. */
  | { readonly type: 'camera'; readonly callId: string; readonly action: 'on' | 'off' | 'toggle' }
  /** Resume (`active`) or suspend the agent's service in one queue of the desk. */
  | { readonly type: 'setQueueActive'; readonly queueId: string; readonly active: boolean }
  /** Pair the session with the phone that has `identifier` (answers the desk's pairing request). */
  | { readonly type: 'pairPhone'; readonly identifier: string }
  /** Confirm the phone the vendor paired (a `confirm` pairing request). */
  | { readonly type: 'confirmPhone' }
  /** Pair another phone without logging out. */
  | { readonly type: 'changePhone' }
  /** Set the account code of an ended call the desk asks about (`requestId` = the request's id). */
  | { readonly type: 'setAccountCode'; readonly requestId: string; readonly code: string }
  /** Stop asking for that call's account code (handled by the hub; the vendor is not told). */
  | { readonly type: 'skipAccountCode'; readonly requestId: string };

export type CommandType = Command['type'];

/** A command addressed in the vendor's own call ids. */
export type VendorCommand = Command extends infer C
  ? C extends { callId: string }
    ? Omit<C, 'callId'> & { readonly vendorCallId: string }
    : C
  : never;

/** Which capability a command needs; the hub refuses a command whose capability is absent. */
export function isCommandSupported(command: Command, caps: Capabilities): boolean {
  switch (command.type) {
    case 'dial':
      return caps.dial;
    case 'answer':
      return caps.answer;
    case 'reject':
      return caps.reject;
    case 'hangup':
      return caps.hangup;
    case 'hold':
    case 'resume':
      return caps.hold;
    case 'mute':
    case 'unmute':
      return caps.mute;
    case 'dtmf':
      return caps.dtmf;
    case 'blindTransfer':
      return caps.blindTransfer;
    case 'attendedTransfer':
    case 'completeTransfer':
    case 'cancelTransfer':
      return caps.attendedTransfer;
    case 'setAgentState':
      return caps.agentStates.includes(command.state);
    case 'setCallData':
    case 'clearCallData':
      return caps.setCallData;
    case 'switchLine':
      return caps.switchLine;
    case 'camera':
      return caps.video;
    case 'setQueueActive':
      return caps.queues;
    case 'pairPhone':
    case 'confirmPhone':
    case 'changePhone':
      return caps.pairing;
    case 'setAccountCode':
    case 'skipAccountCode':
      return caps.accountCodes;
  }
}

/** Words for error messages: "Hold is not supported by Demo PBX". */
export const COMMAND_LABELS: Record<CommandType, string> = {
  dial: 'Dialing',
  answer: 'Answering',
  reject: 'Declining',
  hangup: 'Hanging up',
  hold: 'Hold',
  resume: 'Resume',
  mute: 'Mute',
  unmute: 'Unmute',
  dtmf: 'Sending tones',
  blindTransfer: 'Blind transfer',
  attendedTransfer: 'Consult transfer',
  completeTransfer: 'Completing a transfer',
  cancelTransfer: 'Cancelling a transfer',
  setAgentState: 'Changing agent state',
  setCallData: 'Setting call data',
  clearCallData: 'Clearing call data',
  switchLine: 'Switching lines',
  camera: 'Camera control',
  setQueueActive: 'Queue service',
  pairPhone: 'Pairing a phone',
  confirmPhone: 'Confirming the phone',
  changePhone: 'Changing the phone',
  setAccountCode: 'Setting the account code',
  skipAccountCode: 'Skipping the account code',
};

/** Commands the hub takes while the session is still connecting: they answer what the vendor asks to connect. */
export const CONNECTING_COMMANDS: readonly CommandType[] = ['pairPhone', 'confirmPhone', 'changePhone'];
