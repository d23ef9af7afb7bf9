import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFixtureServer } from '../../scripts/fixture-server.mjs';
import { startUcsSim, type UcsSim } from '../../sim/ucs';
import { type Extension, expect, test } from './fixtures';

// The sandboxed vendor page (src/sandbox) in real Chromium: hosted as a frame of the offscreen document
// from the worker (`__softbar.frames`, sandboxed: true), it loads the UCS simulator's remote agent-bar
// bundle (which an extension page could not), forwards its callbacks and runs its methods.

let sim: UcsSim;
let forgeDir: string;
let forgeUrl: string;
let closeForge: () => Promise<void>;

test.beforeAll(async () => {
  sim = await startUcsSim();
  // A "vendor script" that impersonates the UCS sandbox: it posts to the offscreen document as if it were
  // the UCS frame, and tries to drive the UCS frame, which sits next to it.
  forgeDir = mkdtempSync(join(tmpdir(), 'softbar-forge-'));
  writeFileSync(
    join(forgeDir, 'forge.js'),
    `
    const forged = { type: 'callback', name: 'onReady', args: ['forged'] };
    parent.postMessage(forged, '*');
    top.postMessage(forged, '*');
    for (let i = 0; i < parent.frames.length; i++) {
      if (parent.frames[i] !== window) {
        parent.frames[i].postMessage({ type: 'call', id: 'forged', method: 'logout', args: [] }, '*');
      }
    }
    parent.postMessage({ type: 'callback', name: 'forgeDone', args: [] }, '*');
    `,
  );
  const server = await startFixtureServer({ root: forgeDir });
  forgeUrl = `${server.url}/forge.js`;
  closeForge = server.close;
});

test.afterAll(async () => {
  await sim.close();
  await closeForge();
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
async function openSandbox(ext: Extension, key: string): Promise<void> {
  const worker = await ext.worker();
  await worker.evaluate(async (frameKey) => {
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
    })) as { onMessage(listener: (data: unknown) => void): void; onLoad(listener: () => void): void };
    seen.channels[frameKey] = channel;
    seen.got[frameKey] = [];
    seen.loads[frameKey] = 0;
    channel.onMessage((data) => seen.got[frameKey]?.push(data));
    channel.onLoad(() => {
      seen.loads[frameKey] = (seen.loads[frameKey] ?? 0) + 1;
    });
  }, key);
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
  // Its own posts (from its own window) are delivered, under its own key only...
  await expect.poll(async () => (await got(ext, 'forge')).map((m) => m.name)).toContain('forgeDone');
  expect((await got(ext, 'forge')).filter((m) => m.name === 'onReady')).toHaveLength(2);
  // ...the UCS channel never sees them, and the UCS page did not act on the forged call.
  await new Promise((done) => setTimeout(done, 500));
  expect(await callbacks(ext, key)).not.toContain('onReady');
  expect(await result(ext, key, 'forged')).toBeUndefined();
  expect(await callbacks(ext, key)).not.toContain('forgeDone');
});
