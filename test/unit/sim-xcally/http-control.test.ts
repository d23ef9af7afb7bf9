import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { controlHttp, phonebar, type Setup, setup, type TestClient } from './harness';

const ANDREA = 'SIP/andrea.bianco';
const JOHN = 'SIP/john.doe';

describe('xCALLY simulator: HTTP control routes', () => {
  let env: Setup;
  let client: TestClient;
  let andrea: TestClient;

  beforeEach(async () => {
    env = await setup();
    client = await env.connect(4);
    andrea = await env.connect(2, { peer: ANDREA });
  });
  afterEach(() => env.stop());

  const post = (name: string, body: unknown = {}) => controlHttp(env.sim, name, body);
  const get = (name: string) => controlHttp(env.sim, name);

  it('drives a queue call from ringing to hang-up', async () => {
    const queued = await post('queue-call', {
      queue: 'Sales',
      callernum: '1003',
      callername: 'telephone',
      customvariables: { ordernumber: '42' },
    });
    expect(queued.status).toBe(200);
    const uniqueid = queued.body.uniqueid as string;
    expect(await client.next('ringing')).toMatchObject({ uniqueid, peer: ANDREA, queue: 'Sales' });
    expect(await post('custom-variables', { uniqueid, variables: { customer: 'ACME' } })).toMatchObject({
      status: 200,
    });
    expect(await post('answer', { uniqueid })).toEqual({ status: 200, body: { ok: true } });
    expect((await client.next('up')).customvariables).toEqual({
      [uniqueid]: { ordernumber: '42', customer: 'ACME' },
    });
    expect((await get('calls')).body).toMatchObject([{ uniqueid, state: 'up', phonebarStatus: 8 }]);
    await post('hold', { on: true });
    expect((await phonebar(env.sim, '/api/calls')).body).toMatchObject([{ status: 64 }]);
    await post('hangup', { by: 'agent' });
    expect(await client.next('hangup')).toMatchObject({ uniqueid, reason: 'agent' });
    expect(((await get('sent')).body as unknown as { name: string }[]).map((sent) => sent.name)).toEqual([
      'ringing',
      'up',
      'hangup',
    ]);
    expect((await controlHttp(env.sim, 'sent?name=up')).body).toHaveLength(1);
  });

  it('abandons, rings a waiting call, and answers outbound calls', async () => {
    const waiting = (await post('queue-call', { queue: 'Support', callernum: '1', peer: null })).body
      .uniqueid;
    await post('abandon', { uniqueid: waiting });
    expect(await client.next('abandon')).toMatchObject({ uniqueid: waiting });
    const later = (await post('queue-call', { queue: 'Support', callernum: '2', peer: null })).body.uniqueid;
    await post('ring', { uniqueid: later, peer: JOHN });
    expect(await client.next('ringing')).toMatchObject({ uniqueid: later, peer: JOHN });
    await post('ring-no-answer', { peer: JOHN });
    expect((await get('calls')).body).toMatchObject([{ uniqueid: later, state: 'queued' }]);

    await post('field-set', { fieldSet: 'minimal' });
    await post('outbound-up-hangup', { on: true });
    const outbound = (await post('outbound-call', { peer: JOHN, number: '0612345678' })).body.uniqueid;
    expect(await client.next('outbound')).not.toHaveProperty('channel');
    await post('far-end-answer', { uniqueid: outbound });
    expect(await client.next('up')).toMatchObject({ uniqueid: outbound, direction: 'outbound' });
    await post('answer-delay', { ms: 10 });
    await post('answer-delay', { ms: null });
  });

  it('pushes AgentCTI and AgentCTINotification to one peer and lists what was received', async () => {
    expect(await post('agent-cti', { url: 'https://crm.example/1', peer: ANDREA, mode: 'new_tab' })).toEqual({
      status: 200,
      body: { delivered: 1 },
    });
    expect(await andrea.next('AgentCTI')).toEqual({
      url: 'https://crm.example/1',
      peer: ANDREA,
      mode: 'new_tab',
    });
    await post('agent-cti-notification', { peer: ANDREA, type: 'info', title: 'Hi', body: 'There' });
    expect(await andrea.next('AgentCTINotification')).toEqual({
      peer: ANDREA,
      type: 'info',
      title: 'Hi',
      body: 'There',
    });
    client.emit('RealtimeCTI', { type: 'crm', channel: {}, reference: 1, url: 'https://crm.example/1' });
    await env.sim.control.waitForReceived('RealtimeCTI');
    const received = (await controlHttp(env.sim, 'received?name=RealtimeCTI')).body as unknown as unknown[];
    expect(received).toMatchObject([{ name: 'RealtimeCTI', deliveredTo: 0, from: { protocol: 4 } }]);
    expect((await get('received')).body).toHaveLength(3);
    expect(((await get('clients')).body as unknown as { peer: string | null }[]).map((c) => c.peer)).toEqual([
      null,
      ANDREA,
    ]);
    expect(client.events).toEqual([]);
  });

  it('resets calls and logs, and answers errors as JSON', async () => {
    await post('queue-call', { queue: 'Support', callernum: '1' });
    await phonebar(env.sim, '/api/calls');
    await post('field-set', { fieldSet: 'minimal' });
    expect(await post('reset')).toEqual({ status: 200, body: { ok: true } });
    expect((await get('calls')).body).toEqual([]);
    expect((await get('sent')).body).toEqual([]);
    expect((await get('phonebar-requests')).body).toEqual([]);
    expect((await get('clients')).body).toHaveLength(2);
    await post('queue-call', { queue: 'Support', callernum: '1', peer: ANDREA });
    expect(await client.next('ringing')).toMatchObject({
      uniqueid: expect.stringMatching(/\.94$/),
      channel: expect.any(String),
    });

    expect(await post('queue-call', { queue: 'Support' })).toEqual({
      status: 400,
      body: { error: 'callernum is required' },
    });
    expect(await post('answer', { uniqueid: 'nope' })).toEqual({
      status: 409,
      body: { error: 'no call nope' },
    });
    expect(await post('field-set', { fieldSet: 'tiny' })).toMatchObject({ status: 400 });
    expect(await post('hangup', { by: 'nobody' })).toMatchObject({ status: 400 });
    expect(await post('explode')).toEqual({ status: 404, body: { error: 'no control route explode' } });
    expect(await controlHttp(env.sim, 'calls', {}, 'POST')).toEqual({
      status: 405,
      body: { error: 'use GET' },
    });
    expect(await controlHttp(env.sim, 'reset', undefined, 'GET')).toEqual({
      status: 405,
      body: { error: 'use POST' },
    });
    const notJson = await fetch(`${env.sim.url}/control/answer`, { method: 'POST', body: '{' });
    expect(notJson.status).toBe(400);
    expect((await fetch(`${env.sim.url}/`)).status).toBe(404);
  });
});
