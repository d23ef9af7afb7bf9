import { describe, expect, it, vi } from 'vitest';
import type { CallLogSettings } from '../../../src/core/config/types';
import {
  endedCall,
  fakeHub,
  fakeWebhook,
  type Harness,
  harness,
  OPTIONS_PAGE,
  settled,
  WEBHOOK,
} from './helpers';

const WITH_WEBHOOK: CallLogSettings = { prompt: true, dispositions: [], webhook: WEBHOOK };

/** Ends the calls and saves a note on each, as the agent would. */
async function endAndSave({ history, hub }: Harness, ...ids: string[]) {
  await history.start();
  for (const [i, id] of ids.entries()) hub.end(endedCall(id, i));
  await settled(history);
  for (const id of ids) await history.save(id, `Notes on ${id}`, undefined, OPTIONS_PAGE);
  await settled(history);
}

/** Lets the clock reach each wake-up the history asks for, until it asks for none. */
async function runWakeUps(h: Harness, max = 20): Promise<number[]> {
  const delays: number[] = [];
  for (let i = 0; i < max && h.wakeUp.at !== undefined; i++) {
    delays.push(h.wakeUp.at - h.clock.now);
    h.clock.now = h.wakeUp.at;
    await h.history.wake();
  }
  return delays;
}

