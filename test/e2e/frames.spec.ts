import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { startFixtureServer } from '../../scripts/fixture-server.mjs';
import type { FrameSpec } from '../../src/vendors/frame-host';
import { type Extension, expect, stopServiceWorker, test } from './fixtures';

// The frame host in real Chromium: a fixture "vendor widget" on 127.0.0.1 hosted in the offscreen
// document and in the vendor-screen window, driven from the worker's console through
// `__softbar.frames` (the BrowserFrameHost the hub lends adapters).

const VENDOR_ROOT = resolve(import.meta.dirname, '..', 'fixtures', 'vendor-frame');

let vendorUrl: string;
/** The same server under another origin (`localhost` instead of `127.0.0.1`). */
let otherOrigin: string;
let closeServer: () => Promise<void>;

test.beforeAll(async () => {
  const server = await startFixtureServer({ root: VENDOR_ROOT });
  vendorUrl = server.url;
  otherOrigin = server.url.replace('127.0.0.1', 'localhost');
  closeServer = server.close;
});

test.afterAll(async () => {
  await closeServer();
});

const vendorSpec = (overrides: Partial<FrameSpec> = {}): FrameSpec => ({
  key: 'fixture:p1',
  url: `${vendorUrl}/index.html?token=secret`,
  origin: vendorUrl,
  allow: 'microphone; camera; autoplay',
  ...overrides,
});

type Seen = Record<string, unknown> & { type?: string; boot?: string };

/** Opens (or re-attaches to) a frame from the worker; what reaches its channel is kept in the worker. */
async function openFrame(ext: Extension, spec: FrameSpec): Promise<void> {
  const worker = await ext.worker();
  await worker.evaluate(async (frameSpec) => {
    const g = globalThis as unknown as {
      __softbar: { frames: { open(spec: unknown): Promise<Record<string, (...args: never[]) => unknown>> } };
      __frames?: {
        channels: Record<string, unknown>;
        got: Record<string, unknown[]>;
        loads: Record<string, number>;
      };
    };
    g.__frames ??= { channels: {}, got: {}, loads: {} };
    const seen = g.__frames;
    const channel = (await g.__softbar.frames.open(frameSpec)) as unknown as {
      onMessage(listener: (data: unknown) => void): void;
      onLoad(listener: () => void): void;
    };
    seen.channels[frameSpec.key] = channel;
    seen.got[frameSpec.key] = [];
    seen.loads[frameSpec.key] = 0;
    channel.onMessage((data) => seen.got[frameSpec.key]?.push(data));
    channel.onLoad(() => {
      seen.loads[frameSpec.key] = (seen.loads[frameSpec.key] ?? 0) + 1;
    });
  }, spec);
}

/** Calls a channel method in the worker. */
async function onChannel(ext: Extension, key: string, method: string, arg?: unknown): Promise<void> {
  const worker = await ext.worker();
  await worker.evaluate(
    async ({ key: frameKey, method: name, arg: value }) => {
      const g = globalThis as unknown as {
        __frames: { channels: Record<string, Record<string, (a?: unknown) => unknown>> };
      };
      await g.__frames.channels[frameKey]?.[name]?.(value);
    },
    { key, method, arg },
  );
}

/** What reached the channel so far, and how many loads it was told of. */
async function seen(ext: Extension, key: string): Promise<{ got: Seen[]; loads: number }> {
  const worker = await ext.worker();
  return worker.evaluate((frameKey) => {
    const g = globalThis as unknown as {
      __frames?: { got: Record<string, Seen[]>; loads: Record<string, number> };
    };
    return { got: g.__frames?.got[frameKey] ?? [], loads: g.__frames?.loads[frameKey] ?? 0 };
  }, key);
}

const got = async (ext: Extension, key: string) => (await seen(ext, key)).got;

/** The offscreen documents Chrome knows for the extension. */
async function offscreenDocuments(ext: Extension): Promise<string[]> {
  const worker = await ext.worker();
  return worker.evaluate(async () =>
    (await chrome.runtime.getContexts({ contextTypes: [chrome.runtime.ContextType.OFFSCREEN_DOCUMENT] })).map(
      (context) => context.documentUrl ?? '',
    ),
  );
}

/** The boot id the vendor page reported on its latest load. */
async function latestBoot(ext: Extension, key: string): Promise<string | undefined> {
  return (await got(ext, key)).filter((m) => m.type === 'ready').at(-1)?.boot;
}

/** Posts `{ cmd: 'echo', n }` and waits for the vendor page's echo of it. */
async function echo(ext: Extension, key: string, n: number): Promise<Seen> {
  await onChannel(ext, key, 'post', { cmd: 'echo', n });
  await expect
    .poll(async () =>
      (await got(ext, key)).some((m) => m.type === 'echo' && (m.data as { n?: number })?.n === n),
    )
    .toBe(true);
  return (await got(ext, key)).find((m) => m.type === 'echo' && (m.data as { n?: number })?.n === n)!;
}

