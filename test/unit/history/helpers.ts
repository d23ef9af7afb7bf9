import 'fake-indexeddb/auto';
import { type CallHistory, createCallHistory } from '../../../src/background/history/call-history';
import { openHistoryDb } from '../../../src/background/history/db';
import type { HistoryHub } from '../../../src/background/history/history-hub';
import type { WakeUpScheduler } from '../../../src/background/history/wake-up';
import type { Call } from '../../../src/core/call';
import type { CallLogSettings, WebhookSettings } from '../../../src/core/config/types';
import type { LogAccess } from '../../../src/core/history/types';
import { type HubState, initialHubState } from '../../../src/core/hub-state';
import { sampleCall } from '../../../src/core/rules/sample-call';

export const T0 = Date.UTC(2026, 0, 15, 9, 30);

export const WEBHOOK: WebhookSettings = {
  url: 'https://crm.example.com/hooks/softbar',
  headers: { authorization: 'Bearer secret-token' },
  retryBaseMs: 1_000,
  retryMaxMs: 10_000,
};

/** An extension page (the options page): may edit saved logs. */
export const OPTIONS_PAGE: LogAccess = { mayEditSaved: true };
/** The bar in a web page: completes pending and deferred logs only. */
export const BAR: LogAccess = { mayEditSaved: false };

let databases = 0;
/** A database name no other test uses (fake-indexeddb is one global per test file). */
export const freshDbName = () => `softbar-history-test-${++databases}`;

/** An ended call, `n` minutes after T0, answered 5 s after it rang and 65 s long. */
export function endedCall(id: string, n = 0, overrides: Partial<Call> = {}): Call {
  const createdAt = T0 + n * 60_000;
  return sampleCall({
    id,
    vendorCallIds: [`v-${id}`],
    state: 'ended',
    createdAt,
    answeredAt: createdAt + 5_000,
    endedAt: createdAt + 70_000,
    endReason: 'remoteHangup',
    ...overrides,
  });
}

/** The hub as the history sees it, with a helper that ends calls the way the reducer does. */
export interface FakeHub extends HistoryHub {
  /** Moves `call` to `recent`, as when it ends. */
  end(call: Call): void;
  /** Tells the listeners the same state again. */
  repeat(): void;
  /** How often the history replaced the wrap-up list. */
  readonly wrapUpPushes: number;
}

export function fakeHub(recent: readonly Call[] = []): FakeHub {
  let state: HubState = {
    ...initialHubState({ profileId: 'p1', vendorId: 'demo', label: 'Demo' }, T0),
    recent,
  };
  let pushes = 0;
  const listeners = new Set<(state: HubState) => void>();
  const set = (next: HubState) => {
    state = next;
    for (const listener of listeners) listener(next);
  };
  return {
    get current() {
      return state;
    },
    get wrapUpPushes() {
      return pushes;
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setWrapUp: (wrapUp) => {
      pushes += 1;
      set({ ...state, wrapUp });
    },
    end: (call) =>
      set({ ...state, calls: state.calls.filter((c) => c.id !== call.id), recent: [call, ...state.recent] }),
    repeat: () => set({ ...state }),
  };
}

/** A scheduler that only remembers the time it was asked for. */
export function fakeWakeUp(): WakeUpScheduler & { readonly at: number | undefined } {
  let at: number | undefined;
  return {
    get at() {
      return at;
    },
    wakeAt: (epochMs) => {
      at = epochMs;
    },
    clear: () => {
      at = undefined;
    },
  };
}

export interface Posted {
  readonly url: string;
  readonly headers: Headers;
  readonly body: { type: string; version: number; log: { callId: string; notes: string } };
  readonly status: number;
}

/**
 * A webhook server: answers each POST with `answer(n, callId)` (n counts from 1): a status, or 'network'
 * for a connection error. `gate`, when set, holds every answer until it resolves.
 */
export function fakeWebhook(answer: (n: number, callId: string) => number | 'network' = () => 200) {
  const posts: Posted[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const state = { gate: undefined as Promise<void> | undefined };
  const fetchFn = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      await state.gate;
      const body = JSON.parse(String(init?.body)) as Posted['body'];
      const reply = answer(posts.length + 1, body.log.callId);
      posts.push({
        url: String(input),
        headers: new Headers(init?.headers),
        body,
        status: reply === 'network' ? 0 : reply,
      });
      if (reply === 'network') throw new TypeError('fetch failed');
      return new Response(reply === 204 ? null : 'ok', {
        status: reply,
        statusText: reply >= 500 ? 'Service Unavailable' : '',
      });
    } finally {
      inFlight -= 1;
    }
  };
  return {
    fetch: fetchFn as typeof fetch,
    posts,
    state,
    get inFlight() {
      return inFlight;
    },
    get maxInFlight() {
      return maxInFlight;
    },
    /** Call ids of the POSTs the server accepted, in order. */
    delivered: () => posts.filter((p) => p.status >= 200 && p.status < 300).map((p) => p.body.log.callId),
  };
}

export interface Harness {
  readonly history: CallHistory;
  readonly hub: FakeHub;
  readonly wakeUp: ReturnType<typeof fakeWakeUp>;
  readonly logs: { level: string; message: string; detail?: unknown }[];
  /** The test's clock. */
  readonly clock: { now: number };
  /** The settings in force; tests replace them. */
  readonly config: { settings: CallLogSettings | undefined };
  readonly dbName: string;
}

/** A call history over a fresh (or the given) database, a fake hub, clock, scheduler and webhook. */
export function harness(
  options: {
    dbName?: string;
    hub?: FakeHub;
    settings?: CallLogSettings;
    fetch?: typeof fetch;
    clock?: { now: number };
    requestTimeoutMs?: number;
  } = {},
): Harness {
  const dbName = options.dbName ?? freshDbName();
  const hub = options.hub ?? fakeHub();
  const wakeUp = fakeWakeUp();
  const logs: Harness['logs'] = [];
  const clock = options.clock ?? { now: T0 + 3_600_000 };
  const config = { settings: options.settings ?? { prompt: true, dispositions: ['Sale', 'No sale'] } };
  const history = createCallHistory({
    hub,
    openDatabase: () => openHistoryDb(dbName),
    fetch: options.fetch ?? fakeWebhook().fetch,
    now: () => clock.now,
    log: (level, message, detail) => logs.push({ level, message, detail }),
    settings: () => config.settings,
    wakeUp,
    random: () => 0,
    requestTimeoutMs: options.requestTimeoutMs,
  });
  return { history, hub, wakeUp, logs, clock, config, dbName };
}

/** Waits for the work the history started on its own after a hub state: recording, wrap-up, a drain. */
export async function settled(history: CallHistory): Promise<void> {
  await history.view({ limit: 1 });
  await history.wake();
}
