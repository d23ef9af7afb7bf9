import type { CallLogRecord, CallLogStatus } from '../../core/history/types';
import { type HistoryDb, startingWith } from './db';
import { newOutboxEntry } from './outbox-store';

/** What the agent wrote for a call, checked. */
export interface LogNotes {
  readonly notes: string;
  readonly disposition?: string;
}

/** What a save did. */
export interface SaveResult {
  /** The log as stored now. */
  readonly record: CallLogRecord;
  /** False when the log was already saved with the same notes and disposition (a repeated click). */
  readonly changed: boolean;
  /** Whether a delivery was queued for the webhook. */
  readonly queued: boolean;
}

const missing = (callId: string) => new Error(`Call "${callId}" is not in the call history.`);

/**
 * Stores each record whose call has none yet, in one transaction with the outbox entries of those
 * already saved when `queue` says so. A record that exists is never overwritten: it may carry notes.
 * Returns the records written.
 */
export async function addNewRecords(
  db: HistoryDb,
  records: readonly CallLogRecord[],
  queue: boolean,
  at: number,
): Promise<CallLogRecord[]> {
  const tx = db.transaction(['logs', 'outbox'], 'readwrite');
  const logs = tx.objectStore('logs');
  const outbox = tx.objectStore('outbox');
  const written: CallLogRecord[] = [];
  for (const record of records) {
    if ((await logs.getKey(record.callId)) !== undefined) continue;
    await logs.add(record);
    if (queue && record.status === 'saved') await outbox.put(newOutboxEntry(record, 1, at));
    written.push(record);
  }
  await tx.done;
  return written;
}

/**
 * Saves the agent's notes, and queues the log's next revision for the webhook when `queue` says so, in
 * one transaction: once this resolves, both are on disk. A repeat of the saved content changes nothing.
 */
export async function saveNotes(
  db: HistoryDb,
  callId: string,
  input: LogNotes,
  queue: boolean,
  at: number,
): Promise<SaveResult> {
  const tx = db.transaction(['logs', 'outbox'], 'readwrite');
  const logs = tx.objectStore('logs');
  const current = await logs.get(callId);
  let result: SaveResult | undefined;
  if (
    current?.status === 'saved' &&
    current.notes === input.notes &&
    current.disposition === input.disposition
  ) {
    result = { record: current, changed: false, queued: false };
  } else if (current) {
    const record: CallLogRecord = {
      ...current,
      notes: input.notes,
      disposition: input.disposition,
      status: 'saved',
      savedAt: at,
    };
    await logs.put(record);
    if (queue) {
      const outbox = tx.objectStore('outbox');
      const previous = await outbox.get(callId);
      await outbox.put(newOutboxEntry(record, (previous?.revision ?? 0) + 1, at));
    }
    result = { record, changed: true, queued: queue };
  }
  await tx.done;
  if (!result) throw missing(callId);
  return result;
}

/** Marks a pending log "later"; a saved one stays saved. Returns whether anything changed. */
export async function deferRecord(db: HistoryDb, callId: string): Promise<boolean> {
  const tx = db.transaction('logs', 'readwrite');
  const current = await tx.store.get(callId);
  const changed = current?.status === 'pending';
  if (current && changed) await tx.store.put({ ...current, status: 'deferred' });
  await tx.done;
  if (!current) throw missing(callId);
  return changed;
}

/** Up to `limit` records with `status`, newest first. */
async function newestWithStatus(
  db: HistoryDb,
  status: CallLogStatus,
  limit: number,
): Promise<CallLogRecord[]> {
  const found: CallLogRecord[] = [];
  if (limit <= 0) return found;
  for await (const cursor of db
    .transaction('logs')
    .store.index('byStatus')
    .iterate(startingWith(status), 'prev')) {
    found.push(cursor.value);
    if (found.length >= limit) break;
  }
  return found;
}

/** The logs that still wait for notes (pending or deferred), newest first, at most `limit`. */
export async function awaitingNotes(db: HistoryDb, limit: number): Promise<CallLogRecord[]> {
  const [pending, deferred] = await Promise.all([
    newestWithStatus(db, 'pending', limit),
    newestWithStatus(db, 'deferred', limit),
  ]);
  return [...pending, ...deferred].sort((a, b) => b.endedAt - a.endedAt).slice(0, limit);
}

/** The newest `limit` records. */
export async function newestRecords(db: HistoryDb, limit: number): Promise<CallLogRecord[]> {
  const found: CallLogRecord[] = [];
  if (limit <= 0) return found;
  for await (const cursor of db.transaction('logs').store.index('byEndedAt').iterate(null, 'prev')) {
    found.push(cursor.value);
    if (found.length >= limit) break;
  }
  return found;
}
