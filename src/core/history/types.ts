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
  readonly profileId: string;
  readonly vendorId: string;
  readonly direction: CallDirection;
  readonly media: CallMedia;
  readonly remoteNumber: string;
  readonly remoteE164?: string;
  /** The number as people write it internationally, when it parses (for the wrap-up list and exports). */
  readonly remoteDisplay?: string;
  readonly remoteName?: string;
  readonly queue?: string;
  readonly service?: string;
  readonly campaign?: string;
  /** Epoch ms. */
  readonly createdAt: number;
  readonly answeredAt?: number;
  readonly endedAt: number;
  /** Talk time in whole seconds (0 when never answered). */
  readonly durationSec: number;
  readonly endReason?: EndReason;
  /** The agent's notes; empty until saved. */
  readonly notes: string;
  /** One of the configured dispositions, when chosen. */
  readonly disposition?: string;
  readonly status: CallLogStatus;
  /** When the agent saved the log (epoch ms). */
  readonly savedAt?: number;
  /** The vendor's raw fields and CTI variables at the end of the call. */
  readonly vendorData: Readonly<Record<string, unknown>>;
}

/** Webhook delivery of one saved log. */
export interface DeliveryStatus {
  readonly callId: string;
  /** `queued` waits for its next attempt; `delivered` got a 2xx. */
  readonly state: 'queued' | 'delivered';
  /** POSTs of the log's latest save so far, the successful one included once delivered. */
  readonly attempts: number;
  /** Epoch ms of the next attempt, while queued. */
  readonly nextAttemptAt?: number;
  /** Why the last attempt failed. */
  readonly lastError?: string;
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