describe('webhook delivery', () => {
  it('POSTs the log as versioned JSON with the idempotency key and the admin headers', async () => {
    const server = fakeWebhook();
    const h = harness({ settings: WITH_WEBHOOK, fetch: server.fetch });
    await endAndSave(h, 'c1');

    expect(server.posts).toHaveLength(1);
    const [post] = server.posts;
    expect(post?.url).toBe(WEBHOOK.url);
    expect(post?.headers.get('content-type')).toBe('application/json');
    expect(post?.headers.get('idempotency-key')).toBe('c1');
    expect(post?.headers.get('authorization')).toBe('Bearer secret-token');
    expect(post?.body).toMatchObject({
      type: 'softbar.callLog',
      version: 1,
      log: { callId: 'c1', notes: 'Notes on c1' },
    });
    expect(h.wakeUp.at).toBeUndefined();
  });

  it('survives a server that fails its first five requests: one delivery, backoff doubling up to the cap', async () => {
    const server = fakeWebhook((n) => (n <= 5 ? 503 : 200));
    const h = harness({ settings: WITH_WEBHOOK, fetch: server.fetch });
    await endAndSave(h, 'c1');

    const failed = (await h.history.view({ limit: 1 })).deliveries[0];
    expect(failed).toMatchObject({ state: 'queued', attempts: 1, lastError: 'HTTP 503 Service Unavailable' });

    expect(await runWakeUps(h)).toEqual([1_000, 2_000, 4_000, 8_000, 10_000]);
    expect(server.posts).toHaveLength(6);
    expect(server.delivered()).toEqual(['c1']);
    expect((await h.history.view({ limit: 1 })).deliveries[0]).toMatchObject({
      state: 'delivered',
      attempts: 6,
    });

    const warnings = h.logs.filter((entry) => entry.level === 'warn');
    expect(warnings).toHaveLength(5);
    expect(warnings[0]?.message).toContain('HTTP 503');
    expect(JSON.stringify(h.logs)).not.toContain('secret-token');
  });

  it('delivers every log exactly once, in call order, and probes a down server once per retry', async () => {
    const server = fakeWebhook((n) => (n <= 5 ? 503 : 200));
    const h = harness({ settings: WITH_WEBHOOK, fetch: server.fetch });
    await endAndSave(h, 'c1', 'c2', 'c3');
    expect(server.posts).toHaveLength(1); // c2 and c3 wait behind the failure instead of hitting the server

    await runWakeUps(h);
    expect(server.posts.map((p) => [p.body.log.callId, p.status])).toEqual([
      ['c1', 503],
      ['c1', 503],
      ['c1', 503],
      ['c1', 503],
      ['c1', 503],
      ['c1', 200],
      ['c2', 200],
      ['c3', 200],
    ]);
    expect((await h.history.view({ limit: 10 })).deliveries.every((d) => d.state === 'delivered')).toBe(true);
  });

  it('never sends one entry twice at once, however many triggers arrive together', async () => {
    const server = fakeWebhook();
    let open!: () => void;
    server.state.gate = new Promise((resolve) => {
      open = resolve;
    });
    const h = harness({ settings: WITH_WEBHOOK, fetch: server.fetch });
    await h.history.start();
    h.hub.end(endedCall('c1'));
    await settled(h.history);

    const saving = h.history.save('c1', 'n', undefined, OPTIONS_PAGE); // kicks a drain
    const alarm = h.history.wake();
    const timer = h.history.wake();
    await saving;
    open();
    await Promise.all([alarm, timer, h.history.wake()]);

    expect(server.maxInFlight).toBe(1);
    expect(server.delivered()).toEqual(['c1']);
    expect(server.posts).toHaveLength(1);
  });

  it('keeps queued entries and their backoff across a worker restart', async () => {
    const down = fakeWebhook(() => 503);
    const first = harness({ settings: WITH_WEBHOOK, fetch: down.fetch });
    await endAndSave(first, 'c1');
    const retryAt = first.wakeUp.at;
    expect(retryAt).toBe(first.clock.now + 1_000);

    // A new worker: same database, same live state, nothing in memory.
    const stillDown = fakeWebhook((n) => (n === 1 ? 503 : 200));
    const restarted = harness({
      dbName: first.dbName,
      hub: fakeHub(first.hub.current.recent),
      settings: WITH_WEBHOOK,
      fetch: stillDown.fetch,
      clock: first.clock,
    });
    await restarted.history.start();
    await restarted.history.wake();
    expect(stillDown.posts).toHaveLength(0); // not due yet
    expect(restarted.wakeUp.at).toBe(retryAt);

    expect(await runWakeUps(restarted)).toEqual([1_000, 2_000]);
    expect(stillDown.delivered()).toEqual(['c1']);
    expect((await restarted.history.view({ limit: 1 })).deliveries[0]).toMatchObject({
      state: 'delivered',
      attempts: 3,
    });
  });

  it('holds the queue while no webhook is configured, and sends it when one is again', async () => {
    const server = fakeWebhook(() => 503);
    const h = harness({ settings: WITH_WEBHOOK, fetch: server.fetch });
    await endAndSave(h, 'c1');
    expect(server.posts).toHaveLength(1);

    h.config.settings = { prompt: true, dispositions: [] };
    h.clock.now += 60_000;
    await h.history.wake();
    expect(server.posts).toHaveLength(1);
    expect(h.wakeUp.at).toBeUndefined();
    const view = await h.history.view({ limit: 10 });
    expect(view.webhookUrl).toBeUndefined();
    expect(view.deliveries).toEqual([
      expect.objectContaining({ callId: 'c1', state: 'queued', attempts: 1 }),
    ]);

    // Saved while no webhook is configured: not queued, never sent.
    h.hub.end(endedCall('c2', 5));
    await settled(h.history);
    await h.history.save('c2', 'n', undefined, OPTIONS_PAGE);

    const up = fakeWebhook();
    const later = harness({
      dbName: h.dbName,
      hub: fakeHub(h.hub.current.recent),
      settings: { ...WITH_WEBHOOK, webhook: { ...WEBHOOK, url: 'https://middleware.example.com/in' } },
      fetch: up.fetch,
      clock: h.clock,
    });
    await later.history.start();
    await later.history.wake();
    expect(up.posts.map((p) => [p.url, p.body.log.callId])).toEqual([
      ['https://middleware.example.com/in', 'c1'],
    ]);
  });

  it('tries a new webhook URL at once instead of waiting out the backoff of the old one', async () => {
    const broken = fakeWebhook(() => 503);
    const fixed = fakeWebhook();
    const FIXED_URL = 'https://crm.example.com/hooks/softbar-v2';
    const byUrl = ((input: string, init?: RequestInit) =>
      (String(input) === FIXED_URL ? fixed : broken).fetch(input, init)) as typeof fetch;
    const h = harness({ settings: WITH_WEBHOOK, fetch: byUrl });
    await endAndSave(h, 'c1', 'c2');
    await runWakeUps(h, 3);
    expect(broken.posts.map((p) => p.body.log.callId)).toEqual(['c1', 'c1', 'c1', 'c1']);
    expect(h.wakeUp.at).toBe(h.clock.now + 8_000);

    // The admin fixes the URL; the configuration change wakes the history (no time passes).
    h.config.settings = { ...WITH_WEBHOOK, webhook: { ...WEBHOOK, url: FIXED_URL } };
    await h.history.wake();
    expect(fixed.delivered()).toEqual(['c1', 'c2']);
    expect(broken.posts).toHaveLength(4);
    expect(h.wakeUp.at).toBeUndefined();
  });

  it('tries a new webhook URL at once after a worker restart too, and a request refused by the old one', async () => {
    const old = fakeWebhook((_, callId) => (callId === 'c1' ? 422 : 503));
    const first = harness({ settings: WITH_WEBHOOK, fetch: old.fetch });
    await endAndSave(first, 'c1', 'c2');
    expect(old.posts.map((p) => [p.body.log.callId, p.status])).toEqual([
      ['c1', 422],
      ['c2', 503],
    ]);

    const fixed = fakeWebhook();
    const restarted = harness({
      dbName: first.dbName,
      hub: fakeHub(first.hub.current.recent),
      settings: { ...WITH_WEBHOOK, webhook: { ...WEBHOOK, url: 'https://middleware.example.com/in' } },
      fetch: fixed.fetch,
      clock: first.clock,
    });
    await restarted.history.start();
    await restarted.history.wake();
    expect(fixed.delivered()).toEqual(['c1', 'c2']);
  });

  it('retries a log the server refuses on its own, without holding back the others', async () => {
    let refusals = 0;
    const server = fakeWebhook((_, callId) => (callId === 'c1' && refusals++ < 2 ? 422 : 200));
    const h = harness({ settings: WITH_WEBHOOK, fetch: server.fetch });
    await endAndSave(h, 'c1', 'c2');

    expect(server.delivered()).toEqual(['c2']);
    const c1 = (await h.history.view({ limit: 10 })).deliveries.find((d) => d.callId === 'c1');
    expect(c1).toMatchObject({ state: 'queued', lastError: 'HTTP 422' });

    expect(await runWakeUps(h)).toEqual([1_000, 2_000]);
    expect(server.delivered()).toEqual(['c2', 'c1']);
  });

  it('sends an edited log again under a new key; a repeated identical save sends nothing', async () => {
    const server = fakeWebhook();
    const h = harness({ settings: WITH_WEBHOOK, fetch: server.fetch });
    await endAndSave(h, 'c1');
    await h.history.save('c1', 'Notes on c1', undefined, OPTIONS_PAGE);
    await h.history.wake();
    expect(server.posts).toHaveLength(1);

    await h.history.save('c1', 'Corrected', undefined, OPTIONS_PAGE);
    await h.history.wake();
    expect(server.posts.map((p) => [p.headers.get('idempotency-key'), p.body.log.notes])).toEqual([
      ['c1', 'Notes on c1'],
      ['c1:2', 'Corrected'],
    ]);
  });

  it('sends the newer revision when the log is edited while the older one is on its way', async () => {
    const server = fakeWebhook();
    let open!: () => void;
    server.state.gate = new Promise((resolve) => {
      open = resolve;
    });
    const h = harness({ settings: WITH_WEBHOOK, fetch: server.fetch });
    await h.history.start();
    h.hub.end(endedCall('c1'));
    await settled(h.history);
    void h.history.save('c1', 'First', undefined, OPTIONS_PAGE);
    await vi.waitFor(() => expect(server.inFlight).toBe(1)); // the first POST waits for its answer
    await h.history.save('c1', 'Second', undefined, OPTIONS_PAGE);
    open();
    await h.history.wake();

    expect(server.posts.map((p) => p.body.log.notes)).toEqual(['First', 'Second']);
    expect((await h.history.view({ limit: 1 })).deliveries[0]?.state).toBe('delivered');
  });

  it('counts a network error, a redirect and a timeout as failures with a readable reason', async () => {
    const offline = fakeWebhook(() => 'network');
    const h = harness({ settings: WITH_WEBHOOK, fetch: offline.fetch });
    await endAndSave(h, 'c1');
    expect((await h.history.view({ limit: 1 })).deliveries[0]?.lastError).toBe('fetch failed');

    const hanging = ((_: unknown, init?: RequestInit) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
      })) as typeof fetch;
    const moved = harness({ settings: WITH_WEBHOOK, fetch: fakeWebhook(() => 302).fetch });
    await endAndSave(moved, 'c1');
    expect((await moved.history.view({ limit: 1 })).deliveries[0]?.lastError).toContain('redirect');

    const slow = harness({ settings: WITH_WEBHOOK, fetch: hanging, requestTimeoutMs: 30 });
    await endAndSave(slow, 'c1');
    expect((await slow.history.view({ limit: 1 })).deliveries[0]).toMatchObject({
      state: 'queued',
      lastError: 'No answer within 0.03 s.',
    });
  });
});
