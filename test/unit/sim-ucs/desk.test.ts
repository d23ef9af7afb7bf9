import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_QUEUES, HANGUP_CAUSE } from '../../../sim/ucs';
import { type Setup, setup, type TestClient } from './harness';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const statuses = (client: TestClient) =>
  client.pushes.filter((push) => push.callback === 'onStateChange').map((push) => push.args[0]);

describe('UCS simulator: after-call work', () => {
  let env: Setup;
  afterEach(() => env.stop());

  /** A simulator whose queue 1 has `acwSeconds`, and jan.novak READY on it. */
  async function readyAgent(acwSeconds: number) {
    env = await setup({
      queues: DEFAULT_QUEUES.map((queue) => (queue.queue_id === 1 ? { ...queue, acwSeconds } : queue)),
    });
    const client = await env.ready();
    await client.call('changeStatus', 'READY');
    return client;
  }

  it('puts the agent in ACW after a connected queue call, then READY after acwSeconds', async () => {
    const client = await readyAgent(0.2);
    await env.sim.control.incomingCall({ number: '602123456', queueId: 1 });
    await client.call('answer');
    const from = client.pushes.length;
    await client.call('hangup');
    expect(client.namesSince(from)).toEqual(['onCallHangup', 'onStateChange']);
    expect(client.pushes.at(-1)).toMatchObject({
      args: [{ status: 'ACW', reason: '' }],
      state: { status: 'ACW' },
    });
    expect((await client.call('state')).result).toMatchObject({ status: 'ACW' });
    // No queue call reaches an agent in ACW.
    await expect(env.sim.control.incomingCall({ number: '1', queueId: 1 })).rejects.toThrow(/ACW/);
    expect((await client.nth('onStateChange', 3)).args[0]).toEqual({ status: 'READY', reason: '' });
    expect((await client.call('state')).result).toMatchObject({ status: 'READY' });
    expect(await env.sim.control.history('jan.novak')).toEqual([expect.objectContaining({ queueId: 1 })]);
  });

  it('keeps a status the agent chose during ACW', async () => {
    const client = await readyAgent(0.2);
    await env.sim.control.incomingCall({ number: '602123456', queueId: 1 });
    await client.call('answer');
    await env.sim.control.callerHangup();
    await client.nth('onStateChange', 2);
    await client.call('changeStatus', 'AUX', 'Lunch');
    await sleep(350);
    expect(statuses(client)).toEqual([
      { status: 'READY', reason: '' },
      { status: 'ACW', reason: '' },
      { status: 'AUX', reason: 'Lunch' },
    ]);
  });

  it('has no ACW for an unanswered queue call, a direct call, or a queue without acwSeconds', async () => {
    const client = await readyAgent(0.2);
    await env.sim.control.incomingCall({ number: '1', queueId: 1 });
    await client.call('hangup');
    expect((await client.last('onCallHangup')).args[0]).toMatchObject({ cause: HANGUP_CAUSE.rejected });
    await env.sim.control.incomingCall({ number: '2' });
    await client.call('answer');
    await client.call('hangup');
    await env.stop();

    env = await setup();
    const plain = await env.ready();
    await plain.call('changeStatus', 'READY');
    await env.sim.control.incomingCall({ number: '3', queueId: 1 });
    await plain.call('answer');
    await plain.call('hangup');
    await sleep(50);
    expect(statuses(client)).toEqual([{ status: 'READY', reason: '' }]);
    expect(statuses(plain)).toEqual([{ status: 'READY', reason: '' }]);
  });

  it('lets the agent choose ACW, and refuses a negative acwSeconds', async () => {
    const client = await readyAgent(0);
    expect(await client.call('changeStatus', 'ACW')).toMatchObject({ ok: true });
    expect((await client.last('onStateChange')).args[0]).toEqual({ status: 'ACW', reason: '' });
    await expect(setup({ queues: [{ queue_id: 1, name: 'x', type: 1, acwSeconds: -1 }] })).rejects.toThrow(
      /acwSeconds/,
    );
  });
});

