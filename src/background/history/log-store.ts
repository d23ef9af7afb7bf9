import type { CallLogRecord, CallLogStatus, LogAccess } from '../../core/history/types';
import { type HistoryDb, startingWith } from './db';
import { newOutboxEntry } from './outbox-store';

/** What the agent wrote for a call, checked. */
export interface LogNotes {
  /** Free text, within `MAX_NOTES_LENGTH`. */
  readonly notes: string;
  /** One of the configured dispositions, or none. */
  readonly disposition?: string;
}

/** How a save is done. */
export interface SaveOptions extends LogAccess {
  /** Queue the log's new revision for the webhook (one is configured). */
  readonly queue: boolean;
  /** When the agent saved (epoch ms). */
  readonly at: number;
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

/** The stored log `current` of `callId` when the sender may change it; else the error saying why not. */
function editable(
  callId: string,
  current: CallLogRecord | undefined,
  access: LogAccess,
): CallLogRecord | Error {
  if (!current) return new Error(`Call "${callId}" is not in the call history.`);
  if (current.status === 'saved' && !access.mayEditSaved) {
    return new Error("This call's log is already saved; edit it in the options page.");
  }
  return current;
}

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
 * Saves the agent's notes, and queues the log's next revision for the webhook when `options.queue` says
 * so, in one transaction: once this resolves, both are on disk. A repeat of the saved content changes
 * nothing. Rejects, writing nothing, for a missing log, or a saved one unless `options.mayEditSaved`;
 * the check is in the transaction, so a save racing it cannot slip past.
 */
export async function saveNotes(
  db: HistoryDb,
  callId: string,
  input: LogNotes,
  options: SaveOptions,
): Promise<SaveResult> {
  const tx = db.transaction(['logs', 'outbox'], 'readwrite');
  const logs = tx.objectStore('logs');
  const current = editable(callId, await logs.get(callId), options);
  if (current instanceof Error) {
    await tx.done;
    throw current;
  }
  let result: SaveResult;
  if (
    current.status === 'saved' &&
    current.notes === input.notes &&
    current.disposition === input.disposition
  ) {
    result = { record: current, changed: false, queued: false };
  } else {
    const record: CallLogRecord = {
      ...current,
      notes: input.notes,
      disposition: input.disposition,
      status: 'saved',
      savedAt: options.at,
    };
    await logs.put(record);
    if (options.queue) {
      const outbox = tx.objectStore('outbox');
      const previous = await outbox.get(callId);
      await outbox.put(newOutboxEntry(record, (previous?.revision ?? 0) + 1, options.at));
    }
    result = { record, changed: true, queued: options.queue };
  }
  await tx.done;
  return result;
}

/**
 * Marks a pending log "later"; a deferred one stays deferred, and a saved one stays saved when `access`
 * may edit it and is refused otherwise. Returns whether anything changed.
 */
export async function deferRecord(db: HistoryDb, callId: string, access: LogAccess): Promise<boolean> {
  const tx = db.transaction('logs', 'readwrite');
  const current = editable(callId, await tx.store.get(callId), access);
  const pending = !(current instanceof Error) && current.status === 'pending';
  if (pending) await tx.store.put({ ...current, status: 'deferred' });
  await tx.done;
  if (current instanceof Error) throw current;
  return pending;
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

/** The newest `limit` records of calls that ended strictly before `before` (epoch ms; undefined = any). */
export async function newestRecords(db: HistoryDb, limit: number, before?: number): Promise<CallLogRecord[]> {
  const found: CallLogRecord[] = [];
  if (limit <= 0) return found;
  const range = before === undefined ? null : IDBKeyRange.upperBound(before, true);
  for await (const cursor of db.transaction('logs').store.index('byEndedAt').iterate(range, 'prev')) {
    found.push(cursor.value);
    if (found.length >= limit) break;
  }
  return found;
}
