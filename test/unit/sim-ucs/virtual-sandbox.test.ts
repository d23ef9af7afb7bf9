import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startUcsSim, UCS_VERSION, type UcsSim } from '../../../sim/ucs';
import { createVirtualSandboxHost, type VirtualSandboxHost } from '../../../sim/ucs/virtual-sandbox';
import { sandboxScript } from '../../../sim/ucs/virtual-sandbox/build';
import { manifestSandboxCsp, parseCsp } from '../../../sim/ucs/virtual-sandbox/csp';
import { VirtualPage, type WindowMessageFrom } from '../../../sim/ucs/virtual-sandbox/page';
import type { FromSandbox, ToSandbox } from '../../../src/sandbox/protocol';
import type { FrameChannel, FrameSpec } from '../../../src/vendors/frame-host';

const KEY = 'ucs:test';
const RELEASE_MS = 300;

/** Waits for `predicate` (polling), failing with `what` and `detail()` after `timeoutMs`. */
async function until<T>(
  what: string,
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  detail: () => unknown = () => '',
  timeoutMs = 3000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(detail())}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A channel with what came through it. */
class Attached {
  readonly messages: FromSandbox[] = [];
  loads = 0;
  private nextId = 1;

  constructor(readonly channel: FrameChannel) {
    channel.onMessage((data) => this.messages.push(data as FromSandbox));
    channel.onLoad(() => {
      this.loads += 1;
    });
  }

  post(message: ToSandbox): void {
    this.channel.post(message);
  }

  /** The callbacks named `name` so far. */
  callbacks(name: string): Extract<FromSandbox, { type: 'callback' }>[] {
    return this.messages.filter(
      (message): message is Extract<FromSandbox, { type: 'callback' }> =>
        message.type === 'callback' && message.name === name,
    );
  }

  /** The callback names so far, in order. */
  names(): string[] {
    return this.messages.flatMap((message) =>
      message.type === 'callback' ? [message.name] : [message.type],
    );
  }

  /** The last `name` callback, waiting for it. */
  callback(name: string) {
    return until(
      `${name}`,
      () => this.callbacks(name).at(-1),
      () => this.names(),
    );
  }

  message<T extends FromSandbox['type']>(type: T) {
    return until(
      type,
      () =>
        this.messages.find((message): message is Extract<FromSandbox, { type: T }> => message.type === type),
      () => this.names(),
    );
  }

  /** Calls `window.ucsOperator[method](...args)` in the page and waits for the result. */
  async call(method: string, ...args: unknown[]) {
    const id = this.nextId++;
    this.post({ type: 'call', id, method, args });
    return until(
      `the result of ${method}`,
      () =>
        this.messages.find(
          (message): message is Extract<FromSandbox, { type: 'result' }> =>
            message.type === 'result' && message.id === id,
        ),
      () => this.names(),
    );
  }
}

