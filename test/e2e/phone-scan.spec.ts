import type { Locator, Page } from '@playwright/test';
import { bar, type Extension, expect, hubState, test } from './fixtures';

/*
 * Phone numbers on CRM pages: found on demand (content-scripts/phone-scan) in the block under the
 * pointer or in the focused element, offered with a "Call" button drawn in our own layer, and dialed
 * through the hub only on the agent's real click. On the default configuration the allow list is empty,
 * which allows every site: a click dials at once. With an allow list that does not name the site, the
 * bar asks for confirmation first. Numbers are shown found the only way they are: by hovering them.
 */

interface IdleDetail {
  readonly numbers: number;
  readonly lookups: number;
  readonly textNodes: number;
}

/** The scanner's counters from its last mark (the performance timeline is shared). */
function lastIdle(page: Page): Promise<IdleDetail | undefined> {
  return page.evaluate(
    () => (performance.getEntriesByName('softbar-scan-idle').at(-1) as PerformanceMark | undefined)?.detail,
  );
}

/** Waits until the scanner has started (its first idle mark, right after setup). */
async function expectStarted(page: Page): Promise<void> {
  await expect
    .poll(async () => (await lastIdle(page)) !== undefined, { message: 'scanner started' })
    .toBe(true);
}

/** Our Call button (in an open shadow root, which Playwright's locators pierce). */
const callButton = (page: Page, name?: string): Locator =>
  page.locator('softbar-phone-layer').getByRole('button', name ? { name, exact: true } : { name: /^Call / });

/** The bar's confirmation prompt for a number taken from a page. */
const confirmPrompt = (page: Page): Locator => bar(page).getByRole('alertdialog', { name: 'Confirm call' });

/**
 * Moves the mouse onto the middle of an element's text (not the middle of its box: a wide cell's
 * middle may be blank, and the Call button is offered over the number itself).
 */
async function hoverText(locator: Locator): Promise<void> {
  const box = await locator.evaluate((element) => {
    const range = document.createRange();
    range.selectNodeContents(element);
    const rect = range.getClientRects()[0] ?? element.getBoundingClientRect();
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  });
  await locator.page().mouse.move(box.x, box.y, { steps: 2 });
}

/** Imports a configuration through the options page, the way an admin does. */
async function importConfig(ext: Extension, sites: object): Promise<void> {
  const options = await ext.openPage('options/index.html');
  const config = {
    version: 1,
    profiles: [{ id: 'demo', vendor: 'demo', label: 'Demo PBX', settings: {} }],
    activeProfile: 'demo',
    defaultRegion: 'US',
    sites,
    screenPop: [],
    autofill: [],
  };
  await options.getByRole('textbox', { name: 'Configuration JSON' }).fill(JSON.stringify(config));
  await options.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(options.getByRole('status').filter({ hasText: /imported/i })).toBeVisible();
  await options.close();
}

async function expectDialed(ext: Extension, number: string): Promise<void> {
  await expect
    .poll(async () => (await hubState(ext)).calls.map((call) => call.remoteNumber))
    .toContain(number);
}

async function expectNoCall(ext: Extension): Promise<void> {
  expect((await hubState(ext)).calls).toEqual([]);
}

test('numbers on a static page are found by hovering them, without reading the page or changing its DOM', async ({
  crm,
}) => {
  const page = await crm('/index.html');
  const before = await page.evaluate(() => document.body.innerHTML);
  await expectStarted(page);
  // Nothing read up front.
  expect(await lastIdle(page)).toMatchObject({ numbers: 0, lookups: 0, textNodes: 0 });

  const phones = page.locator('#contacts tbody td:nth-child(3)');
  const all = await phones.allTextContents();
  expect(all).toHaveLength(8);
  for (const [i, text] of all.entries()) {
    await hoverText(phones.nth(i));
    await expect(callButton(page, `Call ${text}`)).toBeVisible();
  }
  expect((await lastIdle(page))!.numbers).toBe(8);
  await hoverText(page.getByRole('heading', { name: 'Contacts' }));
  await expect(callButton(page)).toBeHidden();
  // Everything we show lives in our own element on <html>; the CRM's DOM is untouched.
  expect(await page.evaluate(() => document.body.innerHTML)).toBe(before);
});

