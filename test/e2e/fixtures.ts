import {
  type BrowserContext,
  test as base,
  expect,
  type Locator,
  type Page,
  type Worker,
} from '@playwright/test';
import { startFixtureServer } from '../../scripts/fixture-server.mjs';
import { launchWithExtension } from '../../scripts/launch.mjs';

export interface Extension {
  readonly context: BrowserContext;
  readonly extensionId: string;
  /** The extension's service worker (a new one after Chrome restarted it). */
  worker(): Promise<Worker>;
  /** Opens an extension page (popup/index.html, options/index.html) in a tab. */
  openPage(path: string): Promise<Page>;
}

export const test = base.extend<
  { ext: Extension; crm: (path?: string) => Promise<Page> },
  { crmUrl: string }
>({
  crmUrl: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright's fixture signature
    async ({}, use) => {
      const server = await startFixtureServer();
      await use(server.url);
      await server.close();
    },
    { scope: 'worker' },
  ],
  // biome-ignore lint/correctness/noEmptyPattern: Playwright's fixture signature
  ext: async ({}, use) => {
    const launched = await launchWithExtension();
    await use({
      context: launched.context,
      extensionId: launched.extensionId,
      worker: launched.worker,
      openPage: async (path) => {
        const page = await launched.context.newPage();
        await page.goto(`chrome-extension://${launched.extensionId}/${path}`);
        return page;
      },
    });
    await launched.close();
  },
  crm: async ({ ext, crmUrl }, use) => {
    await use(async (path = '/index.html') => {
      const page = await ext.context.newPage();
      await page.goto(crmUrl + path);
      return page;
    });
  },
});

export { expect };

/** The agent bar, found the way a screen reader would. */
export const bar = (page: Page): Locator => page.getByRole('region', { name: 'Agent bar' });

/** Rings a demo call from the worker, as the popup's "Simulate incoming call" does. */
export async function ringDemoCall(ext: Extension): Promise<void> {
  const worker = await ext.worker();
  await worker.evaluate(async () => {
    const softbar = (
      globalThis as unknown as {
        __softbar: {
          ready: Promise<void>;
          hub: { simulateIncoming(): Promise<void>; current: { connection: { status: string } } };
        };
      }
    ).__softbar;
    await softbar.ready;
    // Start-up applies the configuration; the vendor connects right after (the demo within a moment).
    for (
      let waited = 0;
      softbar.hub.current.connection.status !== 'connected' && waited < 10_000;
      waited += 20
    )
      await new Promise((resolve) => setTimeout(resolve, 20));
    await softbar.hub.simulateIncoming();
  });
}

/** The hub's current live state, read in the worker. */
export async function hubState(ext: Extension): Promise<import('../../src/core/hub-state').HubState> {
  const worker = await ext.worker();
  return worker.evaluate(async () => {
    const softbar = (
      globalThis as unknown as { __softbar: { ready: Promise<void>; hub: { current: unknown } } }
    ).__softbar;
    await softbar.ready;
    return softbar.hub.current as never;
  });
}

/**
 * Stops the extension's service worker the way Chrome does when it is idle (DevTools protocol
 * ServiceWorker.stopWorker), and waits until it is really stopped.
 */
export async function stopServiceWorker(ext: Extension, page: Page): Promise<void> {
  const cdp = await ext.context.newCDPSession(page);
  const versions = new Map<string, { scriptURL: string; runningStatus: string }>();
  // Chrome may start the worker again at once (a tab's port reconnecting wakes it), so remember every
  // status seen rather than polling the latest one.
  const stoppedSeen = new Set<string>();
  cdp.on('ServiceWorker.workerVersionUpdated', (event) => {
    for (const v of event.versions) {
      versions.set(v.versionId, v);
      if (v.runningStatus === 'stopped') stoppedSeen.add(v.versionId);
    }
  });
  await cdp.send('ServiceWorker.enable');
  const prefix = `chrome-extension://${ext.extensionId}/`;
  const find = () => [...versions.entries()].find(([, v]) => v.scriptURL.startsWith(prefix));
  await expect
    .poll(() => find()?.[1].runningStatus, { message: 'extension worker seen over CDP' })
    .toBe('running');
  const versionId = find()![0];
  await cdp.send('ServiceWorker.stopWorker', { versionId });
  await expect.poll(() => stoppedSeen.has(versionId), { message: 'extension worker stopped' }).toBe(true);
  await cdp.send('ServiceWorker.disable');
  await cdp.detach();
}

/** A caller for the demo PBX, with the queue and CTI fields a real IVR would attach. */
export interface DemoCallerSpec {
  readonly number: string;
  readonly name?: string;
  readonly queue?: string;
  readonly data?: Record<string, string>;
}

/** Rings a demo call from a given caller; resolves with the hub's call id once the call is in the state. */
export async function ringCaller(ext: Extension, caller: DemoCallerSpec): Promise<string> {
  const worker = await ext.worker();
  return worker.evaluate(async (spec) => {
    const softbar = (
      globalThis as unknown as {
        __softbar: {
          ready: Promise<void>;
          hub: {
            current: { calls: { id: string; remoteNumber: string }[]; connection: { status: string } };
            activeAdapter?: { simulation?: { incomingCall(caller: unknown): Promise<void> } };
          };
        };
      }
    ).__softbar;
    await softbar.ready;
    for (
      let waited = 0;
      softbar.hub.current.connection.status !== 'connected' && waited < 10_000;
      waited += 20
    )
      await new Promise((resolve) => setTimeout(resolve, 20));
    const before = new Set(softbar.hub.current.calls.map((call) => call.id));
    await softbar.hub.activeAdapter?.simulation?.incomingCall(spec);
    const call = softbar.hub.current.calls.find((c) => !before.has(c.id));
    if (!call) throw new Error('the demo call did not ring');
    return call.id;
  }, caller);
}

/** Waits until the hub is connected (after an import switched profiles). */
export async function waitConnected(ext: Extension): Promise<void> {
  await expect.poll(async () => (await hubState(ext)).connection.status).toBe('connected');
}
