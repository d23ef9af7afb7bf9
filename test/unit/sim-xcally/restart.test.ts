import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { controlHttp, phonebar, type Setup, setup, until } from './harness';

const ANDREA = 'SIP/andrea.bianco';
const CALLER = { queue: 'Support', callernum: '1003', callername: 'telephone' };

describe('xCALLY simulator: restart', () => {
  let env: Setup;

  beforeEach(async () => {
    env = await setup();
  });
  afterEach(() => env.stop());

  it('cuts every client, listens again on the same port after downMs, and keeps the calls', async () => {
    const v4 = await env.connect(4, { peer: ANDREA });
    const v2 = await env.connect(2);
    const { control } = env.sim;
    const uniqueid = await control.queueCall({ ...CALLER, peer: ANDREA });
    await control.answer();
    await v4.next('up');
    await v2.next('up');

    const restarting = control.restart({ downMs: 150 });
    await until(() => !v4.connected() && !v2.connected(), 'the clients to lose the connection');
    // While down, events reach nobody and the control routes on that port are unreachable too.
    await control.hold(true);
    await expect(fetch(`${env.sim.url}/control/calls`)).rejects.toThrow();
    await restarting;

    await control.waitForClients(2);
    expect((await control.clients()).map((client) => [client.peer, client.protocol]).sort()).toEqual([
      [null, 3],
      [ANDREA, 4],
    ]);
    // The server sees a client before the client's own connect event fires: wait for both sides.
    await until(() => v4.connects === 2 && v2.connects === 2, 'both clients to see the reconnection');
    expect([v4.connects, v2.connects]).toEqual([2, 2]);
    expect(await control.calls()).toMatchObject([{ uniqueid, state: 'up', held: true, phonebarStatus: 64 }]);
    expect((await phonebar(env.sim, '/api/calls')).body).toMatchObject([{ status: 64 }]);
    await control.hangup();
    for (const client of [v4, v2])
      expect(await client.next('hangup')).toMatchObject({ uniqueid, reason: 'caller' });
  });

  it('logs events sent while down with no clients', async () => {
    await env.connect(4);
    const { control } = env.sim;
    const restarting = control.restart({ downMs: 100 });
    await until(async () => (await control.clients()).length === 0, 'the server to go down');
    await control.queueCall({ ...CALLER, peer: ANDREA });
    await restarting;
    expect((await control.sent()).map((sent) => [sent.name, sent.clients])).toEqual([['ringing', 0]]);
  });

  it('restarts over HTTP after answering', async () => {
    const client = await env.connect(2);
    expect(await controlHttp(env.sim, 'restart', { downMs: 50 })).toEqual({
      status: 200,
      body: { ok: true },
    });
    await until(() => client.connects === 2, 'the client to reconnect');
    expect((await controlHttp(env.sim, 'clients')).body).toHaveLength(1);
  });
});
