import type { WebhookSettings } from '../../core/config/types';
import type { Logger } from '../hub';
import { singleFlight } from '../shared/single-flight';
import { retryDelay } from './backoff';
import type { HistoryDb, OutboxEntry } from './db';
import { idempotencyKey, markDelivered, markFailed, queuedEntries, readForSend } from './outbox-store';
import type { WakeUpScheduler } from './wake-up';
import { postLog } from './webhook-post';

export interface OutboxDeps {
  /** The open history database. */
  readonly db: () => Promise<HistoryDb>;
  /** The webhook in force now, read before every POST; undefined holds the queue. */
  readonly webhook: () => WebhookSettings | undefined;
  /** Called as a plain function, never as a method (the browser's fetch refuses another `this`). */
  readonly fetch: typeof fetch;
  /** Epoch ms: when entries are due, and the times recorded on them. */
  readonly now: () => number;
  /** Failed deliveries and database errors are logged here; request headers never are. */
  readonly log: Logger;
  /** Wakes the outbox for its next retry, across worker stops. */
  readonly wakeUp: WakeUpScheduler;
  /** In [0, 1), for the retry jitter. */
  readonly random: () => number;
  /** How long a POST may take before it counts as failed. */
  readonly timeoutMs: number;
}

export interface Outbox {
  /** Sends what is due and schedules the next wake-up; never two passes at once. Never rejects. */
  drain(): Promise<void>;
  /** Cancels the wake-up, sends nothing more, and resolves when the pass under way (if any) has ended. */
  stop(): Promise<void>;
}

// A pass that failed on the database tries again after this.
const DATABASE_RETRY_MS = 60_000;

const earliest = (times: readonly number[]) => (times.length === 0 ? undefined : Math.min(...times));

/** When `entry` may go to `url`: its backoff is the failed URL's, so for another URL it is due at once. */
const dueAt = (entry: OutboxEntry, url: string) =>
  entry.failure !== undefined && entry.failedUrl !== url ? 0 : entry.nextAttemptAt;

/** The end of the hold on `url` the queue shows: the first retry of an entry the server there failed. */
const heldBy = (queued: readonly OutboxEntry[], url: string) =>
  earliest(
    queued
      .filter((entry) => entry.failure === 'server' && entry.failedUrl === url)
      .map((entry) => entry.nextAttemptAt),
  );

/**
 * Delivers saved logs to the webhook, oldest call first, through the queue in IndexedDB; entries are
 * never dropped. A failure of the server (5xx, 408, 429, network, timeout) holds every log until that
 * entry's retry: a server that is down gets one request per backoff step, not one per queued log. A
 * refusal of one log (other 4xx) retries that log on its own backoff while the others go on. After a
 * 2xx the server is up, so everything held by a server failure is sent at once. Holds and backoffs
 * belong to the URL that failed: once the admin changes the webhook URL, the queue is tried at once.
 */
export function createOutbox(deps: OutboxDeps): Outbox {
  const fetchFn = deps.fetch;
  let stopped = false;
  /**
   * No POST to `url` before `until` (epoch ms; undefined: no hold). Rebuilt from the queue for any other
   * URL: after a restart, and when the webhook URL changed, so the old URL's backoff is not waited out.
   */
  let hold: { readonly url: string; readonly until: number | undefined } | undefined;

  /** The hold on `url` (see `hold`). */
  const holdOn = (url: string, queued: readonly OutboxEntry[]) => {
    if (hold?.url !== url) hold = { url, until: heldBy(queued, url) };
    return hold.until;
  };

  const schedule = (queued: readonly OutboxEntry[], webhook: WebhookSettings | undefined) => {
    if (stopped) return;
    const next = webhook && earliest(queued.map((entry) => dueAt(entry, webhook.url)));
    if (!webhook || next === undefined) deps.wakeUp.clear();
    else deps.wakeUp.wakeAt(Math.max(next, holdOn(webhook.url, queued) ?? next));
  };

  /** One POST of `entry`, recorded in the outbox; says what came of it. */
  const deliver = async (db: HistoryDb, entry: OutboxEntry, webhook: WebhookSettings) => {
    const { entry: current, record } = await readForSend(db, entry.callId);
    if (!current || current.revision !== entry.revision || current.state !== 'queued') return 'skipped';
    const outcome = record
      ? await postLog(fetchFn, webhook, record, idempotencyKey(current), deps.timeoutMs)
      : ({ ok: false, error: 'The log is missing from the history.', scope: 'request' } as const);
    if (outcome.ok) {
      await markDelivered(db, current.callId, current.revision, deps.now());
      if (current.attempts > 0) deps.log('info', `webhook delivered the log of call ${current.callId}`);
      hold = { url: webhook.url, until: undefined };
      return 'delivered';
    }
    const attempts = current.attempts + 1;
    const delay = retryDelay(attempts, webhook, deps.random);
    const nextAttemptAt = deps.now() + delay;
    await markFailed(db, current.callId, current.revision, { ...outcome, url: webhook.url, nextAttemptAt });
    deps.log(
      'warn',
      `webhook delivery of call ${current.callId} failed (attempt ${attempts}): ${outcome.error}; next try in ${delay / 1000} s`,
    );
    if (outcome.scope === 'server') hold = { url: webhook.url, until: nextAttemptAt };
    return outcome.scope === 'server' ? 'serverFailed' : 'refused';
  };

  const pass = async (): Promise<void> => {
    const db = await deps.db();
    /** The URL that answered 2xx in this pass: what a server failure there held goes at once. */
    let upUrl: string | undefined;
    const tried = new Set<string>();
    for (;;) {
      const webhook = deps.webhook();
      const queued = await queuedEntries(db);
      if (stopped || !webhook) return schedule(queued, webhook);
      const now = deps.now();
      const serverUp = upUrl === webhook.url;
      const heldUntil = holdOn(webhook.url, queued);
      if (!serverUp && heldUntil !== undefined && heldUntil > now) return schedule(queued, webhook);
      const next = queued.find(
        (entry) =>
          !tried.has(`${entry.callId}#${entry.revision}`) &&
          (dueAt(entry, webhook.url) <= now || (serverUp && entry.failure === 'server')),
      );
      if (!next) return schedule(queued, webhook);
      tried.add(`${next.callId}#${next.revision}`);
      const result = await deliver(db, next, webhook);
      if (result === 'delivered') upUrl = webhook.url;
      if (result === 'serverFailed') return schedule(await queuedEntries(db), webhook);
    }
  };

  const run = singleFlight(async () => {
    if (stopped) return;
    try {
      await pass();
    } catch (error) {
      deps.log('error', 'the webhook outbox could not be read or updated', error);
      if (!stopped) deps.wakeUp.wakeAt(deps.now() + DATABASE_RETRY_MS);
    }
  });

  let last: Promise<void> = Promise.resolve();
  return {
    drain: () => {
      last = run();
      return last;
    },
    stop: async () => {
      stopped = true;
      deps.wakeUp.clear();
      await last;
    },
  };
}
