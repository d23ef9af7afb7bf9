import type { Page } from '@playwright/test';
import { bar, type Extension, expect, hubState, test } from './fixtures';

/** The id of the tab showing `page`, as the worker sees it. */
async function tabIdOf(ext: Extension, page: Page): Promise<number> {
  const url = page.url();
  const worker = await ext.worker();
  return worker.evaluate(async (target) => {
    const tabs = await chrome.tabs.query({});
    const tab = tabs.find((t) => t.url === target);
    if (!tab?.id) throw new Error(`no tab for ${target}`);
    return tab.id;
  }, url);
}

/** What the scanner did on the page: its performance marks are on the page's shared timeline. */
const scanMarks = (page: Page) =>
  page.evaluate(() => ({
    starts: performance.getEntriesByName('softbar-scan-start').length,
    idles: performance.getEntriesByName('softbar-scan-idle').length,
    layer: document.querySelector('softbar-phone-layer') !== null,
  }));

/** Hovers the first phone cell of the contacts table; resolves whether our Call button showed up. */
async function callOfferedOnHover(page: Page): Promise<boolean> {
  const cell = page.getByRole('cell', { name: '+44 20 7946 0958' });
  // Onto the number's text itself, not the cell's padding.
  const at = await cell.evaluate((element) => {
    const range = document.createRange();
    range.selectNodeContents(element);
    const rect = range.getClientRects()[0]!;
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  });
  await page.mouse.move(at.x, at.y, { steps: 2 });
  const button = page.locator('softbar-phone-layer').getByRole('button', { name: /^Call / });
  return button
    .waitFor({ state: 'visible', timeout: 1500 })
    .then(() => true)
    .catch(() => false);
}

async function importSites(ext: Extension, sites: object): Promise<void> {
  const options = await ext.openPage('options/index.html');
  const config = {
    profiles: [{ id: 'demo', vendor: 'demo', label: 'Demo PBX', settings: {} }],
    activeProfile: 'demo',
    defaultRegion: 'US',
    sites,
  };
  await options.getByRole('textbox', { name: 'Configuration JSON' }).fill(JSON.stringify(config));
  await options.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(options.getByRole('status').filter({ hasText: /imported/i })).toBeVisible();
  await options.close();
}

test('the agent turns detection off for a site in the popup: that site gets no scan at all', async ({
  crm,
  ext,
}) => {
  const page = await crm('/index.html');
  await expect.poll(() => scanMarks(page).then((m) => m.idles)).toBeGreaterThan(0);
  expect(await callOfferedOnHover(page)).toBe(true);

  const popup = await ext.openPage(`popup/index.html?tab=${await tabIdOf(ext, page)}`);
  const toggle = popup.getByRole('checkbox', { name: /Find phone numbers on 127\.0\.0\.1/ });
  await expect(toggle).toBeChecked();
  await toggle.uncheck();
  await expect(toggle).not.toBeChecked();
  // The open page stops at once: the layer is gone and hovering offers nothing.
  await expect.poll(() => scanMarks(page).then((m) => m.layer)).toBe(false);
  await page.mouse.move(0, 0);
  expect(await callOfferedOnHover(page)).toBe(false);

  // A new page load on that site never starts the scanner, though the bar is there.
  await page.reload();
  await expect(bar(page)).toBeVisible();
  await page.waitForTimeout(500);
  expect(await scanMarks(page)).toEqual({ starts: 0, idles: 0, layer: false });
  expect(await callOfferedOnHover(page)).toBe(false);
  // Other sites keep it.
  const other = await ext.context.newPage();
  await other.goto(page.url().replace('127.0.0.1', 'localhost'));
  await expect.poll(() => scanMarks(other).then((m) => m.starts)).toBe(1);

  // And back on.
  await popup.reload();
  await popup.getByRole('checkbox', { name: /Find phone numbers/ }).check();
  await expect.poll(() => scanMarks(page).then((m) => m.starts)).toBe(1);
});

test('a site the admin blocked gets no bar and no scan', async ({ crm, ext }) => {
  const page = await crm('/index.html');
  await expect(bar(page)).toBeVisible();
  await importSites(ext, { block: ['http://127.0.0.1/*'] });
  // The open page drops the bar and the scanner when the policy arrives.
  await expect(bar(page)).toHaveCount(0);
  await page.reload();
  await page.waitForTimeout(800);
  await expect(bar(page)).toHaveCount(0);
  expect(await scanMarks(page)).toEqual({ starts: 0, idles: 0, layer: false });
  expect(await page.locator('softbar-agent-bar').count()).toBe(0);
  // Another origin is unaffected.
  const other = await ext.context.newPage();
  await other.goto(page.url().replace('127.0.0.1', 'localhost'));
  await expect(bar(other)).toBeVisible();
});

test('the keyboard shortcut "call the selection" dials the selected number', async ({ crm, ext }) => {
  const page = await crm('/record.html');
  await expect(bar(page)).toBeVisible();
  // Select the mobile number's text the way the agent would, then run the shortcut's handler.
  await page.getByText('07700 900123').selectText();
  const tabId = await tabIdOf(ext, page);
  const worker = await ext.worker();
  await worker.evaluate(async (id) => {
    const softbar = (
      globalThis as unknown as { __softbar: { dialSelectionInTab(id: number): Promise<void> } }
    ).__softbar;
    await softbar.dialSelectionInTab(id);
  }, tabId);
  // The demo's default region is US; a UK mobile without +44 is not a US number, so the hub dials it as typed.
  await expect.poll(async () => (await hubState(ext)).calls[0]?.remoteNumber).toBe('07700900123');
  await expect(bar(page)).toContainText('07700900123');
});
