import { describe, expect, it, vi } from 'vitest';
import { openHistoryDb } from '../../../src/background/history/db';
import { MAX_NOTES_LENGTH } from '../../../src/background/history/save-input';
import { MAX_WRAP_UP } from '../../../src/background/history/wrap-up';
import type { HistoryPage } from '../../../src/core/history/types';
import { MAX_HISTORY_PAGE } from '../../../src/messaging/protocol';
import { BAR, endedCall, fakeHub, fakeWebhook, harness, OPTIONS_PAGE, settled, T0, WEBHOOK } from './helpers';

/** Reads a record through a connection of its own, as a restarted worker would. */
async function readBack(dbName: string, callId: string) {
  const db = await openHistoryDb(dbName);
  try {
    return await db.get('logs', callId);
  } finally {
    db.close();
  }
}

describe('recording ended calls', () => {
  it('writes one pending record per ended call, however often the state is seen', async () => {
    const { history, hub, dbName } = harness();
    await history.start();
    hub.end(endedCall('c1'));
    hub.repeat();
    hub.repeat();
    await settled(history);
    await history.save('c1', 'Wants a callback', 'Sale', OPTIONS_PAGE);
    hub.repeat(); // must not reset the notes
    await settled(history);

    const view = await history.view({ limit: 10 });
    expect(view.records.map((r) => r.callId)).toEqual(['c1']);
    expect(await readBack(dbName, 'c1')).toMatchObject({
      callId: 'c1',
      vendorCallId: 'v-c1',
      profileId: 'p1',
      vendorId: 'demo',
      status: 'saved',
      notes: 'Wants a callback',
      disposition: 'Sale',
      durationSec: 65,
    });
  });

  it('catches up on calls that ended while the worker was stopped, and never overwrites a record', async () => {
    const first = harness();
    await first.history.start();
    first.hub.end(endedCall('c1', 0));
    await settled(first.history);
    await first.history.save('c1', 'Noted before the restart', 'Sale', OPTIONS_PAGE);

    // The restarted worker restores the live state: c1 is still in `recent`, c2 ended meanwhile.
    const hub = fakeHub([endedCall('c2', 5), endedCall('c1', 0)]);
    const restarted = harness({ dbName: first.dbName, hub });
    await restarted.history.start();
    await restarted.history.start(); // a second start shares the first

    const view = await restarted.history.view({ limit: 10 });
    expect(view.records.map((r) => [r.callId, r.status, r.notes])).toEqual([
      ['c2', 'pending', ''],
      ['c1', 'saved', 'Noted before the restart'],
    ]);
    expect(hub.current.wrapUp.map((item) => item.callId)).toEqual(['c2']);
  });

  it('saves at once and queues for the webhook when the configuration does not prompt', async () => {
    const { history, hub, config } = harness();
    config.settings = { prompt: false, dispositions: [], webhook: WEBHOOK };
    await history.start();
    hub.end(endedCall('c1'));
    await settled(history);

    const view = await history.view({ limit: 10 });
    expect(view.records[0]).toMatchObject({ status: 'saved', savedAt: T0 + 70_000, notes: '' });
    expect(view.deliveries).toEqual([expect.objectContaining({ callId: 'c1', state: 'delivered' })]);
    expect(hub.current.wrapUp).toEqual([]);
  });
});

