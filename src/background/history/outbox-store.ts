import type { CallLogRecord, DeliveryStatus } from '../../core/history/types';
import { type FailureScope, type HistoryDb, type OutboxEntry, startingWith } from './db';

/** A fresh delivery of a log's `revision`, due at once. */
export function newOutboxEntry(record: CallLogRecord, revision: number, at: number): OutboxEntry {
  return {
    callId: record.callId,
    revision,
    endedAt: record.endedAt,
    queuedAt: at,
    state: 'queued',
    attempts: 0,
    nextAttemptAt: at,
  };
}

/** The key receivers dedupe on: the call id, then one per later save so an edit is not dropped. */
export function idempotencyKey(entry: OutboxEntry): string {
  return entry.revision <= 1 ? entry.callId : `${entry.callId}:${entry.revision}`;
}

/** The entries still to deliver, in call order. */
export function queuedEntries(db: HistoryDb): Promise<OutboxEntry[]> {
  return db.getAllFromIndex('outbox', 'byState', startingWith('queued'));
}

/** The entry and the log it sends, read together so the log is the revision the entry stands for. */
export async function readForSend(
  db: HistoryDb,
  callId: string,
): Promise<{ entry?: OutboxEntry; record?: CallLogRecord }> {
  const tx = db.transaction(['outbox', 'logs'], 'readonly');
  const [entry, record] = await Promise.all([
    tx.objectStore('outbox').get(callId),
    tx.objectStore('logs').get(callId),
  ]);
  await tx.done;
  return { entry, record };
}

/** Applies `change` to the entry when it still holds `revision` (a newer save stays queued untouched). */
async function updateRevision(
  db: HistoryDb,
  callId: string,
  revision: number,
  change: (entry: OutboxEntry) => OutboxEntry,
): Promise<void> {
  const tx = db.transaction('outbox', 'readwrite');
  const entry = await tx.store.get(callId);
  if (entry?.revision === revision) await tx.store.put(change(entry));
  await tx.done;
}

/** Records a 2xx for `revision`. */
export function markDelivered(db: HistoryDb, callId: string, revision: number, at: number): Promise<void> {
  return updateRevision(db, callId, revision, (entry) => ({
    ...entry,
    state: 'delivered',
    attempts: entry.attempts + 1,
    deliveredAt: at,
    lastError: undefined,
    failure: undefined,
    failedUrl: undefined,
  }));
}

/** Records a failed POST of `revision` to `failure.url`, and when to try that URL again. */
export function markFailed(
  db: HistoryDb,
  callId: string,
  revision: number,
  failure: {
    readonly error: string;
    readonly scope: FailureScope;
    readonly url: string;
    readonly nextAttemptAt: number;
  },
): Promise<void> {
  return updateRevision(db, callId, revision, (entry) => ({
    ...entry,
    attempts: entry.attempts + 1,
    lastError: failure.error,
    failure: failure.scope,
    failedUrl: failure.url,
    nextAttemptAt: failure.nextAttemptAt,
  }));
}

/** The delivery as the history view shows it. */
export function toDeliveryStatus(entry: OutboxEntry): DeliveryStatus {
  return {
    callId: entry.callId,
    state: entry.state,
    attempts: entry.attempts,
    nextAttemptAt: entry.state === 'queued' ? entry.nextAttemptAt : undefined,
    lastError: entry.lastError,
    deliveredAt: entry.deliveredAt,
  };
}

/** Deliveries of the given logs, and every one still queued (older logs included). */
export async function deliveriesFor(db: HistoryDb, callIds: readonly string[]): Promise<DeliveryStatus[]> {
  const tx = db.transaction('outbox', 'readonly');
  const [listed, queued] = await Promise.all([
    Promise.all(callIds.map((callId) => tx.store.get(callId))),
    tx.store.index('byState').getAll(startingWith('queued')),
  ]);
  await tx.done;
  const byCall = new Map<string, OutboxEntry>();
  for (const entry of [...listed, ...queued]) if (entry) byCall.set(entry.callId, entry);
  return [...byCall.values()].map(toDeliveryStatus);
}
