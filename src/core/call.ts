/** A call as every context sees it, whatever the vendor. */
export type CallDirection = 'inbound' | 'outbound';
export type CallState = 'ringing' | 'dialing' | 'connected' | 'held' | 'ended';
export type CallMedia = 'voice' | 'video' | 'chat';

/** Why a call ended, as far as the vendor tells. */
export type EndReason =
  | 'hangup' // the agent hung up
  | 'remoteHangup' // the other party hung up
  | 'rejected' // the agent declined a ringing call
  | 'missed' // ringing stopped before anyone answered (abandon, timeout)
  | 'transferred' // handed to someone else
  | 'failed' // the vendor could not place or keep the call
  | 'lost'; // the vendor no longer knows the call (after a reconnect)

export type TransferKind = 'blind' | 'attended';
export type TransferPhase = 'requested' | 'consulting' | 'completed' | 'cancelled' | 'failed';

export interface TransferState {
  /** Blind hands the call over at once; attended consults the target first. */
  readonly kind: TransferKind;
  /** The number or extension the call goes to. */
  readonly target: string;
  /** Where the transfer stands. */
  readonly phase: TransferPhase;
}

export interface Call {
  /** Stable id of this call in Softbar, unique across vendors and reconnects. */
  readonly id: string;
  /** The vendor's id(s) for this call; the first is the one commands use. */
  readonly vendorCallIds: readonly string[];
  /** Who started the call. */
  readonly direction: CallDirection;
  /** Voice unless the vendor says video or chat. */
  readonly media: CallMedia;
  /** Where the call stands now. */
  readonly state: CallState;
  /** The other party's number exactly as the vendor gave it. */
  readonly remoteNumber: string;
  /** The number in E.164 when it parses, for rules and display. */
  readonly remoteE164?: string;
  /** The number as people write it internationally (formatted by the hub, so pages need no phone metadata). */
  readonly remoteDisplay?: string;
  /** The number as written inside its own country (`020 7946 0018`), when it parses. */
  readonly remoteNational?: string;
  /** The other party's name when known. */
  readonly remoteName?: string;
  /** The queue the call came through, when the vendor says. */
  readonly queue?: string;
  /** The service the call came through, when the vendor says. */
  readonly service?: string;
  /** The campaign the call belongs to, when the vendor says. */
  readonly campaign?: string;
  /** When the call appeared (epoch ms). */
  readonly createdAt: number;
  /** When it was answered (epoch ms); absent until then. */
  readonly answeredAt?: number;
  /** When it ended (epoch ms); absent while live. */
  readonly endedAt?: number;
  /** Whether the agent's microphone is muted on this call. */
  readonly muted: boolean;
  /** A transfer in progress or done. */
  readonly transfer?: TransferState;
  /** Why the call ended. */
  readonly endReason?: EndReason;
  /** DTMF digits the agent sent, in order. */
  readonly dtmf: string;
  /** The vendor's raw fields and CTI variables, whole, for screen-pop and autofill rules. */
  readonly vendorData: Readonly<Record<string, unknown>>;
}
