import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { CallLogRecord, CallLogStatus, DeliveryStatus } from '../../core/history/types';

/**
 * The call history lives in IndexedDB in the extension's origin: it survives worker restarts and
 * browser restarts, and content scripts cannot read it.
 */

/** Why the last POST failed: the server as a whole (retry later for every log) or this one request. */
export type FailureScope = 'server' | 'request';

/** One saved log waiting for, or done with, its webhook delivery. */
export interface OutboxEntry {
  /** The log's call id (the primary key): one delivery per log, its latest revision. */
  readonly callId: string;
  /** Counts the saves of the log; a save during a POST makes the POST's answer stale for this entry. */
  readonly revision: number;
  /** The call's end, for sending in call order. */
  readonly endedAt: number;
  /** When this revision was queued (epoch ms). */
  readonly queuedAt: number;
  /** `queued` until a 2xx answer. */
  readonly state: DeliveryStatus['state'];
  /** POSTs of this revision so far: all failed while queued; the last one is the 2xx once delivered. */
  readonly attempts: number;
  /** Not sent before this time (epoch ms); `queuedAt` until the first failure. */
  readonly nextAttemptAt: number;
  /** Why the last attempt failed (status or error text, never the request headers). */
  readonly lastError?: string;
  /** Set with `lastError`: whether the failure holds back every log or only this one. */
  readonly failure?: FailureScope;
  /**
   * Set with `lastError`: the webhook URL that failed. `nextAttemptAt` is that URL's backoff; with another
   * URL in force (the admin fixed a broken one) the entry is due at once.
   */
  readonly failedUrl?: string;
  /** When the 2xx came (epoch ms). */
  readonly deliveredAt?: number;
}

export interface HistorySchema extends DBSchema {
  logs: {
    key: string;
    value: CallLogRecord;
    indexes: {
      /** Newest-first listing. */
      byEndedAt: number;
      /** The wrap-up list: pending and deferred logs by end time. */
      byStatus: [CallLogStatus, number];
    };
  };
  outbox: {
    key: string;
    value: OutboxEntry;
    indexes: {
      /** Queued entries in call order. */
      byState: [OutboxEntry['state'], number];
    };
  };
}

export type HistoryDb = IDBPDatabase<HistorySchema>;

export const HISTORY_DB_NAME = 'softbar-history';
const HISTORY_DB_VERSION = 1;

/** Opens (and on first use creates) the history database; tests give another name or a fake factory. */
export function openHistoryDb(name = HISTORY_DB_NAME): Promise<HistoryDb> {
  return openDB<HistorySchema>(name, HISTORY_DB_VERSION, {
    upgrade(db) {
      const logs = db.createObjectStore('logs', { keyPath: 'callId' });
      logs.createIndex('byEndedAt', 'endedAt');
      logs.createIndex('byStatus', ['status', 'endedAt']);
      const outbox = db.createObjectStore('outbox', { keyPath: 'callId' });
      outbox.createIndex('byState', ['state', 'endedAt']);
    },
  });
}

/** Every `[first, epochMs]` key of a compound index, in time order. */
export function startingWith(first: string): IDBKeyRange {
  return IDBKeyRange.bound([first, -Infinity], [first, Infinity]);
}
