import * as v from 'valibot';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Call } from '../../../src/core/call';
import type { VendorEvent } from '../../../src/core/vendor-events';
import type { AdapterContext } from '../../../src/vendors/contract';
import { findVendor } from '../../../src/vendors/registry';
import { MEMORY_MAX_AGE_MS, XcallyAdapter } from '../../../src/vendors/xcally/adapter';
import { KEEPALIVE_EVENT, QUIET_MS } from '../../../src/vendors/xcally/keepalive';
import { STABLE_MS } from '../../../src/vendors/xcally/link';
import { PhonebarWatch } from '../../../src/vendors/xcally/phonebar-watch';
import { type XcallySettings, xcallySettingsSchema } from '../../../src/vendors/xcally/settings';
import { fakePhonebar } from './fake-phonebar';
import { fakeSockets } from './fake-socket';
import { ANDREA, queueCall } from './samples';

const PHONEBAR = 'http://127.0.0.1:9888';

function settings(extra: Record<string, unknown> = {}): XcallySettings {
  return v.parse(xcallySettingsSchema, {
    url: 'https://xcally.example.com:8888',
    peer: ANDREA,
    phonebarUrl: PHONEBAR,
    ...extra,
  });
}

function setup(extra: Record<string, unknown> = {}, store = new Map<string, unknown>()) {
  const sockets = fakeSockets();
  const phonebar = fakePhonebar();
  const logs: { level: string; message: string; detail?: unknown }[] = [];
  const ctx: AdapterContext = {
    store: {
      get: async <T>(key: string) => structuredClone(store.get(key)) as T | undefined,
      set: async (key, value) => void store.set(key, structuredClone(value)),
    },
    now: () => Date.now(),
    log: (level, message, detail?: unknown) =>
      logs.push({ level, message, ...(detail === undefined ? {} : { detail }) }),
    frames: { sandboxPage: '', open: async () => Promise.reject(new Error('no frames')) },
  };
  const adapter = new XcallyAdapter(settings(extra), ctx, { socket: sockets.factory, fetch: phonebar.fetch });
  const events: VendorEvent[] = [];
  adapter.onEvent((e) => events.push(e));
  const of = <T extends VendorEvent['type']>(type: T) =>
    events.filter((e): e is Extract<VendorEvent, { type: T }> => e.type === type);
  const connections = () => of('connection').map((e) => [e.status, e.message]);
  return { adapter, sockets, phonebar, events, of, connections, logs, store };
}

/** Connected, with the events so far cleared. */
async function connected(extra: Record<string, unknown> = {}, store?: Map<string, unknown>) {
  const t = setup(extra, store);
  const connecting = t.adapter.connect(new AbortController().signal);
  await vi.waitFor(() => expect(t.sockets.sockets).toHaveLength(1));
  t.sockets.last().connect();
  await connecting;
  t.events.length = 0;
  return t;
}

let adapters: XcallyAdapter[] = [];
afterEach(async () => {
  vi.useRealTimers();
  for (const adapter of adapters) await adapter.dispose();
  adapters = [];
});