test('the offscreen document hosts the vendor page and passes only its own messages', async ({ ext }) => {
  const spec = vendorSpec();
  await openFrame(ext, spec);
  await expect.poll(() => latestBoot(ext, spec.key)).toBeTruthy();
  await expect.poll(async () => (await seen(ext, spec.key)).loads).toBe(1);
  expect(await offscreenDocuments(ext)).toEqual([
    `chrome-extension://${ext.extensionId}/src/offscreen/index.html`,
  ]);

  // The worker's post reaches the vendor page from the extension's origin.
  const reply = await echo(ext, spec.key, 1);
  expect(reply.origin).toBe(`chrome-extension://${ext.extensionId}`);
  await onChannel(ext, spec.key, 'post', { cmd: 'say', payload: { type: 'said', text: 'hello' } });
  await expect.poll(async () => (await got(ext, spec.key)).some((m) => m.type === 'said')).toBe(true);

  // Frames nested in the vendor page, of its origin and of another, post to the top window: dropped.
  for (const origin of [vendorUrl, otherOrigin]) {
    await onChannel(ext, spec.key, 'post', { cmd: 'nested', src: `${origin}/nested.html` });
    await expect
      .poll(async () => (await got(ext, spec.key)).some((m) => m.type === 'nested-done' && m.from === origin))
      .toBe(true);
  }
  // The vendor's own frame, navigated to another origin: same window, wrong origin, dropped.
  await onChannel(ext, spec.key, 'post', { cmd: 'navigate', url: `${otherOrigin}/away.html` });
  await expect.poll(async () => (await seen(ext, spec.key)).loads).toBe(2);
  await new Promise((done) => setTimeout(done, 500));
  const types = (await got(ext, spec.key)).map((m) => m.type);
  expect(types).not.toContain('nested');
  expect(types).not.toContain('away');

  // Closing the last frame closes the offscreen document.
  await onChannel(ext, spec.key, 'close');
  await expect.poll(() => offscreenDocuments(ext)).toEqual([]);
});

test('a vendor page survives a worker restart and is re-attached without reloading', async ({ ext }) => {
  const spec = vendorSpec();
  await openFrame(ext, spec);
  await expect.poll(() => latestBoot(ext, spec.key)).toBeTruthy();
  const boot = await latestBoot(ext, spec.key);
  const oldWorker = await ext.worker();
  const bootedBefore = await oldWorker.evaluate(() => performance.timeOrigin);

  const page = await ext.context.newPage();
  await stopServiceWorker(ext, page);

  // The offscreen document reconnects, which starts a new worker; the adapter opens its frame again.
  await expect
    .poll(async () => (await ext.worker()).evaluate(() => performance.timeOrigin))
    .not.toBe(bootedBefore);
  expect(await offscreenDocuments(ext)).toHaveLength(1);
  await openFrame(ext, spec);
  // The adapter is told the page is there (so it queries the vendor again)...
  await expect.poll(async () => (await seen(ext, spec.key)).loads).toBe(1);
  // ...and it is the same page: no new `ready`, the echo comes from the same boot.
  const reply = await echo(ext, spec.key, 2);
  expect(reply.boot).toBe(boot);
  expect((await got(ext, spec.key)).filter((m) => m.type === 'ready')).toEqual([]);
});

test('a released vendor page is kept for the next adapter, which re-attaches without reloading', async ({
  ext,
}) => {
  const spec = vendorSpec();
  await openFrame(ext, spec);
  await expect.poll(() => latestBoot(ext, spec.key)).toBeTruthy();
  const boot = await latestBoot(ext, spec.key);

  // The adapter was disposed (a settings change): it lets go of the frame instead of closing it.
  await onChannel(ext, spec.key, 'release');
  expect(await offscreenDocuments(ext)).toHaveLength(1);
  await openFrame(ext, spec);
  await expect.poll(async () => (await seen(ext, spec.key)).loads).toBe(1);
  expect((await echo(ext, spec.key, 5)).boot).toBe(boot);
  expect((await got(ext, spec.key)).filter((m) => m.type === 'ready')).toEqual([]);
});

test("the vendor's screen shows the frame in a window and gives it back when closed", async ({ ext }) => {
  const spec = vendorSpec({
    screen: {
      title: 'Fixture vendor',
      width: '400px',
      height: '500px',
      padding: '8px',
      minimize: true,
      hideInIcon: true,
    },
  });
  await openFrame(ext, spec);
  await expect.poll(() => latestBoot(ext, spec.key)).toBeTruthy();
  const hiddenBoot = await latestBoot(ext, spec.key);

  const opened = ext.context.waitForEvent('page', (p: Page) =>
    p.url().includes('/src/vendor-screen/index.html'),
  );
  await onChannel(ext, spec.key, 'showScreen');
  const screen = await opened;
  await expect(screen).toHaveTitle('Fixture vendor');
  await expect(screen.getByRole('button', { name: 'Minimize' })).toBeVisible();
  await expect(screen.locator('iframe')).toHaveAttribute('src', spec.url);
  await expect(screen.locator('iframe')).toHaveAttribute('allow', spec.allow);
  // The page reloaded in the window: a new boot, a load notice, and only one host holds the frame.
  await expect.poll(async () => (await seen(ext, spec.key)).loads).toBe(2);
  await expect.poll(() => latestBoot(ext, spec.key)).not.toBe(hiddenBoot);
  await expect.poll(() => offscreenDocuments(ext)).toEqual([]);
  const shownBoot = await latestBoot(ext, spec.key);
  expect((await echo(ext, spec.key, 3)).boot).toBe(shownBoot);

  // "Hide" closes the window; the frame goes back to the offscreen document.
  // The window closes itself while the click is being handled: a closed page is the expected outcome.
  await screen
    .getByRole('button', { name: 'Hide', exact: true })
    .click()
    .catch((error: unknown) => {
      if (!screen.isClosed()) throw error;
    });
  await expect.poll(async () => (await seen(ext, spec.key)).loads).toBe(3);
  await expect.poll(() => screen.isClosed()).toBe(true);
  expect(await offscreenDocuments(ext)).toHaveLength(1);
  const backBoot = await latestBoot(ext, spec.key);
  expect(backBoot).not.toBe(shownBoot);
  expect((await echo(ext, spec.key, 4)).boot).toBe(backBoot);
});