describe('UCS simulator: account codes', () => {
  let env: Setup;
  let client: TestClient;
  afterEach(() => env.stop());

  async function endedCall(): Promise<string> {
    env = await setup();
    client = await env.ready();
    const uniqueid = await env.sim.control.incomingCall({ number: '602123456' });
    await client.call('answer');
    return uniqueid;
  }

  it('sets codes on the current call and on an ended one, appending or overriding', async () => {
    const uniqueid = await endedCall();
    const before = client.pushes.length;
    expect(await client.call('setAccountCode', uniqueid, 'SALE')).toMatchObject({ ok: true, result: true });
    expect(client.pushes).toHaveLength(before);
    await client.call('hangup');
    expect(await client.call('setAccountCode', uniqueid, 'INFO', 'reklamace')).toMatchObject({ ok: true });
    expect(await client.call('setAccountCode', uniqueid, 'SALE', null, false)).toMatchObject({ ok: true });
    expect((await env.sim.control.history('jan.novak'))[0]).toMatchObject({
      uniqueid,
      accountCodes: ['SALE', 'INFO/reklamace', 'SALE'],
    });
    expect(await client.call('setAccountCode', uniqueid, 'INFO', 'dotaz', true)).toMatchObject({ ok: true });
    expect((await env.sim.control.history('jan.novak'))[0]).toMatchObject({ accountCodes: ['INFO/dotaz'] });
  });

  it('refuses an unknown code, an unknown call and bad arguments', async () => {
    const uniqueid = await endedCall();
    expect(await client.call('setAccountCode', uniqueid, 'NOPE')).toMatchObject({
      ok: false,
      error: 'unknown account code NOPE (allowed: SALE, INFO)',
    });
    expect(await client.call('setAccountCode', '1.999', 'SALE')).toMatchObject({
      ok: false,
      error: 'no call 1.999',
    });
    expect(await client.call('setAccountCode', uniqueid, 'SALE', 5)).toMatchObject({ ok: false });
    expect(await client.call('setAccountCode', uniqueid, 'SALE', null, 'yes')).toMatchObject({ ok: false });
    expect(await client.call('setAccountCode', uniqueid)).toMatchObject({ ok: false });
    // Another agent's call is not this agent's.
    const eva = await env.ready('eva.svobodova', 'pc102');
    expect(await eva.call('setAccountCode', uniqueid, 'SALE')).toMatchObject({
      ok: false,
      error: `no call ${uniqueid}`,
    });
    expect((await env.sim.control.calls())[0]).toMatchObject({ uniqueid });
  });

  it('keeps the last 20 ended calls, newest first', async () => {
    const first = await endedCall();
    await client.call('hangup');
    const ids = [first];
    for (let i = 0; i < 20; i++) {
      ids.push(await env.sim.control.incomingCall({ number: `60200000${i}` }));
      await env.sim.control.callerHangup();
    }
    const history = await env.sim.control.history('jan.novak');
    expect(history.map((entry) => entry.uniqueid)).toEqual(ids.slice(1).reverse());
    expect(await client.call('setAccountCode', first, 'SALE')).toMatchObject({
      ok: false,
      error: `no call ${first}`,
    });
    expect(await client.call('setAccountCode', ids[1]!, 'SALE')).toMatchObject({ ok: true });
  });
});

describe('UCS simulator: onReady queues', () => {
  let env: Setup;
  afterEach(() => env.stop());

  it('lists every available queue, while user.queues holds the memberships', async () => {
    env = await setup();
    const eva = await env.ready('eva.svobodova', 'pc102');
    await eva.call('suspend', 1);
    const state = (await eva.call('state')).result as { queues: unknown; user: { queues: unknown } };
    expect(state.queues).toEqual({
      1: { queue_id: 1, name: 'Podpora', type: 1 },
      2: { queue_id: 2, name: 'Kampaň', type: 0 },
    });
    expect(state.user.queues).toEqual({ 1: expect.objectContaining({ queue_id: 1, suspended: true }) });
  });
});