describe('saving notes', () => {
  it('is on disk when save resolves, and leaves the wrap-up list', async () => {
    const { history, hub, dbName } = harness();
    await history.start();
    hub.end(endedCall('c1'));
    await settled(history);
    expect(hub.current.wrapUp.map((item) => item.callId)).toEqual(['c1']);

    const record = await history.save('c1', 'Line one\nline two', 'No sale', OPTIONS_PAGE);

    expect(record).toMatchObject({ status: 'saved', notes: 'Line one\nline two', disposition: 'No sale' });
    expect(await readBack(dbName, 'c1')).toEqual(record);
    expect(hub.current.wrapUp).toEqual([]);
  });

  it('checks the disposition against the configured list and the notes length', async () => {
    const { history, hub, config } = harness();
    await history.start();
    hub.end(endedCall('c1'));
    await settled(history);

    await expect(history.save('c1', 'x', 'Maybe', OPTIONS_PAGE)).rejects.toThrow(
      'Choose a disposition from the list (Sale, No sale) or none.',
    );
    await expect(history.save('c1', 'x'.repeat(MAX_NOTES_LENGTH + 1), 'Sale', OPTIONS_PAGE)).rejects.toThrow(
      'at most 10,000 characters',
    );
    await expect(history.save('nope', 'x', 'Sale', OPTIONS_PAGE)).rejects.toThrow(
      'Call "nope" is not in the call history.',
    );
    expect((await history.view({ limit: 1 })).records[0]?.status).toBe('pending');
    // None is a valid choice: a call the agent cannot classify is still logged.
    expect((await history.save('c1', 'no idea', undefined, OPTIONS_PAGE)).disposition).toBeUndefined();

    config.settings = { prompt: true, dispositions: [] };
    await expect(history.save('c1', 'x', 'Sale', OPTIONS_PAGE)).rejects.toThrow(
      'No dispositions are configured',
    );
    const saved = await history.save('c1', 'x'.repeat(MAX_NOTES_LENGTH), '', OPTIONS_PAGE);
    expect(saved.disposition).toBeUndefined();
  });

  it('edits a saved log when saved again', async () => {
    const { history, hub, clock } = harness();
    await history.start();
    hub.end(endedCall('c1'));
    await settled(history);
    await history.save('c1', 'First', 'Sale', OPTIONS_PAGE);
    clock.now += 60_000;
    const edited = await history.save('c1', 'Second', 'No sale', OPTIONS_PAGE);
    expect(edited).toMatchObject({ notes: 'Second', disposition: 'No sale', savedAt: clock.now });
  });
});

describe('who may change a log', () => {
  it('lets the bar complete pending and deferred logs, never rewrite a saved one', async () => {
    const server = fakeWebhook();
    const { history, hub, config } = harness({ fetch: server.fetch });
    config.settings = { prompt: true, dispositions: ['Sale'], webhook: WEBHOOK };
    await history.start();
    hub.end(endedCall('c1', 0));
    hub.end(endedCall('c2', 1));
    await settled(history);

    const saved = await history.save('c1', 'From the bar', 'Sale', BAR);
    await history.defer('c2', BAR);
    await history.defer('c2', BAR);
    expect(await history.save('c2', 'Later, from the bar', undefined, BAR)).toMatchObject({
      status: 'saved',
    });
    await settled(history);
    expect(server.posts).toHaveLength(2);

    const refusal = "This call's log is already saved; edit it in the options page.";
    await expect(history.save('c1', 'Rewritten', undefined, BAR)).rejects.toThrow(refusal);
    await expect(history.save('c1', 'From the bar', 'Sale', BAR)).rejects.toThrow(refusal);
    await expect(history.defer('c1', BAR)).rejects.toThrow(refusal);
    await expect(history.save('nope', '', undefined, BAR)).rejects.toThrow('not in the call history');
    await settled(history);
    expect((await history.view({})).records.find((r) => r.callId === 'c1')).toEqual(saved);
    expect(server.posts).toHaveLength(2); // no new revision for the webhook

    expect(await history.save('c1', 'Edited', 'Sale', OPTIONS_PAGE)).toMatchObject({ notes: 'Edited' });
    await history.defer('c1', OPTIONS_PAGE); // changes nothing
    await settled(history);
    expect(server.posts.map((p) => p.headers.get('idempotency-key'))).toEqual(['c1', 'c2', 'c1:2']);
  });
});