describe('xCALLY adapter: the connection', () => {
  it('is in the registry with its form', () => {
    expect(findVendor('xcally')).toMatchObject({ id: 'xcally', label: 'xCALLY' });
    expect(findVendor('xcally')?.settingsForm?.length).toBeGreaterThan(5);
  });

  it('connects with the peer in the handshake, then reports its picture and "connected"', async () => {
    const t = setup({ engineIo: 4, path: '/rt', query: { token: 'abc' } });
    adapters.push(t.adapter);
    const connecting = t.adapter.connect(new AbortController().signal);
    await vi.waitFor(() => expect(t.sockets.sockets).toHaveLength(1));
    expect(t.sockets.last().options).toEqual({
      url: 'https://xcally.example.com:8888',
      path: '/rt',
      engineIo: 4,
      query: { token: 'abc', peer: ANDREA },
      timeoutMs: 10_000,
    });
    expect(t.connections()).toEqual([['connecting', undefined]]);
    t.sockets.last().connect();
    await connecting;
    expect(t.events.map((e) => e.type)).toEqual(['connection', 'snapshot', 'connection']);
    expect(t.of('snapshot')[0]).toMatchObject({ agentState: 'ready', calls: [] });
    expect(t.connections().at(-1)).toEqual(['connected', undefined]);
    // socket.io's own reconnection takes over once the first connection is up.
    expect(t.sockets.last().reconnecting).toBe(true);
  });

  it('rejects the first connection with a message, so the hub retries with its backoff', async () => {
    const t = setup();
    adapters.push(t.adapter);
    const connecting = t.adapter.connect(new AbortController().signal);
    await vi.waitFor(() => expect(t.sockets.sockets).toHaveLength(1));
    t.sockets
      .last()
      .fire('connect_error', Object.assign(new Error('websocket error'), { type: 'TransportError' }));
    await expect(connecting).rejects.toThrow(
      'Could not reach the xCALLY realtime server at https://xcally.example.com:8888/socket.io (websocket error). Check "url" and "path", that the server is running, and "engineIo" (now 3, for socket.io 2 servers such as xCALLY Shuttle).',
    );
    expect(t.sockets.last().closed).toBe(true);
    expect(t.sockets.last().reconnecting).toBe(false);
    // The hub's retry makes a fresh socket.
    const again = t.adapter.connect(new AbortController().signal);
    await vi.waitFor(() => expect(t.sockets.sockets).toHaveLength(2));
    t.sockets.last().fire('error', 'unauthorized');
    await expect(again).rejects.toThrow(
      'The xCALLY realtime server at https://xcally.example.com:8888/socket.io refused the connection: unauthorized. Check "peer" and the handshake values in "query".',
    );
  });

  it('honours the abort signal', async () => {
    const t = setup();
    adapters.push(t.adapter);
    const abort = new AbortController();
    const connecting = t.adapter.connect(abort.signal);
    await vi.waitFor(() => expect(t.sockets.sockets).toHaveLength(1));
    abort.abort(new Error('profile changed'));
    await expect(connecting).rejects.toThrow('profile changed');
    expect(t.sockets.last().closed).toBe(true);
  });

  it('says it is reconnecting, with each attempt, and keeps the calls', async () => {
    const t = await connected();
    adapters.push(t.adapter);
    const socket = t.sockets.last();
    socket.server('ringing', queueCall('1.1').ringing);
    socket.drop();
    socket.io.fire('reconnect_attempt', 1);
    socket.io.fire('reconnect_attempt', 2);
    socket.fire('connect_error', Object.assign(new Error('websocket error'), { type: 'TransportError' }));
    socket.connect();
    expect(t.connections()).toEqual([
      ['reconnecting', 'Lost the xCALLY realtime server; reconnecting…'],
      ['reconnecting', 'Lost the xCALLY realtime server; reconnecting (attempt 1)…'],
      ['reconnecting', 'Lost the xCALLY realtime server; reconnecting (attempt 2)…'],
      ['connected', undefined],
    ]);
    expect(t.of('snapshot').at(-1)).toMatchObject({ calls: [{ vendorCallId: '1.1', state: 'ringing' }] });
    // socket.io reconnected the same socket: no new one was made.
    expect(t.sockets.sockets).toHaveLength(1);
  });

  it('makes a new connection itself when the server closes it on purpose', async () => {
    const t = await connected();
    adapters.push(t.adapter);
    vi.useFakeTimers();
    t.sockets.last().drop('io server disconnect');
    expect(t.connections()).toEqual([
      ['reconnecting', 'The xCALLY realtime server closed the connection; reconnecting in 1 s (attempt 1)…'],
    ]);
    expect(t.sockets.last().closed).toBe(true);
    vi.advanceTimersByTime(1000);
    expect(t.sockets.sockets).toHaveLength(2);
    t.sockets
      .last()
      .fire('connect_error', Object.assign(new Error('websocket error'), { type: 'TransportError' }));
    expect(t.connections().at(-1)).toEqual([
      'reconnecting',
      'Reconnecting failed (websocket error); reconnecting in 2 s (attempt 2)…',
    ]);
    vi.advanceTimersByTime(2000);
    t.sockets.last().connect();
    expect(t.connections().at(-1)).toEqual(['connected', undefined]);
  });

  it('keeps the worker awake when the line is quiet', async () => {
    vi.useFakeTimers();
    const t = setup();
    adapters.push(t.adapter);
    const connecting = t.adapter.connect(new AbortController().signal);
    await vi.waitFor(() => expect(t.sockets.sockets).toHaveLength(1));
    t.sockets.last().connect();
    await connecting;
    const keepalives = () => t.sockets.last().sent.filter((s) => s.name === KEEPALIVE_EVENT).length;
    vi.advanceTimersByTime(QUIET_MS - 1000);
    t.sockets.last().engine.fire('packet');
    vi.advanceTimersByTime(QUIET_MS - 1000);
    expect(keepalives()).toBe(0);
    vi.advanceTimersByTime(1000);
    expect(keepalives()).toBe(1);
  });
});

