import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PHONEBAR_STATUS, type PhonebarCall } from '../../../sim/xcally';
import { phonebar, type Setup, setup, sleep, type TestClient } from './harness';

const ANDREA = 'SIP/andrea.bianco';
const JOHN = 'SIP/john.doe';
const CALLER = { queue: 'Support', callernum: '1003', callername: 'telephone' };

describe('xCALLY simulator: Phonebar', () => {
  let env: Setup;
  let client: TestClient;

  beforeEach(async () => {
    env = await setup();
    client = await env.connect(4);
  });
  afterEach(() => env.stop());

  const calls = async () => (await phonebar(env.sim, '/api/calls')).body as PhonebarCall[];

  it('has the documented status ids', () => {
    expect(PHONEBAR_STATUS).toEqual({
      NULL: 0,
      IDLE: 1,
      CONNECTING: 2,
      ALERTING: 4,
      ACTIVE: 8,
      RELEASED: 16,
      INCOMING: 32,
      HOLDING: 64,
      TERMINATED: 128,
    });
  });

  it("lists the first agent's calls; answering and hanging up there drive the realtime events", async () => {
    expect(env.sim.phonebarPeer).toBe(ANDREA);
    expect(await calls()).toEqual([]);
    const uniqueid = await env.sim.control.queueCall({ ...CALLER, peer: ANDREA, holdSeconds: 3 });
    await env.sim.control.queueCall({ ...CALLER, callernum: '2000', peer: JOHN });
    const [incoming] = await calls();
    expect(await calls()).toEqual([
      {
        sessionId: expect.any(String),
        number: '1003',
        name: 'telephone',
        direction: 'inbound',
        status: 32,
        statusName: 'INCOMING',
      },
    ]);

    const answered = await phonebar(env.sim, '/api/answer');
    expect(answered).toMatchObject({ status: 200, body: { sessionId: incoming!.sessionId, status: 8 } });
    expect(await client.next('up')).toMatchObject({ uniqueid, peer: ANDREA, holdtime: '3', up: true });
    expect((await calls())[0]).toMatchObject({ status: PHONEBAR_STATUS.ACTIVE });

    const hungUp = await phonebar(env.sim, `/api/hangup/${incoming!.sessionId}`);
    expect(hungUp).toMatchObject({ status: 200, body: { sessionId: incoming!.sessionId, status: 128 } });
    expect(await client.next('hangup')).toMatchObject({ uniqueid, reason: 'agent', hangup: true });
    expect(await calls()).toEqual([]);
    expect((await env.sim.control.calls()).map((call) => call.peer)).toEqual([JOHN]);
  });

  it('answers a call by session id and reflects an answer made on the phone', async () => {
    await env.sim.control.queueCall({ ...CALLER, peer: ANDREA });
    await env.sim.control.queueCall({ ...CALLER, queue: 'Sales', callernum: '1004', peer: ANDREA });
    const [first, second] = await calls();
    expect((await phonebar(env.sim, `/api/answer/${second!.sessionId}`)).body).toMatchObject({
      number: '1004',
      status: 8,
    });
    expect(await client.next('up')).toMatchObject({ callernum: '1004', queue: 'Sales' });
    await env.sim.control.answer({ peer: ANDREA });
    expect(await client.next('up')).toMatchObject({ callernum: '1003' });
    expect((await calls()).map((call) => [call.sessionId, call.status])).toEqual([
      [first!.sessionId, 8],
      [second!.sessionId, 8],
    ]);
    expect(await phonebar(env.sim, `/api/answer/${first!.sessionId}`)).toMatchObject({
      status: 409,
      body: { error: expect.stringContaining('not ringing') },
    });
  });

  it('originates an outbound call (outbound), shows it ALERTING, then ACTIVE when the far end answers', async () => {
    const dialled = await phonebar(env.sim, '/api/originate/%2B39%2002%20123');
    expect(dialled).toMatchObject({
      status: 200,
      body: { number: '+39 02 123', direction: 'outbound', status: 4, statusName: 'ALERTING' },
    });
    const outbound = await client.next('outbound');
    expect(outbound).toMatchObject({
      peer: ANDREA,
      extension: '+39 02 123',
      callernum: '+39 02 123',
      outbound: true,
    });
    await env.sim.control.farEndAnswer();
    expect((await calls())[0]).toMatchObject({ status: 8 });
    expect((await phonebar(env.sim, '/api/hold')).body).toMatchObject({ status: 64, statusName: 'HOLDING' });
    expect((await calls())[0]).toMatchObject({ status: 64 });
    expect((await phonebar(env.sim, '/api/hold')).body).toMatchObject({ status: 8 });
    const all = await phonebar(env.sim, '/api/hangup');
    expect(all).toMatchObject({ status: 200, body: [{ number: '+39 02 123', status: 128 }] });
    expect(await calls()).toEqual([]);
    await sleep(30);
    expect(client.pendingNames()).toEqual([]);
  });

  it('has the far end answer by itself after the answer delay', async () => {
    await env.sim.control.setAnswerDelay(20);
    await phonebar(env.sim, '/api/originate/555');
    expect((await calls())[0]).toMatchObject({ status: 4 });
    await sleep(60);
    expect((await calls())[0]).toMatchObject({ status: 8 });
  });

  it('rejects a ringing call on hang-up: the call waits in the queue again, without an event', async () => {
    const uniqueid = await env.sim.control.queueCall({ ...CALLER, peer: ANDREA });
    await client.next('ringing');
    const [ringing] = await calls();
    expect((await phonebar(env.sim, `/api/hangup/${ringing!.sessionId}`)).body).toMatchObject({
      status: 128,
    });
    expect(await env.sim.control.calls()).toMatchObject([
      { uniqueid, state: 'queued', peer: null, sessionId: null },
    ]);
    await sleep(30);
    expect(client.pendingNames()).toEqual([]);
  });

  it('answers JSON 404s for unknown ids and routes, 400 without a number, and allows any origin', async () => {
    expect(await phonebar(env.sim, '/api/answer')).toMatchObject({
      status: 404,
      body: { error: 'no incoming call' },
    });
    expect(await phonebar(env.sim, '/api/answer/nope')).toMatchObject({
      status: 404,
      body: { error: 'no call nope' },
    });
    expect(await phonebar(env.sim, '/api/hangup/nope')).toMatchObject({
      status: 404,
      body: { error: 'no call nope' },
    });
    expect(await phonebar(env.sim, '/api/transfer/1')).toMatchObject({ status: 404 });
    expect(await phonebar(env.sim, '/nowhere')).toMatchObject({
      status: 404,
      body: { error: 'no route /nowhere' },
    });
    expect(await phonebar(env.sim, '/api/originate/')).toMatchObject({ status: 400 });
    expect(await phonebar(env.sim, '/api/hangup')).toMatchObject({ status: 200, body: [] });
    const fromPage = await phonebar(env.sim, '/api/calls', { headers: { origin: 'https://crm.example' } });
    expect(fromPage.headers.get('access-control-allow-origin')).toBe('*');
    expect(fromPage.headers.get('content-type')).toContain('application/json');
    const preflight = await phonebar(env.sim, '/api/calls', {
      method: 'OPTIONS',
      headers: { origin: 'https://crm.example', 'access-control-request-method': 'GET' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-private-network')).toBe('true');
    const requests = await env.sim.control.phonebarRequests();
    expect(requests.map((request) => [request.method, request.path, request.status])).toEqual([
      ['GET', '/api/answer', 404],
      ['GET', '/api/answer/nope', 404],
      ['GET', '/api/hangup/nope', 404],
      ['GET', '/api/transfer/1', 404],
      ['GET', '/nowhere', 404],
      ['GET', '/api/originate/', 400],
      ['GET', '/api/hangup', 200],
      ['GET', '/api/calls', 200],
      ['OPTIONS', '/api/calls', 204],
    ]);
    expect(requests.at(-1)!.origin).toBe('https://crm.example');
  });
});

describe('xCALLY simulator: Phonebar of another agent', () => {
  it("serves the configured peer's calls and originates as that agent", async () => {
    const env = await setup({ phonebar: { peer: 'SIP/john.doe' } });
    try {
      const client = await env.connect(2);
      await env.sim.control.queueCall({ ...CALLER, peer: ANDREA });
      expect((await phonebar(env.sim, '/api/calls')).body).toEqual([]);
      await phonebar(env.sim, '/api/originate/600');
      expect(await client.next('outbound')).toMatchObject({
        peer: JOHN,
        agentname: 'John Doe',
        sipname: 'john.doe',
      });
    } finally {
      await env.stop();
    }
  });
});