describe('deferring and the wrap-up list', () => {
  it('marks a log "later", keeps it in the list as deferred, and leaves saved logs alone', async () => {
    const { history, hub } = harness();
    await history.start();
    hub.end(endedCall('c1', 0));
    hub.end(endedCall('c2', 1));
    await settled(history);

    await history.defer('c1', OPTIONS_PAGE);
    expect(hub.current.wrapUp).toEqual([
      expect.objectContaining({ callId: 'c2', deferred: false }),
      expect.objectContaining({
        callId: 'c1',
        deferred: true,
        direction: 'inbound',
        remoteNumber: '+44 20 7946 0018',
        remoteDisplay: '+44 20 7946 0018',
        remoteName: 'Olivia Bennett',
        endedAt: T0 + 70_000,
      }),
    ]);

    await history.save('c2', '', 'Sale', OPTIONS_PAGE);
    await history.defer('c2', OPTIONS_PAGE);
    expect((await history.view({ limit: 10 })).records.find((r) => r.callId === 'c2')?.status).toBe('saved');
    await expect(history.defer('nope', OPTIONS_PAGE)).rejects.toThrow('not in the call history');
  });

  it('lists at most the newest 50, and gives the list back when a restored state brings an old one', async () => {
    const calls = Array.from({ length: MAX_WRAP_UP + 5 }, (_, i) => endedCall(`c${i}`, i));
    const hub = fakeHub([...calls].reverse());
    const { history } = harness({ hub });
    await history.start();
    expect(hub.current.wrapUp).toHaveLength(MAX_WRAP_UP);
    expect(hub.current.wrapUp[0]?.callId).toBe(`c${MAX_WRAP_UP + 4}`);
    expect(hub.current.wrapUp.at(-1)?.callId).toBe('c5');

    const pushes = hub.wrapUpPushes;
    hub.repeat();
    await settled(history);
    expect(hub.wrapUpPushes).toBe(pushes);

    hub.setWrapUp([]); // as when the hub restores a session saved before the last change
    await vi.waitFor(() => expect(hub.current.wrapUp).toHaveLength(MAX_WRAP_UP));
  });
});

describe('the history view', () => {
  it('lists the newest records first with their deliveries and the webhook URL, never its headers', async () => {
    const { history, hub, config } = harness();
    config.settings = { prompt: true, dispositions: [], webhook: WEBHOOK };
    await history.start();
    hub.end(endedCall('c1', 0));
    hub.end(endedCall('c2', 1));
    hub.end(endedCall('c3', 2));
    await settled(history);
    await history.save('c2', 'n', undefined, OPTIONS_PAGE);
    await settled(history);

    const view = await history.view({ limit: 2 });
    expect(view.records.map((r) => r.callId)).toEqual(['c3', 'c2']);
    expect(view.deliveries).toEqual([
      { callId: 'c2', state: 'delivered', attempts: 1, deliveredAt: expect.any(Number) },
    ]);
    expect(view.webhookUrl).toBe(WEBHOOK.url);
    expect(JSON.stringify(view)).not.toContain('secret-token');
    expect((await history.view({ limit: Number.NaN })).records).toHaveLength(3);
  });

  it('reads page by page: records that ended strictly before `before`, newest first', async () => {
    const calls = Array.from({ length: 5 }, (_, i) => endedCall(`c${i}`, i));
    const { history } = harness({ hub: fakeHub([...calls].reverse()) });
    await history.start();
    const ids = async (page: HistoryPage) => (await history.view(page)).records.map((r) => r.callId);
    const endOf = (i: number) => calls[i]!.endedAt!;

    expect(await ids({ limit: 2 })).toEqual(['c4', 'c3']);
    expect(await ids({ limit: 2, before: endOf(3) })).toEqual(['c2', 'c1']);
    expect(await ids({ limit: 2, before: endOf(1) })).toEqual(['c0']);
    expect(await ids({ before: endOf(0) })).toEqual([]);
    expect(await ids({ before: endOf(0) + 1 })).toEqual(['c0']);
    expect(await ids({})).toHaveLength(5);
    expect(await ids({ limit: 0 })).toEqual(['c4']);
    expect(await ids({ limit: -3 })).toEqual(['c4']);
    expect(await ids({ limit: 2.9 })).toEqual(['c4', 'c3']);
    for (const before of [Number.NaN, Number.POSITIVE_INFINITY, '5' as never]) {
      await expect(history.view({ before }), String(before)).rejects.toThrow('epoch milliseconds');
    }
  });

  it(`answers at most ${MAX_HISTORY_PAGE} records, whatever the limit asks`, async () => {
    const calls = Array.from({ length: MAX_HISTORY_PAGE + 5 }, (_, i) => endedCall(`c${i}`, i));
    const { history } = harness({ hub: fakeHub(calls) });
    await history.start();
    const { records } = await history.view({ limit: 100_000 });
    expect(records).toHaveLength(MAX_HISTORY_PAGE);
    expect(records[0]?.callId).toBe(`c${MAX_HISTORY_PAGE + 4}`);
  });
});