test('numbers split across elements are found as one; fields, scripts and non-numbers are not', async ({
  crm,
}) => {
  const page = await crm('/split-numbers.html');
  await expectStarted(page);
  const cases: [string, string][] = [
    ['#split-spans span:nth-of-type(2)', 'Call +39 02 4869 1234'],
    ['#split-bold b', 'Call (415) 555-0132'],
    ['#split-nested strong', 'Call +44 20 7946 0958'],
    ['#split-indented span:nth-of-type(2)', 'Call +49 30 1234 5678'],
  ];
  for (const [selector, name] of cases) {
    await hoverText(page.locator(selector));
    await expect(callButton(page, name)).toBeVisible();
  }
  // Not the input, textarea, editor, svg text, dates, amounts, ids, or the two flex cells.
  for (const selector of [
    '#phone-input',
    '#notes',
    '#editor',
    '#not-here svg text',
    '#flex-cells span:nth-of-type(2)',
    '#non-numbers td >> nth=1',
    '#non-numbers td >> nth=3',
    '#non-numbers td >> nth=9',
  ]) {
    await hoverText(page.locator(selector));
    await expect(callButton(page)).toBeHidden();
  }
  // Script and noscript text is not on screen to hover; the elements are skipped all the same.
  expect((await lastIdle(page))!.numbers).toBe(4);
});

test('clicking Call dials, and the demo vendor shows the call', async ({ crm, ext }) => {
  const page = await crm('/index.html');
  await expect(bar(page)).toBeVisible();
  await expectStarted(page);
  await hoverText(page.getByText('+39 02 4869 1234'));
  await callButton(page, 'Call +39 02 4869 1234').click();
  await expect(callButton(page)).toBeHidden();
  await expectDialed(ext, '+390248691234');
  await expect(bar(page)).toContainText('Dialing');
  await expect(bar(page)).toContainText('+39 02 4869 1234');
});

test('on a site off the allow list the bar asks first; excluded selectors are not scanned', async ({
  crm,
  ext,
}) => {
  await importConfig(ext, {
    allow: ['https://crm.example.com/*'],
    block: [],
    exclude: [{ match: 'http://127.0.0.1/*', selectors: ['#split-bold', '.no-such-thing'] }],
  });
  const page = await crm('/split-numbers.html');
  await expect(bar(page)).toBeVisible();
  await expectStarted(page);
  await hoverText(page.locator('#split-bold b'));
  await expect(callButton(page)).toBeHidden();

  await hoverText(page.locator('#split-spans span:nth-of-type(2)'));
  await callButton(page, 'Call +39 02 4869 1234').click();
  await expect(confirmPrompt(page)).toContainText('+39 02 4869 1234');
  await expectNoCall(ext);
  await confirmPrompt(page).getByRole('button', { name: 'Call', exact: true }).click();
  await expectDialed(ext, '+390248691234');
});

test("a page's synthetic click on our button, or on a tel: link, does not dial", async ({ crm, ext }) => {
  const page = await crm('/split-numbers.html');
  await expect(bar(page)).toBeVisible();
  await expectStarted(page);
  await hoverText(page.locator('#split-bold b'));
  await expect(callButton(page, 'Call (415) 555-0132')).toBeVisible();
  // The page's own script (main world) finds our open shadow root and forges every kind of click.
  const forged = await page.evaluate(() => {
    const button = document.querySelector('softbar-phone-layer')?.shadowRoot?.querySelector('button');
    if (!button) return false;
    button.click();
    for (const type of ['pointerdown', 'mousedown', 'mouseup', 'click']) {
      button.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true, cancelable: true }));
    }
    button.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    // A tel: link clicked by script: the browser may try the OS handler, we must not dial.
    document
      .getElementById('tel-link')
      ?.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: false }));
    return true;
  });
  expect(forged).toBe(true);
  await page.waitForTimeout(500);
  await expectNoCall(ext);
  await expect(bar(page)).not.toContainText('Dialing');
});

