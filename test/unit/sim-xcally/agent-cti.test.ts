import { io } from 'socket.io-client';
import ioV2 from 'socket.io-client-v2';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connect, type Setup, setup, sleep, until } from './harness';

const ANDREA = 'SIP/andrea.bianco';
const JOHN = 'SIP/john.doe';

describe('xCALLY simulator: AgentCTI, AgentCTINotification, RealtimeCTI', () => {
  let env: Setup;

  beforeEach(async () => {
    env = await setup();
  });
  afterEach(() => env.stop());

  it("forwards a service's AgentCTI to the named peer's clients only, across client generations", async () => {
    const service = await env.connect(2);
    const andrea = await env.connect(4, { peer: ANDREA });
    const john = await env.connect(2, { peer: JOHN });
    const wakeup = { url: 'http://webservice1/sales?ordernumber=42', peer: ANDREA, mode: 'new_frame' };
    service.emit('AgentCTI', wakeup);
    expect(await andrea.next('AgentCTI')).toEqual(wakeup);
    const [received] = await env.sim.control.received({ name: 'AgentCTI' });
    expect(received).toMatchObject({
      payload: wakeup,
      extra: [],
      deliveredTo: 1,
      from: { peer: null, protocol: 3 },
    });

    const notice = { peer: JOHN, type: 'info', title: 'Order', body: 'Order 42 is late' };
    const v4Service = await env.connect(4);
    v4Service.emit('AgentCTINotification', notice);
    expect(await john.next('AgentCTINotification')).toEqual(notice);
    expect(await env.sim.control.waitForReceived('AgentCTINotification')).toMatchObject({
      deliveredTo: 1,
      from: { peer: null, protocol: 4 },
    });
    await sleep(50);
    expect(andrea.events.map((event) => event.name)).toEqual(['AgentCTI']);
    expect(john.events.map((event) => event.name)).toEqual(['AgentCTINotification']);
    expect(service.events).toEqual([]);
    expect(v4Service.events).toEqual([]);
  });

  it('records RealtimeCTI with its sender and forwards it to nobody', async () => {
    const andrea = await env.connect(4, { peer: ANDREA });
    const service = await env.connect(4, { query: { app: 'crm' } });
    const pushed = {
      type: 'Zendesk',
      channel: { uniqueid: '1599601698.94', time: '2020-09-08T21:48:18.000Z' },
      reference: 'ticket-7',
      url: 'https://example.zendesk.com/tickets/7',
    };
    service.emit('RealtimeCTI', pushed);
    const received = await env.sim.control.waitForReceived('RealtimeCTI');
    const clients = await env.sim.control.clients();
    const serviceId = clients.find((client) => client.query.app === 'crm')!.id;
    expect(received).toMatchObject({
      payload: pushed,
      deliveredTo: 0,
      from: { id: serviceId, peer: null, protocol: 4 },
    });
    await sleep(50);
    expect(andrea.events).toEqual([]);
  });

  it('pushes AgentCTI and AgentCTINotification from the control to every client of one peer', async () => {
    const andreaV4 = await env.connect(4, { peer: ANDREA });
    const andreaV2 = await env.connect(2, { peer: ANDREA });
    const john = await env.connect(4, { peer: JOHN });
    const { control } = env.sim;
    expect(
      await control.agentCti({ url: 'https://crm.example/contact/1', peer: ANDREA, mode: 'new_tab' }),
    ).toBe(2);
    for (const client of [andreaV4, andreaV2]) {
      expect(await client.next('AgentCTI')).toEqual({
        url: 'https://crm.example/contact/1',
        peer: ANDREA,
        mode: 'new_tab',
      });
    }
    expect(await control.agentCtiNotification({ peer: ANDREA, type: 'warning', title: 'T', body: 'B' })).toBe(
      2,
    );
    await andreaV2.next('AgentCTINotification');
    expect(await control.agentCti({ url: 'https://x', peer: 'SIP/nobody', mode: 'new_tab' })).toBe(0);
    expect((await control.received()).map((emit) => [emit.name, emit.from, emit.deliveredTo])).toEqual([
      ['AgentCTI', null, 2],
      ['AgentCTINotification', null, 2],
      ['AgentCTI', null, 0],
    ]);
    await sleep(50);
    expect(john.events).toEqual([]);
  });

  it('lists the connected clients with their peer, engine.io protocol, transport and query', async () => {
    await env.connect(2, { peer: ANDREA });
    await env.connect(4, { query: { token: 'x', app: 'crm' } });
    const clients = await env.sim.control.clients();
    expect(
      clients.map(({ peer, protocol, transport, query }) => ({ peer, protocol, transport, query })),
    ).toEqual([
      { peer: ANDREA, protocol: 3, transport: 'websocket', query: { peer: ANDREA } },
      { peer: null, protocol: 4, transport: 'websocket', query: { token: 'x', app: 'crm' } },
    ]);
  });

  it('also takes clients on HTTP long-polling (socket.io 2 and 4 defaults)', async () => {
    const v4 = io(env.sim.url, { forceNew: true, transports: ['polling'], query: { peer: ANDREA } });
    const v2 = ioV2(env.sim.url, { forceNew: true, transports: ['polling'], query: { peer: JOHN } });
    try {
      const clients = await env.sim.control.waitForClients(2);
      expect(clients.map((client) => [client.peer, client.protocol, client.transport]).sort()).toEqual([
        [ANDREA, 4, 'polling'],
        [JOHN, 3, 'polling'],
      ]);
      const got: unknown[] = [];
      v2.on('AgentCTI', (payload: never) => got.push(payload));
      await env.sim.control.agentCti({ url: 'https://x', peer: JOHN, mode: 'new_window' });
      await until(() => got.length === 1, 'AgentCTI over polling');
    } finally {
      v4.close();
      v2.close();
    }
  });
});

describe('xCALLY simulator: path and token', () => {
  it('serves socket.io on a configured path and wants the configured token', async () => {
    const env = await setup({ path: '/realtime/socket.io', token: 's3cret' });
    try {
      const refused = io(env.sim.url, { path: '/realtime/socket.io', forceNew: true, reconnection: false });
      const error = await new Promise<Error>((resolve) => refused.on('connect_error', resolve));
      expect(error.message).toBe('unauthorized');
      refused.close();
      await connect(env.sim, 2, { query: { token: 's3cret' } }).then((client) => client.close());
      const v4 = io(env.sim.url, { path: '/realtime/socket.io', forceNew: true, auth: { token: 's3cret' } });
      await until(() => v4.connected, 'a v4 client with auth');
      v4.close();
    } finally {
      await env.stop();
    }
  });
});