describe('xCALLY adapter: events and pushes', () => {
  it("shows the agent's calls and not another agent's", async () => {
    const t = await connected();
    adapters.push(t.adapter);
    t.sockets
      .last()
      .server('ringing', queueCall('2.1', { peer: 'SIP/john.doe', sipname: 'john.doe' }).ringing);
    expect(t.events).toEqual([]);
    t.sockets.last().server('ringing', queueCall('2.2').ringing);
    expect(t.of('callOffered')[0]?.call.vendorCallId).toBe('2.2');
  });

  it('opens the pages AgentCTI asks for this agent, tied to the live call', async () => {
    const t = await connected();
    adapters.push(t.adapter);
    const socket = t.sockets.last();
    socket.server('ringing', queueCall('3.1').ringing);
    socket.server('AgentCTI', { url: 'https://crm.example.com/x', peer: ANDREA, mode: 'new_frame' });
    socket.server('AgentCTI', { url: 'https://crm.example.com/y', peer: 'SIP/john.doe', mode: 'new_tab' });
    expect(t.of('openPage')).toMatchObject([
      { url: 'https://crm.example.com/x', mode: 'frame', vendorCallId: '3.1' },
    ]);
    expect(t.logs.filter((l) => l.level === 'warn')).toEqual([]);
  });

  it('shows AgentCTINotification for this agent as a desktop notice', async () => {
    const t = await connected();
    adapters.push(t.adapter);
    t.sockets
      .last()
      .server('AgentCTINotification', { peer: ANDREA, type: 'error', title: 'CRM', body: 'Down' });
    t.sockets
      .last()
      .server('AgentCTINotification', { peer: 'SIP/john.doe', type: 'info', title: 'x', body: 'y' });
    expect(t.of('notice')).toMatchObject([{ level: 'error', title: 'CRM', text: 'Down', desktop: true }]);
  });

  it('reports screen-pops to Realtime when asked to', async () => {
    const t = await connected({ realtimeCti: { enabled: true, appName: 'Acme CRM' } });
    adapters.push(t.adapter);
    const call = queueCall('4.1', { customvariables: { '4.1': { ordernumber: 'A-1' } } });
    t.sockets.last().server('ringing', call.ringing);
    t.adapter.screenPopped({
      vendorCallId: '4.1',
      url: 'https://crm.example.com/c/1003',
      rule: 'case',
      call: {} as Call,
    });
    const emits = t.sockets.last().sent.filter((s) => s.name === 'RealtimeCTI');
    expect(emits).toHaveLength(1);
    expect(emits[0]!.payload).toMatchObject({
      type: 'Acme CRM',
      reference: 'case',
      url: 'https://crm.example.com/c/1003',
      channel: { uniqueid: '4.1', callernum: '1003', ordernumber: 'A-1', time: expect.any(String) },
    });
  });

  it('reports nothing to Realtime by default', async () => {
    const t = await connected();
    adapters.push(t.adapter);
    t.sockets.last().server('ringing', queueCall('4.2').ringing);
    t.adapter.screenPopped({
      vendorCallId: '4.2',
      url: 'https://crm.example.com',
      rule: 'r',
      call: {} as Call,
    });
    expect(t.sockets.last().sent.filter((s) => s.name === 'RealtimeCTI')).toEqual([]);
  });

  it('comes back with its calls after a worker restart', async () => {
    const store = new Map<string, unknown>();
    const first = await connected({}, store);
    first.sockets.last().server('ringing', queueCall('5.1').ringing);
    await first.adapter.dispose();
    const t = setup({}, store);
    adapters.push(t.adapter);
    const connecting = t.adapter.connect(new AbortController().signal);
    await vi.waitFor(() => expect(t.sockets.sockets).toHaveLength(1));
    t.sockets.last().connect();
    await connecting;
    expect(t.of('snapshot')[0]).toMatchObject({ calls: [{ vendorCallId: '5.1', state: 'ringing' }] });
  });
});