test('a tel: link click dials through us (the number from its href), by mouse or keyboard', async ({
  crm,
  ext,
}) => {
  const page = await crm('/split-numbers.html');
  await expect(bar(page)).toBeVisible();
  // The link says "Call the Paris office"; its href holds the number.
  await page.locator('#tel-link').click();
  await expectDialed(ext, '+33170363950');
  // The page stayed: the click did not go on to the operating system's tel: handler.
  expect(page.url()).toMatch(/split-numbers\.html$/);

  await bar(page).getByRole('button', { name: 'Hang up', exact: true }).click();
  await expect.poll(async () => (await hubState(ext)).calls.length).toBe(0);
  await page.locator('#callto-link').focus();
  await page.keyboard.press('Enter');
  await expectDialed(ext, '+61298765432');
});

test('keyboard: a focused link holding a number offers Call; Alt+Enter reaches it, Enter dials', async ({
  crm,
  ext,
}) => {
  const page = await crm('/split-numbers.html');
  await expect(bar(page)).toBeVisible();
  await expectStarted(page);
  const link = page.locator('#split-nested a');
  await link.focus();
  await expect(callButton(page, 'Call +44 20 7946 0958')).toBeVisible();
  await page.keyboard.press('Alt+Enter');
  await expect(callButton(page, 'Call +44 20 7946 0958')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(callButton(page)).toBeHidden();
  await expect(link).toBeFocused();

  await page.locator('#split-spans').click();
  await link.focus();
  await page.keyboard.press('Alt+Enter');
  await page.keyboard.press('Enter');
  await expectDialed(ext, '+442079460958');
  // Enter went to our button, not to the page's link.
  expect(page.url()).toMatch(/split-numbers\.html$/);
});

test('a Preact page that re-renders its rows keeps working, and its rows (new ones too) are found', async ({
  crm,
}) => {
  const page = await crm('/react-contacts.html');
  await expect(page.getByRole('status')).toContainText('40 contacts');
  // Let it re-sort, re-render and swap contacts a dozen times.
  await expect
    .poll(() => page.evaluate(() => Number(document.body.dataset.ticks)), { timeout: 15_000 })
    .toBeGreaterThan(12);
  await page.getByRole('button', { name: 'Pause' }).click();
  const phones = page.locator('#contacts tbody td.phone');
  // Rows re-rendered after load, some split over spans (country code apart).
  for (const i of [0, 1, 2, 3, 7]) {
    const text = (await phones.nth(i).textContent())!;
    await hoverText(phones.nth(i));
    await expect(callButton(page, `Call ${text}`)).toBeVisible();
  }

  const added = await page.evaluate(() => document.querySelectorAll('#contacts tbody tr').length);
  await page.getByRole('button', { name: 'Add contact' }).click();
  await expect(page.locator('#contacts tbody tr')).toHaveCount(added + 1);
  const phone = phones.first();
  const text = (await phone.textContent())!;
  await hoverText(phone);
  await expect(callButton(page, `Call ${text}`)).toBeVisible();

  await page.getByRole('button', { name: 'Shuffle' }).click();
  await page.getByRole('button', { name: 'Resume' }).click();
  // Hover while it re-renders under the pointer.
  await hoverText(phones.nth(4));
  await expect
    .poll(() => page.evaluate(() => Number(document.body.dataset.ticks)), { timeout: 10_000 })
    .toBeGreaterThan(20);
  // Preact's own check: the DOM is still exactly what it rendered.
  expect(await page.evaluate(() => document.body.dataset.broken)).toBeUndefined();
});
