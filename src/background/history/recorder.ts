import type { CallLogSettings } from '../../core/config/types';
import { toCallLogRecord } from '../../core/history/record';
import type { CallLogRecord } from '../../core/history/types';
import type { HubState } from '../../core/hub-state';
import type { Logger } from '../hub';
import type { HistoryDb } from './db';
import { addNewRecords } from './log-store';

export interface RecorderDeps {
  /** The open history database. */
  readonly db: () => Promise<HistoryDb>;
  /** The call-log settings in force when a call is first seen ended. */
  readonly settings: () => CallLogSettings | undefined;
  /** Epoch ms, for the outbox entries of logs saved at once. */
  readonly now: () => number;
  /** Failed writes are logged here. */
  readonly log: Logger;
  /** Told about the records just written (not those that already existed); awaited before `see` resolves. */
  readonly onRecorded: (records: readonly CallLogRecord[], queued: boolean) => Promise<void>;
}

export interface Recorder {
  /**
   * Writes a record for each ended call of `state` (its `recent` list) not recorded yet. Resolves once
   * that and every write asked for before it are done; never rejects (a failed write is logged and
   * tried again with the next state).
   */
  see(state: HubState): Promise<void>;
}

/** Turns calls that end into history records, once per call, in the order the hub ended them. */
export function createRecorder(deps: RecorderDeps): Recorder {
  /** Calls this worker has written, or is writing; the database decides for calls from before it. */
  const seen = new Set<string>();
  let writes: Promise<void> = Promise.resolve();

  const write = async (records: readonly CallLogRecord[], queue: boolean) => {
    let written: CallLogRecord[];
    try {
      written = await addNewRecords(await deps.db(), records, queue, deps.now());
    } catch (error) {
      for (const record of records) seen.delete(record.callId);
      deps.log('error', 'could not record ended calls in the history', error);
      return;
    }
    if (written.length > 0) await deps.onRecorded(written, queue);
  };

  return {
    see: (state) => {
      const fresh = state.recent.filter((call) => !seen.has(call.id));
      if (fresh.length > 0) {
        for (const call of fresh) seen.add(call.id);
        // The settings in force when the call ended decide whether it is saved at once.
        const settings = deps.settings();
        const records = fresh.map((call) => toCallLogRecord(call, state.session, settings));
        const queue = settings?.webhook !== undefined;
        writes = writes.then(() => write(records, queue));
      }
      return writes;
    },
  };
}