describe('virtual sandbox host: the real src/sandbox/main.ts in node:vm with the UCS simulator', () => {
  let sim: UcsSim;
  let host: VirtualSandboxHost;

  const spec = (overrides: Partial<FrameSpec> = {}): FrameSpec => ({
    key: KEY,
    url: host.sandboxPage,
    origin: 'null',
    sandboxed: true,
    allow: 'microphone; autoplay',
    ...overrides,
  });

  const config = () => ({ api: sim.api, headless: true, legacyStartup: true, listDevices: true });

  /** Opens the frame and waits for the page's `ready`. */
  async function open(): Promise<Attached> {
    const attached = new Attached(await host.open(spec()));
    await attached.message('ready');
    return attached;
  }

  /** Opens the frame, loads the simulator's bundle and waits for onCredentials. */
  async function loaded(): Promise<Attached> {
    const attached = await open();
    attached.post({ type: 'load', scriptUrl: sim.bundleUrl, config: config() });
    await attached.callback('onCredentials');
    return attached;
  }

  const sessions = () => sim.control.sessions();

  beforeEach(async () => {
    sim = await startUcsSim();
    host = createVirtualSandboxHost({ releaseMs: RELEASE_MS });
  });

  afterEach(async () => {
    await host.closeAll();
    await sim.close();
  });

  it('runs the sandbox page: ready, load, callbacks, sso, pairing and state', async () => {
    expect(host.sandboxPage).toBe('chrome-extension://virtual-softbar/src/sandbox/index.html');
    const page = new Attached(await host.open(spec()));
    await page.message('ready');
    expect(page.loads).toBe(1);
    expect(host.pages()).toEqual([KEY]);

    page.post({ type: 'load', scriptUrl: sim.bundleUrl, config: config() });
    expect((await page.callback('onConnect')).args).toEqual([UCS_VERSION]);
    await page.callback('onCredentials');
    expect(page.names().indexOf('onConnect')).toBeLessThan(page.names().indexOf('onCredentials'));
    expect(host.page(KEY)?.ucsOperator).toMatchObject({ version: UCS_VERSION, headless: true });

    const token = await sim.control.ssoToken('jan.novak');
    expect(await page.call('sso', 'jan.novak', token, 'Softbar')).toMatchObject({ type: 'result', ok: true });
    expect((await page.callback('onUser')).args[0]).toMatchObject({ firstname: 'Jan', lastname: 'Novák' });
    const identify = await page.callback('onIdentify');
    expect(identify.args[0]).toEqual(
      expect.arrayContaining([expect.objectContaining({ identifier: 'pc101' })]),
    );

    expect(await page.call('selectIdentifier', 'pc101')).toMatchObject({ ok: true });
    expect((await page.callback('onDevice')).args).toBeDefined();
    const ready = await page.callback('onReady');
    expect(ready.args[0]).toMatchObject({ device: { identifier: 'pc101' }, call: null });

    const state = await page.call('state');
    expect(state).toMatchObject({
      ok: true,
      value: { status: 'OFFLINE', user: { id: 1 }, device: { identifier: 'pc101' } },
    });
    expect(await sessions()).toEqual([{ phase: 'READY', username: 'jan.novak', provider: 'Softbar' }]);
    expect(host.dropped()).toEqual([]);
    expect(host.errors(KEY)).toEqual([]);
  });

  it('reports a method called in the wrong state with onWarning, and refuses callbacks as methods', async () => {
    const page = await loaded();
    expect(await page.call('answer')).toMatchObject({ ok: true });
    expect((await page.callback('onWarning')).args[0]).toBe(
      'answer is not allowed in state CREDENTIALS (allowed: READY)',
    );
    expect(await page.call('onReady')).toMatchObject({ ok: false, error: 'onReady is not available now.' });
    expect(await page.call('nonsense')).toMatchObject({ ok: false });
  });

  it('re-attaches to the same page after a release: no reload, no second onConnect, onLoad at once', async () => {
    const first = await loaded();
    const window = host.page(KEY);
    first.channel.release();

    const second = new Attached(await host.open(spec()));
    await until('the re-attached onLoad', () => second.loads === 1);
    expect(host.page(KEY)).toBe(window);
    expect(await second.call('notify', { title: 'hi', type: 'info' })).toMatchObject({ ok: true });
    // Past the release delay: the frame was claimed, so it stays.
    await new Promise((resolve) => setTimeout(resolve, RELEASE_MS + 100));
    expect(host.pages()).toEqual([KEY]);
    expect(second.messages.filter((message) => message.type === 'ready')).toEqual([]);
    expect(second.callbacks('onConnect')).toEqual([]);
    expect(first.callbacks('onConnect')).toHaveLength(1);
    // The released channel is inert: it heard nothing of the second channel's call.
    expect(first.messages.some((message) => message.type === 'result')).toBe(false);
    expect(await sessions()).toHaveLength(1);
  });

  it('closes a released page nobody re-attached to after releaseMs', async () => {
    const page = await loaded();
    expect(await sessions()).toHaveLength(1);
    page.channel.release();
    await until('the released page to close', async () => host.pages().length === 0);
    await until('the session to drop', async () => (await sessions()).length === 0, sessions);
    expect(host.page(KEY)).toBeUndefined();
  });

  it('reload starts a fresh page: ready and onLoad again, the bundle reloaded connects anew', async () => {
    const page = await loaded();
    const before = host.page(KEY);
    await host.reload(KEY);
    expect(page.loads).toBe(2);
    expect(host.page(KEY)).not.toBe(before);
    expect(host.page(KEY)?.ucsOperator).toBeUndefined();
    await until(
      'a second ready',
      () => page.messages.filter((message) => message.type === 'ready').length === 2,
    );
    await until('the old session to drop', async () => (await sessions()).length === 0, sessions);

    page.post({ type: 'load', scriptUrl: sim.bundleUrl, config: config() });
    await until(
      'a second onConnect',
      () => page.callbacks('onConnect').length === 2,
      () => page.names(),
    );
    await until('one session again', async () => (await sessions()).length === 1, sessions);
  });

  it('refuses a spec that is not the sandboxed page', async () => {
    await expect(
      host.open({
        key: 'tegsoft',
        url: 'https://pbx.example/widget',
        origin: 'https://pbx.example',
        allow: '',
      }),
    ).rejects.toThrow(/only Softbar's sandbox page.*not sandboxed/);
    await expect(host.open(spec({ url: 'https://pbx.example/' }))).rejects.toThrow(
      /url is not the sandbox page/,
    );
    await expect(host.open(spec({ origin: 'chrome-extension://virtual-softbar' }))).rejects.toThrow(
      /origin .* not "null"/,
    );
    expect(host.pages()).toEqual([]);
  });

  it('answers a script that does not load with loadError (404, and one the sandbox CSP refuses)', async () => {
    const page = await open();
    page.post({ type: 'load', scriptUrl: `${sim.url}/operator/missing.js`, config: config() });
    expect((await page.message('loadError')).message).toContain('/operator/missing.js');
    expect(await sessions()).toEqual([]);

    await host.reload(KEY);
    page.messages.length = 0;
    await page.message('ready');
    // The manifest's sandbox CSP allows https and loopback http only: no request is made at all.
    page.post({ type: 'load', scriptUrl: 'http://pbx.example/operator.js', config: config() });
    expect((await page.message('loadError')).message).toContain('pbx.example');
    expect(host.errors(KEY)).toEqual([expect.stringContaining('script-src refused http://pbx.example/')]);
  });

  it('close stops the page: its socket drops and nothing more comes', async () => {
    const page = await loaded();
    expect(await sessions()).toHaveLength(1);
    const pageTimer = host.page(KEY)?.setTimeout as (callback: () => void, ms: number) => number;
    let fired = 0;
    pageTimer(() => {
      fired += 1;
    }, 50);
    await page.channel.close();
    expect(host.pages()).toEqual([]);
    await until('the session to drop', async () => (await sessions()).length === 0, sessions);
    const count = page.messages.length;
    // The bundle would reconnect after 2 s if its timers survived the page.
    await sim.control.setWaitingCallers(3);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(page.messages).toHaveLength(count);
    expect(fired).toBe(0);
  });

  it('hears the page over its port only: posts to the parent window reach nothing, whatever the origin', async () => {
    const page = await open();
    const parent = host.page(KEY)?.parent as { postMessage(message: unknown, targetOrigin: string): void };
    parent.postMessage({ type: 'ready' }, '*');
    parent.postMessage({ type: 'ready' }, 'https://evil.example');
    parent.postMessage({ type: 'ready' }, 'chrome-extension://virtual-softbar');
    parent.postMessage(
      { type: 'callback', name: 'onCredentials', args: [] },
      'chrome-extension://virtual-softbar',
    );
    // The page still answers over its port: its answer comes after anything the window posts would have.
    expect(await page.call('state')).toMatchObject({ ok: false });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(page.messages.filter((m) => m.type === 'ready')).toHaveLength(1);
    expect(page.callbacks('onCredentials')).toEqual([]);
    expect(host.dropped().map((each) => each.targetOrigin)).toEqual([
      '*',
      'https://evil.example',
      'chrome-extension://virtual-softbar',
      'chrome-extension://virtual-softbar',
    ]);
  });

  it('ignores window messages forged into the page: not from its parent, or not the first handshake', async () => {
    const page = await loaded();
    const token = await sim.control.ssoToken('jan.novak');
    expect(await page.call('sso', 'jan.novak', token, 'Softbar')).toMatchObject({ ok: true });
    await page.callback('onIdentify');
    expect(await page.call('selectIdentifier', 'pc101')).toMatchObject({ ok: true });
    await page.callback('onReady');
    const loggedIn = [{ phase: 'READY', username: 'jan.novak', provider: 'Softbar' }];
    expect(await sessions()).toEqual(loggedIn);
    const parent = host.page(KEY)?.parent;
    const before = page.messages.length;
    // A port of the forger's own, offered by handshakes the page must refuse.
    const forged = new MessageChannel();
    const heard: unknown[] = [];
    forged.port1.addEventListener('message', (event) => heard.push(event.data));
    forged.port1.start();
    const call = { type: 'call', id: 'forged', method: 'logout', args: [] };
    const handshake = { type: 'softbar:port' };
    const sources = [
      // Another window (a frame nested in the page, a sibling) that says it is the extension...
      { origin: 'chrome-extension://virtual-softbar', source: { name: 'not the parent' } },
      // ...the page's own window (the vendor script) or an opaque document...
      { origin: 'null', source: host.page(KEY) },
      { origin: 'null', source: { name: 'a data: page' } },
      // ...and the parent's window with another origin, or with no source at all.
      { origin: 'https://evil.example', source: parent },
      { origin: 'chrome-extension://virtual-softbar', source: null },
    ];
    for (const from of sources) {
      expect(host.windowMessage(KEY, call, from)).toBe(true);
      expect(host.windowMessage(KEY, handshake, { ...from, ports: [forged.port2] })).toBe(true);
    }
    // The parent itself, over the window rather than the port: not heard either.
    host.windowMessage(KEY, call, { origin: 'chrome-extension://virtual-softbar', source: parent });
    // A second handshake from the real parent: the page keeps the port it took first.
    const second = new MessageChannel();
    const heardSecond: unknown[] = [];
    second.port1.addEventListener('message', (event) => heardSecond.push(event.data));
    second.port1.start();
    host.windowMessage(KEY, handshake, {
      origin: 'chrome-extension://virtual-softbar',
      source: parent,
      ports: [second.port2],
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    forged.port1.postMessage({ type: 'call', id: 'via forged port', method: 'state', args: [] });
    second.port1.postMessage({ type: 'describe', id: 'via second port' });
    await new Promise((resolve) => setTimeout(resolve, 100));

    expect(heard).toEqual([]);
    expect(heardSecond).toEqual([]);
    expect(page.messages.slice(before).filter((m) => m.type !== 'callback')).toEqual([]);
    // The bundle was not logged out by the forged calls...
    expect(await sessions()).toEqual(loggedIn);
    expect(await page.call('state')).toMatchObject({ ok: true, value: { device: { identifier: 'pc101' } } });
    expect(host.errors(KEY)).toEqual([]);
    // ...which the same call over the real port does.
    expect(await page.call('logout')).toMatchObject({ ok: true });
    await until('the agent to be logged out', async () => (await sessions())[0]?.phase !== 'READY', sessions);
    forged.port1.close();
    second.port1.close();
  });

  it('a reload gives the new page a new port: the old one is closed, posts wait for the new one', async () => {
    const page = await open();
    await host.reload(KEY);
    // Posted before the new page's ready: it waits for the port, then is answered there.
    page.post({ type: 'describe', id: 'after reload' });
    await until('the answer of the new page', () =>
      page.messages.find((m) => m.type === 'result' && m.id === 'after reload'),
    );
    await until('a second ready', () => page.messages.filter((m) => m.type === 'ready').length === 2);
    expect(host.dropped()).toEqual([]);
  });
});

describe('the sandbox page takes its port from one handshake: the first from its parent, from the extension', () => {
  const ORIGIN = 'chrome-extension://virtual-softbar';
  const URL_ = `${ORIGIN}/src/sandbox/index.html`;
  const pages: VirtualPage[] = [];
  const ports: MessagePort[] = [];

  afterEach(() => {
    for (const page of pages.splice(0)) page.destroy(false);
    for (const port of ports.splice(0)) port.close();
  });

  /** The real main.ts in a bare page (no host, so nothing connects it but what the test sends). */
  async function bare() {
    const posted: unknown[] = [];
    const page = new VirtualPage({
      url: URL_,
      parentOrigin: ORIGIN,
      policy: parseCsp(manifestSandboxCsp(), URL_),
      name: 'bare',
      toParent: (message) => posted.push(message),
    });
    pages.push(page);
    page.run(`"use strict";\n${await sandboxScript()}`, `${ORIGIN}/src/sandbox/main.ts`);
    return { page, posted };
  }

  /** A channel whose port2 is offered to the page; what the page sends on it is kept. */
  function offer() {
    const channel = new MessageChannel();
    const heard: unknown[] = [];
    channel.port1.addEventListener('message', (event) => heard.push(event.data));
    channel.port1.start();
    ports.push(channel.port1);
    return { heard, mine: channel.port1, theirs: channel.port2 };
  }

  const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

  it('refuses handshakes from other windows, origins or shapes before it, and any after it', async () => {
    const { page, posted } = await bare();
    const handshake = { type: 'softbar:port' };
    const forgeries: { data: unknown; from: Omit<WindowMessageFrom, 'ports'> }[] = [
      // Not the parent: another window saying it is the extension, the page itself, an opaque document.
      { data: handshake, from: { origin: ORIGIN, source: { name: 'a nested frame' } } },
      { data: handshake, from: { origin: 'null', source: page.window } },
      { data: handshake, from: { origin: 'null', source: null } },
      // The parent's window with another origin (it was navigated), or not a handshake.
      { data: handshake, from: { origin: 'null', source: page.parent } },
      { data: handshake, from: { origin: 'https://evil.example', source: page.parent } },
      { data: { type: 'softbar:ports' }, from: { origin: ORIGIN, source: page.parent } },
      { data: { type: 'ready' }, from: { origin: ORIGIN, source: page.parent } },
    ];
    const refused = forgeries.map(({ data, from }) => {
      const port = offer();
      page.windowMessage(data, { ...from, ports: [port.theirs] });
      return port;
    });
    // The right sender and shape, but no port: nothing to take.
    page.windowMessage(handshake, { origin: ORIGIN, source: page.parent });
    await settle();
    for (const port of refused) port.mine.postMessage({ type: 'describe', id: 'refused' });
    await settle();
    expect(refused.map((port) => port.heard)).toEqual(forgeries.map(() => []));

    // The parent's handshake: `ready` on its port, and the page answers there.
    const real = offer();
    page.windowMessage(handshake, { origin: ORIGIN, source: page.parent, ports: [real.theirs] });
    await settle();
    expect(real.heard).toEqual([{ type: 'ready' }]);
    // A second handshake, even the parent's, is not taken: the page keeps its port.
    const second = offer();
    page.windowMessage(handshake, { origin: ORIGIN, source: page.parent, ports: [second.theirs] });
    await settle();
    second.mine.postMessage({ type: 'describe', id: 'second' });
    real.mine.postMessage({ type: 'describe', id: 'real' });
    // A load, describe or call over the window, even from the parent, is not heard.
    page.windowMessage({ type: 'describe', id: 'window' }, { origin: ORIGIN, source: page.parent });
    await settle();
    expect(second.heard).toEqual([]);
    expect(real.heard).toEqual([
      { type: 'ready' },
      { type: 'result', id: 'real', ok: true, value: { loaded: false } },
    ]);
    // Nothing ever went to the parent window.
    expect(posted).toEqual([]);
    expect(page.errors).toEqual([]);
  });
});