describe('xCALLY adapter: commands through the Phonebar', () => {
  it('offers dial, answer, decline and hang-up with a Phonebar, and nothing else', () => {
    const { adapter } = setup();
    expect(adapter.capabilities).toMatchObject({
      dial: true,
      answer: true,
      reject: true,
      hangup: true,
      hold: false,
      mute: false,
      dtmf: false,
      blindTransfer: false,
      attendedTransfer: false,
      agentStates: [],
      setCallData: false,
    });
  });

  it('offers nothing without a Phonebar, and says what is missing', async () => {
    const t = await connected({ phonebarUrl: undefined });
    adapters.push(t.adapter);
    expect(Object.values(t.adapter.capabilities).filter((value) => value === true)).toEqual([]);
    await expect(t.adapter.execute({ type: 'dial', number: '123' })).rejects.toThrow(
      'Dialing needs the xCALLY Phonebar: add "phonebarUrl" to the profile, e.g. "http://127.0.0.1:9888".',
    );
  });

  it('dials: offered at once, followed on the Phonebar until the far end answers and hangs up', async () => {
    const t = await connected();
    adapters.push(t.adapter);
    await t.adapter.execute({ type: 'dial', number: '+33 1 70 36 39 50' });
    expect(t.phonebar.paths()).toEqual(['/api/originate/%2B33170363950']);
    expect(t.of('callOffered')[0]?.call).toMatchObject({
      direction: 'outbound',
      state: 'dialing',
      remoteNumber: '+33170363950',
    });
    t.phonebar.calls[0]!.status = 8;
    await vi.waitFor(() => expect(t.of('callAnswered')).toHaveLength(1), { timeout: 3000 });
    t.phonebar.calls.length = 0;
    await vi.waitFor(() => expect(t.of('callEnded')).toMatchObject([{ reason: 'remoteHangup' }]), {
      timeout: 3000,
    });
    // Idle again: the polling stops.
    const asked = t.phonebar.urls.length;
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(t.phonebar.urls.length).toBe(asked);
  });

  it('refuses to dial what is not a number', async () => {
    const t = await connected();
    adapters.push(t.adapter);
    await expect(t.adapter.execute({ type: 'dial', number: 'call me maybe' })).rejects.toThrow(
      /not a phone number/,
    );
    await expect(t.adapter.execute({ type: 'dial', number: '+44 20 7946 0958;ext=12' })).rejects.toThrow(
      /without extensions: dial \+442079460958/,
    );
    expect(t.phonebar.urls).toEqual([]);
  });

  it('answers a ringing call by its Phonebar session, then hangs it up', async () => {
    const t = await connected();
    adapters.push(t.adapter);
    t.phonebar.calls.push({ sessionId: 's-7', number: '1003', status: 32, direction: 'inbound' });
    t.sockets.last().server('ringing', queueCall('6.1').ringing);
    await t.adapter.execute({ type: 'answer', vendorCallId: '6.1' });
    expect(t.phonebar.paths().filter((p) => !p.endsWith('/calls'))).toEqual(['/api/answer/s-7']);
    t.sockets.last().server('up', queueCall('6.1').up);
    expect(t.of('callAnswered')).toHaveLength(1);
    await t.adapter.execute({ type: 'hangup', vendorCallId: '6.1' });
    expect(t.phonebar.paths().at(-1)).toBe('/api/hangup/s-7');
    expect(t.of('callEnded')).toMatchObject([{ vendorCallId: '6.1', reason: 'hangup' }]);
    // The realtime hangup that follows is expected: no warning.
    t.sockets.last().server('hangup', queueCall('6.1').hangup('agent'));
    expect(t.logs.filter((l) => l.level === 'warn')).toEqual([]);
  });

  it('answers with /api/answer when the Phonebar does not list the call', async () => {
    const t = await connected();
    adapters.push(t.adapter);
    t.phonebar.calls.push({ sessionId: 's-1', number: '999', status: 32 });
    t.sockets.last().server('ringing', queueCall('6.2').ringing);
    await t.adapter.execute({ type: 'answer', vendorCallId: '6.2' });
    expect(t.phonebar.paths().filter((p) => !p.endsWith('/calls'))).toEqual(['/api/answer']);
    expect(t.of('callAnswered')).toHaveLength(1);
  });

  it('declines a ringing call', async () => {
    const t = await connected();
    adapters.push(t.adapter);
    t.phonebar.calls.push({ sessionId: 's-2', number: '1003', status: 32 });
    t.sockets.last().server('ringing', queueCall('6.3').ringing);
    await t.adapter.execute({ type: 'reject', vendorCallId: '6.3' });
    expect(t.phonebar.paths().at(-1)).toBe('/api/hangup/s-2');
    expect(t.of('callEnded')).toMatchObject([{ reason: 'rejected' }]);
  });

  it('will not hang up every call to end one it cannot find', async () => {
    const t = await connected();
    adapters.push(t.adapter);
    t.sockets.last().server('ringing', queueCall('6.4').ringing);
    t.sockets.last().server('ringing', queueCall('6.5', { callernum: '2004' }).ringing);
    await expect(t.adapter.execute({ type: 'hangup', vendorCallId: '6.4' })).rejects.toThrow(
      /would end every call: hang it up on the phone/,
    );
  });

  it("passes the Phonebar's failure on, and warns once while polling fails", async () => {
    const t = await connected();
    adapters.push(t.adapter);
    t.phonebar.setDown(true);
    await expect(t.adapter.execute({ type: 'dial', number: '123456' })).rejects.toThrow(
      'The xCALLY Phonebar at http://127.0.0.1:9888 did not answer; is it running?',
    );
    t.sockets.last().server('ringing', queueCall('7.1').ringing);
    await new Promise((resolve) => setTimeout(resolve, 2300));
    expect(t.of('notice').map((n) => n.text)).toEqual([
      'The xCALLY Phonebar at http://127.0.0.1:9888 did not answer; is it running? Until it answers, the bar may not show how your calls are going.',
    ]);
  });

  it('refuses what xCALLY cannot do', async () => {
    const t = await connected();
    adapters.push(t.adapter);
    t.sockets.last().server('up', queueCall('8.1').up);
    await expect(t.adapter.execute({ type: 'hold', vendorCallId: '8.1' })).rejects.toThrow(
      'Hold is not supported by xCALLY.',
    );
    await expect(t.adapter.execute({ type: 'answer', vendorCallId: 'gone' })).rejects.toThrow(
      'already ended',
    );
  });
});

