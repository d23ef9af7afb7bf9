import type { CallDirection, CallMedia, EndReason } from '../call';

/** Where a call's log stands. */
export type CallLogStatus =
  | 'pending' // the call ended; the agent has not written notes yet
  | 'deferred' // the agent chose "Later"
  | 'saved'; // notes and disposition are final (and queued for the webhook, when there is one)

/** One ended call in the history, as stored in IndexedDB and exported. Holds no credentials. */
export interface CallLogRecord {
  /** Softbar's call id (the primary key). */
  readonly callId: string;
  /** The vendor's first id for the call. */
  readonly vendorCallId: string;
  /** The profile that was active when the call ended. */
  readonly profileId: string;
  /** The vendor of that profile. */
  readonly vendorId: string;
  /** Who started the call. */
  readonly direction: CallDirection;
  /** Voice, video or chat. */
  readonly media: CallMedia;
  /** The other party's number exactly as the vendor gave it. */
  readonly remoteNumber: string;
  /** The number in E.164, when it parses. */
  readonly remoteE164?: string;
  /** The number as people write it internationally, when it parses (for the wrap-up list and exports). */
  readonly remoteDisplay?: string;
  /** The other party's name, when the vendor knew it. */
  readonly remoteName?: string;
  /** The queue the call came through, when the vendor said. */
  readonly queue?: string;
  /** The service the call came through, when the vendor said. */
  readonly service?: string;
  /** The campaign the call belonged to, when the vendor said. */
  readonly campaign?: string;
  /** When the call appeared (epoch ms). */
  readonly createdAt: number;
  /** When it was answered (epoch ms); absent for a call never answered. */
  readonly answeredAt?: number;
  /** When it ended (epoch ms): the history's order. */
  readonly endedAt: number;
  /** Talk time in whole seconds (0 when never answered). */
  readonly durationSec: number;
  /** Why the call ended, when known. */
  readonly endReason?: EndReason;
  /** The agent's notes; empty until saved. */
  readonly notes: string;
  /** One of the configured dispositions, when chosen. */
  readonly disposition?: string;
  /** Whether the notes are still awaited, left for later, or final. */
  readonly status: CallLogStatus;
  /** When the agent saved the log (epoch ms). */
  readonly savedAt?: number;
  /** The vendor's raw fields and CTI variables at the end of the call. */
  readonly vendorData: Readonly<Record<string, unknown>>;
}

/** Webhook delivery of one saved log. */
export interface DeliveryStatus {
  /** The log's call id. */
  readonly callId: string;
  /** `queued` waits for its next attempt; `delivered` got a 2xx. */
  readonly state: 'queued' | 'delivered';
  /** POSTs of the log's latest save so far, the successful one included once delivered. */
  readonly attempts: number;
  /** Epoch ms of the next attempt, while queued. */
  readonly nextAttemptAt?: number;
  /** Why the last attempt failed. */
  readonly lastError?: string;
  /** When the 2xx came (epoch ms), once delivered. */
  readonly deliveredAt?: number;
}

/** What the options page and popup show of the history. */
export interface HistoryView {
  /** Newest first. */
  readonly records: readonly CallLogRecord[];
  /** Webhook deliveries: those of the listed records, and every one still queued (even with no webhook now). */
  readonly deliveries: readonly DeliveryStatus[];
  /** The webhook URL in force, if any (never its headers). */
  readonly webhookUrl?: string;
}

/** Which page of the history to read (the `getHistory` message). */
export interface HistoryPage {
  /** At most this many records; the worker keeps it within 1 to `MAX_HISTORY_PAGE`, 500 when absent. */
  readonly limit?: number;
  /** Only calls that ended strictly before this time (epoch ms), for the next page; absent = the newest. */
  readonly before?: number;
}

/** What the sender of a change to a call's log may do. */
export interface LogAccess {
  /**
   * Whether a log already saved may be changed: true for extension pages (the options page edits logs),
   * false for the bar in web pages, which only completes logs still pending or deferred.
   */
  readonly mayEditSaved: boolean;
}
