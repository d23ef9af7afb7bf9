import type { CallLogSettings } from '../../core/config/types';
import type { CallLogRecord, HistoryView } from '../../core/history/types';
import type { Logger } from '../hub';
import type { CallLogService } from '../router';
import type { HistoryDb } from './db';
import type { HistoryHub } from './history-hub';
import { checkHistoryPage } from './history-page';
import { deferRecord, newestRecords, saveNotes } from './log-store';
import { createOutbox } from './outbox';
import { deliveriesFor } from './outbox-store';
import { createRecorder } from './recorder';
import { parseLogNotes } from './save-input';
import type { WakeUpScheduler } from './wake-up';
import { createWrapUpPublisher } from './wrap-up';

export interface CallHistoryDeps {
  /** Where calls end and where the wrap-up list is shown. */
  readonly hub: HistoryHub;
  /** Opens the history database (`openHistoryDb`); called again after a failure. */
  readonly openDatabase: () => Promise<HistoryDb>;
  /** For the webhook; called as a plain function, never as a method. */
  readonly fetch: typeof fetch;
  /** Epoch ms: when logs are saved and deliveries are due. */
  readonly now: () => number;
  /** Failures are logged here; request headers never are. */
  readonly log: Logger;
  /** The call-log settings in force now (undefined before the configuration is loaded); read at each use. */
  readonly settings: () => CallLogSettings | undefined;
  /** Wakes the outbox for its retries: in the worker, an alarm and a timer (`combinedWakeUp`). */
  readonly wakeUp: WakeUpScheduler;
  /** In [0, 1), for the retry jitter; Math.random when absent (tests pass a constant). */
  readonly random?: () => number;
  /** How long a webhook POST may take; 15 s when absent. */
  readonly requestTimeoutMs?: number;
}

export interface CallHistory extends CallLogService {
  /**
   * Records calls that ended while the worker was stopped, gives the hub the wrap-up list, starts the
   * outbox, and from then on follows the hub. Call once the configuration is loaded; repeat calls share
   * the first.
   */
  start(): Promise<void>;
  /** Sends the webhook deliveries that are due: for the alarm and when the configuration changes. */
  wake(): Promise<void>;
  /** Stops following the hub and asking for wake-ups, waits for the work under way, closes the database. */
  stop(): Promise<void>;
}

const DEFAULT_TIMEOUT_MS = 15_000;

/**
 * The call history: a record per ended call in IndexedDB, the agent's notes on it, the bar's wrap-up
 * list, and the webhook outbox. Saving again (from an extension page) edits the log and queues its new
 * revision for the webhook (sent with the idempotency key `<callId>:<revision>`); saving the same content
 * again does nothing.
 */
export function createCallHistory(deps: CallHistoryDeps): CallHistory {
  let database: Promise<HistoryDb> | undefined;
  const db = () => {
    database ??= deps.openDatabase().catch((error: unknown) => {
      database = undefined; // try again next time
      throw error;
    });
    return database;
  };

  const outbox = createOutbox({
    db,
    webhook: () => deps.settings()?.webhook,
    fetch: deps.fetch,
    now: deps.now,
    log: deps.log,
    wakeUp: deps.wakeUp,
    random: deps.random ?? Math.random,
    timeoutMs: deps.requestTimeoutMs ?? DEFAULT_TIMEOUT_MS,
  });
  const wrapUp = createWrapUpPublisher({ db, hub: deps.hub, log: deps.log });
  const recorder = createRecorder({
    db,
    settings: deps.settings,
    now: deps.now,
    log: deps.log,
    onRecorded: (records, queued) => {
      if (queued && records.some((record) => record.status === 'saved')) void outbox.drain();
      return wrapUp.refresh();
    },
  });
  // Before reading or changing a log: a call that has just ended is on disk first.
  const caughtUp = () => recorder.see(deps.hub.current);

  let started: Promise<void> | undefined;
  let unsubscribe: (() => void) | undefined;

  return {
    start: () => {
      started ??= (async () => {
        unsubscribe = deps.hub.subscribe((state) => {
          void recorder.see(state);
          wrapUp.follow(state);
        });
        await caughtUp();
        await wrapUp.refresh();
        void outbox.drain();
      })();
      return started;
    },

    wake: () => outbox.drain(),

    stop: async () => {
      unsubscribe?.();
      await outbox.stop();
      await caughtUp();
      await wrapUp.refresh();
      if (database) (await database.catch(() => undefined))?.close();
      database = undefined;
    },

    save: async (callId, notes, disposition, access): Promise<CallLogRecord> => {
      await caughtUp();
      const settings = deps.settings();
      const input = parseLogNotes(notes, disposition, settings?.dispositions ?? []);
      const result = await saveNotes(await db(), callId, input, {
        queue: settings?.webhook !== undefined,
        mayEditSaved: access.mayEditSaved,
        at: deps.now(),
      });
      if (result.changed) await wrapUp.refresh();
      if (result.queued) void outbox.drain();
      return result.record;
    },

    defer: async (callId, access) => {
      await caughtUp();
      if (await deferRecord(await db(), callId, access)) await wrapUp.refresh();
    },

    view: async (page): Promise<HistoryView> => {
      const { limit, before } = checkHistoryPage(page);
      await caughtUp();
      const open = await db();
      const records = await newestRecords(open, limit, before);
      const deliveries = await deliveriesFor(
        open,
        records.map((record) => record.callId),
      );
      return { records, deliveries, webhookUrl: deps.settings()?.webhook?.url };
    },
  };
}