describe('xCALLY adapter: review fixes', () => {
  it('backs off a server that accepts, then kicks: the backoff starts over only after a stable link', async () => {
    const t = await connected();
    adapters.push(t.adapter);
    vi.useFakeTimers();
    t.sockets.last().drop('io server disconnect');
    vi.advanceTimersByTime(1000);
    t.sockets.last().connect();
    t.sockets.last().drop('io server disconnect');
    expect(t.connections().at(-1)?.[1]).toContain('reconnecting in 2 s (attempt 2)');
    vi.advanceTimersByTime(2000);
    t.sockets.last().connect();
    vi.advanceTimersByTime(STABLE_MS);
    t.sockets.last().drop('io server disconnect');
    expect(t.connections().at(-1)?.[1]).toContain('reconnecting in 1 s (attempt 1)');
  });

  it('respawns later when a reconnection after being up is refused', async () => {
    const t = await connected();
    adapters.push(t.adapter);
    vi.useFakeTimers();
    const socket = t.sockets.last();
    socket.drop();
    socket.fire('connect_error', new Error('unauthorized'));
    expect(t.connections().at(-1)).toEqual([
      'reconnecting',
      'The xCALLY realtime server refused the reconnection (unauthorized); reconnecting in 1 s (attempt 1)…',
    ]);
    expect(socket.closed).toBe(true);
    vi.advanceTimersByTime(1000);
    expect(t.sockets.sockets).toHaveLength(2);
    t.sockets.last().connect();
    expect(t.connections().at(-1)).toEqual(['connected', undefined]);
  });

  it('logs socket errors as text without the URL query (no token)', async () => {
    const t = await connected({ query: { token: 'secret' } });
    adapters.push(t.adapter);
    const socket = t.sockets.last();
    socket.fire('error', { message: 'failed wss://xcally.example.com:8888/socket.io/?token=secret&peer=x' });
    socket.drop();
    socket.fire(
      'connect_error',
      Object.assign(new Error('xhr poll error at https://xcally.example.com/socket.io/?token=secret'), {
        type: 'TransportError',
      }),
    );
    expect(JSON.stringify(t.logs)).not.toContain('secret');
    expect(t.logs.map((l) => l.message).join('\n')).toContain('wss://xcally.example.com:8888/socket.io/');
    expect(t.logs.filter((l) => l.detail !== undefined && l.message.includes('error'))).toEqual([]);
  });

  it('drops a saved call picture older than the age limit, or saved for another profile', async () => {
    const store = new Map<string, unknown>();
    const first = await connected({}, store);
    first.sockets.last().server('ringing', queueCall('5.2').ringing);
    await first.adapter.dispose();
    const restart = async (extra: Record<string, unknown> = {}) => {
      const t = setup(extra, new Map(store));
      adapters.push(t.adapter);
      const connecting = t.adapter.connect(new AbortController().signal);
      await vi.waitFor(() => expect(t.sockets.sockets).toHaveLength(1));
      t.sockets.last().connect();
      await connecting;
      return t.of('snapshot')[0];
    };
    expect(await restart()).toMatchObject({ calls: [{ vendorCallId: '5.2' }] });
    expect(await restart({ peer: 'SIP/john.doe' })).toMatchObject({ calls: [] });
    const saved = store.get('xcally.tracker') as { savedAt: number };
    store.set('xcally.tracker', { ...saved, savedAt: Date.now() - MEMORY_MAX_AGE_MS - 1 });
    expect(await restart()).toMatchObject({ calls: [] });
  });

  it('caps AgentCTI pages at 5 per 10 s, with one warning', async () => {
    const t = await connected();
    adapters.push(t.adapter);
    for (let i = 0; i < 8; i += 1)
      t.sockets
        .last()
        .server('AgentCTI', { url: `https://crm.example.com/${i}`, peer: ANDREA, mode: 'new_tab' });
    expect(t.of('openPage')).toHaveLength(5);
    expect(t.of('notice')).toHaveLength(1);
  });

  it('refuses a bare answer when the Phonebar lists more than one call', async () => {
    const t = await connected();
    adapters.push(t.adapter);
    t.phonebar.calls.push(
      { sessionId: 's-1', number: '999', status: 32 },
      { sessionId: 's-2', number: '998', status: 32 },
    );
    t.sockets.last().server('ringing', queueCall('6.3').ringing);
    await expect(t.adapter.execute({ type: 'answer', vendorCallId: '6.3' })).rejects.toThrow(
      /answer it on the phone/,
    );
    expect(t.phonebar.paths().filter((p) => !p.endsWith('/calls'))).toEqual([]);
  });

  it('does not send a bare hangup when the call ended while the Phonebar list was read', async () => {
    const t = await connected();
    adapters.push(t.adapter);
    const call = queueCall('6.4');
    t.sockets.last().server('ringing', call.ringing);
    t.sockets.last().server('up', call.up);
    t.phonebar.hooks.beforeCalls = () => t.sockets.last().server('hangup', call.hangup('caller'));
    await expect(t.adapter.execute({ type: 'hangup', vendorCallId: '6.4' })).rejects.toThrow('already ended');
    expect(t.phonebar.paths().filter((p) => !p.endsWith('/calls'))).toEqual([]);
  });

  it('ignores a Phonebar list whose read started before the calls changed', async () => {
    let answer: (calls: never[]) => void = () => {};
    const seen: unknown[] = [];
    const watch = new PhonebarWatch(
      { calls: () => new Promise((resolve) => (answer = resolve)) },
      { active: () => true, calls: (calls) => seen.push(calls), failed: () => {} },
    );
    const reading = watch.now();
    watch.changed();
    answer([]);
    await reading;
    expect(seen).toEqual([]);
    const fresh = watch.now();
    answer([]);
    await fresh;
    expect(seen).toEqual([[]]);
  });
});
