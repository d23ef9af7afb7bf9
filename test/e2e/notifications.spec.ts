import type { Worker } from '@playwright/test';
import { bar, expect, hubState, ringCaller, test } from './fixtures';

/** Ids of the extension's open notifications, read in the worker. */
const openNotifications = (worker: Worker) =>
  worker.evaluate(async () => Object.keys(await chrome.notifications.getAll()));

/**
 * Presses a notification button the way Chrome reports it (`notifications.onButtonClicked`). Headless
 * Chromium draws no notification to click, so the test calls the same handler the listener calls.
 */
const pressButton = (worker: Worker, id: string, index: number) =>
  worker.evaluate(
    async ([notificationId, button]) => {
      const softbar = (
        globalThis as unknown as {
          __softbar: { notifier: { buttonClicked(id: string, index: number): Promise<void> | void } };
        }
      ).__softbar;
      await softbar.notifier.buttonClicked(notificationId as string, button as number);
    },
    [id, index] as const,
  );

test('an incoming call with no CRM tab in focus shows a desktop notification whose Answer and Decline work', async ({
  ext,
}) => {
  // Only an extension page is open: no CRM tab has focus.
  await ext.openPage('options/index.html');
  const worker = await ext.worker();
  const first = await ringCaller(ext, { number: '+44 20 7946 0958', name: 'Olivia Bennett' });
  const firstId = `softbar-call:${first}`;
  await expect.poll(() => openNotifications(worker)).toContain(firstId);
  await pressButton(worker, firstId, 0);
  await expect
    .poll(async () => (await hubState(ext)).calls.find((call) => call.id === first)?.state)
    .toBe('connected');
  await expect.poll(() => openNotifications(worker)).not.toContain(firstId);

  const second = await ringCaller(ext, { number: '+1 415 555 0132', name: 'Marcus Reed' });
  const secondId = `softbar-call:${second}`;
  await expect.poll(() => openNotifications(worker)).toContain(secondId);
  await pressButton(worker, secondId, 1);
  await expect
    .poll(async () => (await hubState(ext)).recent.find((call) => call.id === second)?.endReason)
    .toBe('rejected');
  await expect.poll(() => openNotifications(worker)).not.toContain(secondId);
});

test('no notification while a CRM tab has focus', async ({ crm, ext }) => {
  const page = await crm('/index.html');
  await expect(bar(page)).toBeVisible();
  const worker = await ext.worker();
  const callId = await ringCaller(ext, { number: '+39 02 4869 1234', name: 'Giulia Romano' });
  await expect(bar(page)).toContainText('Giulia Romano');
  await page.waitForTimeout(800);
  expect(await openNotifications(worker)).not.toContain(`softbar-call:${callId}`);
});
