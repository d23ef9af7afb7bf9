import type { WebhookSettings } from '../../core/config/types';
import type { Logger } from '../hub';
import { retryDelay } from './backoff';
import type { HistoryDb, OutboxEntry } from './db';
import { idempotencyKey, markDelivered, markFailed, queuedEntries, readForSend } from './outbox-store';
import { singleFlight } from './single-flight';
import type { WakeUpScheduler } from './wake-up';
import { postLog } from './webhook-post';

export interface OutboxDeps {
  /** The open history database. */
  readonly db: () => Promise<HistoryDb>;
  /** The webhook in force now, read before every POST; undefined holds the queue. */
  readonly webhook: () => WebhookSettings | undefined;
  /** Called as a plain function, never as a method (the browser's fetch refuses another `this`). */
  readonly fetch: typeof fetch;
  readonly now: () => number;
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

/**
 * Delivers saved logs to the webhook, oldest call first, through the queue in IndexedDB; entries are
 * never dropped. A failure of the server (5xx, 408, 429, network, timeout) holds every log until that
 * entry's retry: a server that is down gets one request per backoff step, not one per queued log. A
 * refusal of one log (other 4xx) retries that log on its own backoff while the others go on. After a
 * 2xx the server is up, so everything held by a server failure is sent at once.
 */
export function createOutbox(deps: OutboxDeps): Outbox {
  const fetchFn = deps.fetch;
  let stopped = false;
  /** No POST before this time (epoch ms): the server failed. Rebuilt from the queue after a restart. */
  let serverHold: number | undefined;
  let holdRestored = false;

  const heldBy = (queued: readonly OutboxEntry[]) =>
    earliest(queued.filter((entry) => entry.failure === 'server').map((entry) => entry.nextAttemptAt));

  const schedule = (queued: readonly OutboxEntry[], webhook: WebhookSettings | undefined) => {
    if (stopped) return;
    const next = earliest(queued.map((entry) => entry.nextAttemptAt));
    if (!webhook || next === undefined) deps.wakeUp.clear();
    else deps.wakeUp.wakeAt(Math.max(next, serverHold ?? next));
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
      return 'delivered';
    }
    const attempts = current.attempts + 1;
    const delay = retryDelay(attempts, webhook, deps.random);
    const nextAttemptAt = deps.now() + delay;
    await markFailed(db, current.callId, current.revision, { ...outcome, nextAttemptAt });
    deps.log(
      'warn',
      `webhook delivery of call ${current.callId} failed (attempt ${attempts}): ${outcome.error}; next try in ${delay / 1000} s`,
    );
    if (outcome.scope === 'server') serverHold = nextAttemptAt;
    return outcome.scope === 'server' ? 'serverFailed' : 'refused';
  };

  const pass = async (): Promise<void> => {
    const db = await deps.db();
    let serverUp = false;
    const tried = new Set<string>();
    for (;;) {
      const webhook = deps.webhook();
      const queued = await queuedEntries(db);
      if (!holdRestored) {
        serverHold = heldBy(queued);
        holdRestored = true;
      }
      const now = deps.now();
      if (stopped || !webhook || (!serverUp && serverHold !== undefined && serverHold > now)) {
        return schedule(queued, webhook);
      }
      const next = queued.find(
        (entry) =>
          !tried.has(`${entry.callId}#${entry.revision}`) &&
          (entry.nextAttemptAt <= now || (serverUp && entry.failure === 'server')),
      );
      if (!next) return schedule(queued, webhook);
      tried.add(`${next.callId}#${next.revision}`);
      const result = await deliver(db, next, webhook);
      if (result === 'delivered') {
        serverUp = true;
        serverHold = undefined;
      }
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
