import type { Page } from '@playwright/test';
import { bar, expect, hubState, ringCaller, stopServiceWorker, test, waitConnected } from './fixtures';
import { demoConfig, importConfig } from './import-config';

const OLIVIA = {
  number: '+44 20 7946 0958',
  name: 'Olivia Bennett',
  queue: 'Support',
  data: { customerId: 'C-10482', tier: 'gold & silver' },
};

/** Pages whose URL contains `fragment`, right now. */
const pagesAt = (pages: readonly Page[], fragment: string) => pages.filter((p) => p.url().includes(fragment));

test('a ringing call opens the record URL once, with two CRM tabs open, and not again after a worker restart', async ({
  crm,
  crmUrl,
  ext,
}) => {
  await importConfig(
    ext,
    demoConfig({
      screenPop: [
        {
          id: 'open-record',
          on: 'ringing',
          conditions: [{ field: 'direction', equals: 'inbound' }],
          action: 'newTab',
          url: `${crmUrl}/record.html?phone={e164}&name={name}&queue={queue}&customer={vendor.customerId}&tier={vendor.tier}`,
        },
      ],
    }),
  );
  await waitConnected(ext);
  const first = await crm('/index.html');
  const second = await crm('/index.html');
  await expect(bar(first)).toBeVisible();
  await expect(bar(second)).toBeVisible();

  const popped = ext.context.waitForEvent('page', (page) => page.url().includes('/record.html'));
  await ringCaller(ext, OLIVIA);
  const record = await popped;
  await record.waitForLoadState('domcontentloaded');
  const url = new URL(record.url());
  // Every variable is URL-encoded: the "+" of E.164 and the "&" inside a vendor field survive.
  expect(url.searchParams.get('phone')).toBe('+442079460958');
  expect(url.searchParams.get('name')).toBe('Olivia Bennett');
  expect(url.searchParams.get('queue')).toBe('Support');
  expect(url.searchParams.get('customer')).toBe('C-10482');
  expect(url.searchParams.get('tier')).toBe('gold & silver');

  // Two tabs run the bar, yet the pop happened once; it stays once after the worker is stopped mid-ring.
  await first.waitForTimeout(1500);
  expect(pagesAt(ext.context.pages(), '/record.html')).toHaveLength(1);
  await stopServiceWorker(ext, first);
  await expect(bar(first)).toContainText('Olivia Bennett');
  expect((await hubState(ext)).calls[0]?.state).toBe('ringing');
  await first.waitForTimeout(1500);
  expect(pagesAt(ext.context.pages(), '/record.html')).toHaveLength(1);
});

test('a reuse-tab rule navigates the open CRM tab instead of opening another', async ({
  crm,
  crmUrl,
  ext,
}) => {
  await importConfig(
    ext,
    demoConfig({
      screenPop: [
        {
          id: 'reuse-record',
          on: 'answered',
          action: 'reuseTab',
          tabPattern: 'http://127.0.0.1/record.html*',
          url: `${crmUrl}/record.html?customer={vendor.customerId}`,
        },
      ],
    }),
  );
  await waitConnected(ext);
  const work = await crm('/index.html');
  const existing = await crm('/record.html?customer=old');
  await work.bringToFront();
  const before = ext.context.pages().length;

  await ringCaller(ext, OLIVIA);
  // Nothing pops on ringing: the rule waits for the answer.
  await work.waitForTimeout(800);
  expect(existing.url()).toContain('customer=old');
  await bar(work).getByRole('button', { name: 'Answer', exact: true }).click();
  await expect.poll(() => existing.url()).toContain('customer=C-10482');
  expect(ext.context.pages()).toHaveLength(before);
  await expect.poll(() => existing.evaluate(() => document.visibilityState)).toBe('visible');
});

test('a frame rule shows the record inside the bar', async ({ crm, crmUrl, ext }) => {
  await importConfig(
    ext,
    demoConfig({
      screenPop: [
        {
          id: 'frame',
          label: 'Customer card',
          on: 'ringing',
          action: 'frame',
          url: `${crmUrl}/record.html?phone={e164}`,
        },
      ],
    }),
  );
  await waitConnected(ext);
  const page = await crm('/index.html');
  await expect(bar(page)).toBeVisible();
  await ringCaller(ext, OLIVIA);
  const frame = bar(page).locator('iframe');
  await expect(frame).toHaveAttribute('src', `${crmUrl}/record.html?phone=%2B442079460958`);
  await expect(bar(page)).toContainText('Customer card');
  await bar(page).getByRole('button', { name: 'Close', exact: true }).click();
  await expect(frame).toHaveCount(0);
});

test('a javascript: template is refused with a clear error, on import and in "Test rule"', async ({
  ext,
}) => {
  const options = await ext.openPage('options/index.html');
  const config = demoConfig({
    screenPop: [{ id: 'evil', on: 'ringing', action: 'newTab', url: 'javascript:alert(document.cookie)' }],
  });
  await options.getByRole('textbox', { name: 'Configuration JSON' }).fill(JSON.stringify(config));
  await options.getByRole('button', { name: 'Import', exact: true }).click();
  const alert = options.getByRole('alert').first();
  await expect(alert).toContainText('screenPop[0].url');
  await expect(alert).toContainText(/only http and https/i);
  // Nothing was stored.
  await options.reload();
  const view = await options.evaluate(async () => {
    const reply = await chrome.runtime.sendMessage({ softbar: 1, name: 'getConfig', data: undefined });
    return reply.value.config.screenPop as unknown[];
  });
  expect(view).toEqual([]);

  // The rule editor's preview refuses it too, before anything is saved.
  const editor = options.getByRole('textbox', { name: 'Screen-pop rules JSON' });
  await editor.fill(JSON.stringify(config.screenPop, null, 2));
  await options.getByRole('button', { name: 'Test rule' }).first().click();
  await expect(options.getByText(/only http and https/i).first()).toBeVisible();
});
