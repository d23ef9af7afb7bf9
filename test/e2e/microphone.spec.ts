import { resolve } from 'node:path';
import type { Worker } from '@playwright/test';
import { startFixtureServer } from '../../scripts/fixture-server.mjs';
import { launchWithExtension } from '../../scripts/launch.mjs';
import type { FrameSpec } from '../../src/vendors/frame-host';
import { expect, test } from './fixtures';

// The microphone chain in real Chromium: the vendor's widget runs in a frame of the offscreen document,
// which cannot show a permission prompt, so its getUserMedia works only once Softbar's own origin holds
// the permission, given on the options page.
//
// Chromium runs with a fake microphone but without --use-fake-ui-for-media-stream: that switch grants
// every getUserMedia and reports the permission granted from the start (even when it is set to blocked),
// so the widget would open the microphone whatever the options page did. Headless Chromium, which has no
// prompt to show, answers the options page's request the way an agent pressing Block does; the agent then
// allows it in Chrome's settings, which the DevTools protocol's Browser.setPermission stands in for.

const VENDOR_ROOT = resolve(import.meta.dirname, '..', 'fixtures', 'vendor-frame');

type Launched = Awaited<ReturnType<typeof launchWithExtension>>;
let launched: Launched;
let vendorUrl: string;
let closeServer: () => Promise<void>;

test.beforeEach(async () => {
  const server = await startFixtureServer({ root: VENDOR_ROOT });
  vendorUrl = server.url;
  closeServer = server.close;
  launched = await launchWithExtension({ args: ['--use-fake-device-for-media-stream'] });
});

test.afterEach(async () => {
  await launched.close();
  await closeServer();
});

/** Opens the fixture softphone widget in the offscreen document, from the worker. */
async function openWidget(worker: Worker): Promise<void> {
  const spec: FrameSpec = {
    key: 'fixture:microphone',
    url: `${vendorUrl}/microphone.html`,
    origin: vendorUrl,
    allow: 'microphone; autoplay',
  };
  await worker.evaluate(async (frameSpec) => {
    const g = globalThis as unknown as {
      __softbar: { frames: { open(spec: unknown): Promise<unknown> } };
      __widget?: unknown;
    };
    g.__widget = await g.__softbar.frames.open(frameSpec);
  }, spec);
}

/** Asks the widget to open the microphone; resolves with its report. */
async function widgetMicrophone(worker: Worker): Promise<{ ok: boolean; error?: string; tracks?: number }> {
  return worker.evaluate(
    () =>
      new Promise((done, fail) => {
        const channel = (
          globalThis as unknown as {
            __widget: { post(m: unknown): void; onMessage(l: (data: unknown) => void): () => void };
          }
        ).__widget;
        const timer = setTimeout(() => fail(new Error('the widget did not answer')), 10_000);
        const stop = channel.onMessage((data) => {
          const report = data as { type?: string; ok: boolean; error?: string; tracks?: number };
          if (report.type !== 'microphone') return;
          clearTimeout(timer);
          stop();
          done({ ok: report.ok, error: report.error, tracks: report.tracks });
        });
        channel.post({ cmd: 'microphone' });
      }),
  );
}

test('the agent allows the microphone on the options page; the widget in the offscreen document can then use it', async () => {
  const origin = `chrome-extension://${launched.extensionId}`;
  const options = await launched.context.newPage();
  await options.goto(`${origin}/options/index.html`);
  const section = options.getByRole('region', { name: 'Microphone' });
  const state = section.getByRole('status');
  await expect(state).toHaveText('Microphone access: Not allowed yet');

  // Without the permission, the widget's microphone fails: its page cannot prompt.
  const worker = await launched.worker();
  await openWidget(worker);
  const before = await widgetMicrophone(worker);
  expect(before.ok).toBe(false);
  expect(before.error).toMatch(/^NotAllowedError/);

  // The options page asks; Chrome's answer here is Block, and the section says how to undo it.
  await section.getByRole('button', { name: 'Allow microphone' }).click();
  await expect(state).toHaveText('Microphone access: Blocked');
  await expect(section).toContainText('chrome://settings/content/microphone');

  // The agent allows it in Chrome's settings: the open section follows without a reload.
  const cdp = await launched.context.newCDPSession(options);
  await cdp.send('Browser.setPermission', { permission: { name: 'microphone' }, setting: 'granted', origin });
  await expect(state).toHaveText('Microphone access: Allowed');
  await expect(section.getByRole('button', { name: 'Allow microphone' })).toHaveCount(0);

  // The same widget, in the offscreen document (Softbar's origin) with allow="microphone", now opens it
  // (Chrome takes a moment to apply the setting there: asked at once, it may still be dismissed).
  await expect
    .poll(async () => (await widgetMicrophone(worker)).tracks, { intervals: [250, 500, 1000] })
    .toBe(1);
});
