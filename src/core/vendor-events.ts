import type { AgentStateKind } from './agent-state';
import type { CallDirection, CallMedia, CallState, EndReason, TransferKind } from './call';
import type { Capabilities } from './capabilities';
import type { AccountCodeRequest, PairingRequest, PhoneChoice, QueueMembership } from './desk';

/** Connection to the vendor, as the bar shows it. */
export type ConnectionStatus = 'disconnected' | 'connecting' | 'connected' | 'reconnecting' | 'failed';

/** A call as a vendor describes it when it first appears or in a snapshot. */
export interface VendorCallInfo {
  /** The vendor's id for the call. */
  readonly vendorCallId: string;
  /** Who started the call. */
  readonly direction: CallDirection;
  /** Where the call stands (an ended call is reported by `callEnded`, or by leaving a snapshot). */
  readonly state: Exclude<CallState, 'ended'>;
  /** The other party's number as the vendor has it. */
  readonly remoteNumber: string;
  /** The other party's name, when the vendor knows it. */
  readonly remoteName?: string;
  /** Voice when absent. */
  readonly media?: CallMedia;
  /** The queue the call came through. */
  readonly queue?: string;
  /** The service the call came through. */
  readonly service?: string;
  /** The campaign the call belongs to. */
  readonly campaign?: string;
  /** Whether the agent's microphone is muted; unchanged (or false for a new call) when absent. */
  readonly muted?: boolean;
  /** When the vendor says the call was answered (epoch ms). */
  readonly answeredAt?: number;
  /** Raw vendor fields and CTI variables. */
  readonly vendorData?: Readonly<Record<string, unknown>>;
}

/**
 * Normalized events every adapter emits. `at` is the epoch-ms time of the event, so the reducer stays
 * pure. `raw` carries the vendor's original payload for logging and rules.
 */
export type VendorEvent = { readonly at: number; readonly raw?: unknown } & (
  | { readonly type: 'connection'; readonly status: ConnectionStatus; readonly message?: string }
  | { readonly type: 'capabilities'; readonly capabilities: Capabilities }
  | { readonly type: 'agentState'; readonly state: AgentStateKind; readonly reason?: string }
  | { readonly type: 'callOffered'; readonly call: VendorCallInfo }
  | { readonly type: 'callAnswered'; readonly vendorCallId: string }
  | { readonly type: 'callHeld'; readonly vendorCallId: string }
  | { readonly type: 'callResumed'; readonly vendorCallId: string }
  | { readonly type: 'callMuted'; readonly vendorCallId: string; readonly muted: boolean }
  | { readonly type: 'callDtmf'; readonly vendorCallId: string; readonly digits: string }
  | {
      readonly type: 'callUpdated';
      readonly vendorCallId: string;
      readonly remoteName?: string;
      readonly queue?: string;
      readonly service?: string;
      readonly campaign?: string;
      readonly vendorData?: Readonly<Record<string, unknown>>;
    }
  | {
      readonly type: 'transferStarted';
      readonly vendorCallId: string;
      readonly kind: TransferKind;
      readonly target: string;
    }
  | { readonly type: 'transferCompleted'; readonly vendorCallId: string }
  | { readonly type: 'transferCancelled'; readonly vendorCallId: string }
  | { readonly type: 'transferFailed'; readonly vendorCallId: string; readonly message?: string }
  | { readonly type: 'callEnded'; readonly vendorCallId: string; readonly reason: EndReason }
  /** The vendor's full current picture (after connect or reconnect); live calls not in it are lost. */
  | {
      readonly type: 'snapshot';
      readonly agentState?: AgentStateKind;
      readonly reason?: string;
      readonly calls: readonly VendorCallInfo[];
    }
  /**
   * Something the agent should read: a vendor warning, error or message. `desktop`: also as a desktop
   * notification (a message the vendor pushed to the agent, such as xCALLY's AgentCTINotification).
   */
  | {
      readonly type: 'notice';
      readonly level: NoticeLevel;
      readonly text: string;
      readonly title?: string;
      readonly desktop?: boolean;
    }
  /**
   * Part of the agent's desk changed (UCS): each key present replaces what the bar shows; `null` clears
   * that part.
   */
  | {
      readonly type: 'desk';
      readonly queues?: readonly QueueMembership[];
      readonly waitingCallers?: number | null;
      readonly device?: PhoneChoice | null;
      readonly pairing?: PairingRequest | null;
    }
  /** The vendor asks for the account code of an ended call (kept until set or skipped). */
  | { readonly type: 'accountCodeAsked'; readonly request: AccountCodeRequest }
  /** The account code of call `id` was set or skipped: the bar stops asking. */
  | { readonly type: 'accountCodeSettled'; readonly id: string }
  /**
   * The vendor asks to show a page to the agent (xCALLY's AgentCTI): the hub leaves its state alone and
   * hands it to the page opener, which opens http(s) only. `frame` = the bar's frame panel.
   */
  | {
      readonly type: 'openPage';
      readonly url: string;
      readonly mode: 'newTab' | 'newWindow' | 'frame';
      readonly title?: string;
      /** The vendor's id of the call it is about, if any. */
      readonly vendorCallId?: string;
    }
);

export type NoticeLevel = 'info' | 'warning' | 'error';
export type VendorEventType = VendorEvent['type'];
