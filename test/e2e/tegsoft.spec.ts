import type { Locator, Page } from '@playwright/test';
import { startTegsoftSim, type TegsoftSim } from '../../sim/tegsoft';
import { bar, type Extension, expect, hubState, test } from './fixtures';

/*
 * Tegsoft end to end: the simulator serves the widget on 127.0.0.1, the extension hosts it in its
 * offscreen document, and the profile is configured the way an admin does it, by importing JSON in the
 * options page.
 */

let sim: TegsoftSim;
test.beforeEach(async () => {
  sim = await startTegsoftSim({ answerDelayMs: 300 });
});
test.afterEach(async () => {
  await sim.close();
});

async function importTegsoft(ext: Extension, settings: Record<string, unknown> = {}): Promise<void> {
  const options = await ext.openPage('options/index.html');
  const config = {
    version: 1,
    profiles: [
      {
        id: 'tegsoft',
        vendor: 'tegsoft',
        label: 'Tegsoft',
        settings: {
          hostname: sim.url,
          token: 'test-token',
          notReadyReasons: ['LUNCH', 'BREAK'],
          ...settings,
        },
      },
    ],
    activeProfile: 'tegsoft',
    defaultRegion: 'GB',
  };
  await options.getByRole('textbox', { name: 'Configuration JSON' }).fill(JSON.stringify(config));
  await options.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(options.getByRole('status').filter({ hasText: /imported/i })).toBeVisible();
  await options.close();
}

const button = (scope: Locator, name: string) => scope.getByRole('button', { name, exact: true });

async function connected(ext: Extension, page: Page): Promise<void> {
  await expect
    .poll(async () => (await hubState(ext)).connection.status, { timeout: 15_000 })
    .toBe('connected');
  await expect(bar(page)).toContainText('Tegsoft');
}

test('an inbound call rings in two tabs, is answered, held, resumed and hung up; another is transferred blind', async ({
  crm,
  ext,
}) => {
  await importTegsoft(ext);
  const first = await crm('/index.html');
  const second = await crm('/record.html');
  await connected(ext, first);

  // The offscreen document hosts the widget.
  const worker = await ext.worker();
  const contexts = await worker.evaluate(
    async () =>
      (
        await chrome.runtime.getContexts({
          contextTypes: ['OFFSCREEN_DOCUMENT' as chrome.runtime.ContextType],
        })
      ).length,
  );
  expect(contexts).toBe(1);
  // The widget URL carries the token: nothing a content script receives may hold it.
  expect(JSON.stringify(await hubState(ext))).not.toContain('test-token');

  await sim.control.inboundCall({ number: '+442079460958', name: 'Olivia Bennett', skill: 'Support' });
  for (const page of [first, second]) {
    await expect(bar(page)).toContainText('Olivia Bennett');
    await expect(bar(page)).toContainText('+44 20 7946 0958');
    await expect(bar(page)).toContainText('Support');
  }
  await button(bar(first), 'Answer').click();
  await sim.control.waitForAction('answer');
  await expect(button(bar(second), 'Hang up')).toBeVisible();
  await button(bar(second), 'Hold').click();
  await expect(button(bar(first), 'Resume')).toBeVisible();
  expect((await sim.control.agent()).calls[0]?.held).toBe(true);
  await button(bar(first), 'Resume').click();
  await expect(button(bar(first), 'Hold')).toBeVisible();
  await button(bar(first), 'Hang up').click();
  await sim.control.waitForAction('hangUp');
  await expect(button(bar(first), 'Hang up')).toHaveCount(0);
  await expect.poll(async () => (await hubState(ext)).recent[0]?.endReason).toBe('hangup');

  await sim.control.inboundCall({ number: '+15551230000', name: 'Marcus Reed', skill: 'Sales' });
  await button(bar(first), 'Answer').click();
  await button(bar(first), 'Transfer').click();
  await bar(first).getByRole('textbox', { name: 'Transfer to' }).fill('1003');
  await button(bar(first), 'Blind transfer').click();
  const transfer = await sim.control.waitForAction('blindTransfer');
  expect(transfer.data).toEqual({ extension: '1003' });
  await expect(button(bar(second), 'Hang up')).toHaveCount(0);
  await expect.poll(async () => (await hubState(ext)).recent[0]?.endReason).toBe('transferred');
});

test('clicking a number on a page sends dial with that numberToDial; campaign calls and web chats show for what they are', async ({
  crm,
  ext,
}) => {
  await importTegsoft(ext);
  const page = await crm('/index.html');
  await connected(ext, page);
  await page.getByText('+39 02 4869 1234').first().hover();
  await page.locator('softbar-phone-layer').getByRole('button', { name: 'Call +39 02 4869 1234' }).click();
  const dial = await sim.control.waitForAction('dial');
  expect(dial.data).toMatchObject({ numberToDial: '+390248691234' });
  await expect(bar(page)).toContainText('+39 02 4869 1234');
  await expect(button(bar(page), 'Hang up')).toBeVisible();
  await button(bar(page), 'Hang up').click();
  await expect(button(bar(page), 'Hang up')).toHaveCount(0);

  await sim.control.campaignCall({ number: '123456789', campaign: 'Spring renewals' });
  await expect(bar(page)).toContainText('Campaign Spring renewals');
  await button(bar(page), 'Hang up').click();
  await expect(bar(page)).not.toContainText('Campaign Spring renewals');

  await sim.control.webchat({ name: 'Jane Poe', phone: '1234567890', skill: 'Test_Skill' });
  await expect(bar(page)).toContainText('Web chat');
  await expect(bar(page)).toContainText('Jane Poe');
  await button(bar(page), 'Answer').click();
  await expect(button(bar(page), 'Hold')).toHaveCount(0);
});

test("the call's CTI data feeds screen-pop rules and is set from the bar", async ({ crm, crmUrl, ext }) => {
  const options = await ext.openPage('options/index.html');
  const config = {
    version: 1,
    profiles: [
      {
        id: 'tegsoft',
        vendor: 'tegsoft',
        label: 'Tegsoft',
        settings: { hostname: sim.url, token: 'test-token' },
      },
    ],
    activeProfile: 'tegsoft',
    screenPop: [
      {
        id: 'contact',
        on: 'ringing',
        action: 'newTab',
        url: `${crmUrl}/record.html?contact={vendor.CONTID}&skill={vendor.SKILLNAME}&call={vendor.CALLID}`,
      },
    ],
  };
  await options.getByRole('textbox', { name: 'Configuration JSON' }).fill(JSON.stringify(config));
  await options.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(options.getByRole('status').filter({ hasText: /imported/i })).toBeVisible();
  await options.close();
  const page = await crm('/index.html');
  await connected(ext, page);

  const popped = ext.context.waitForEvent('page', (p) => p.url().includes('/record.html'));
  const callId = await sim.control.inboundCall({
    number: '+442079460958',
    name: 'Olivia Bennett',
    skill: 'Support',
  });
  const url = new URL((await popped).url());
  const call = (await hubState(ext)).calls[0]!;
  expect(url.searchParams.get('contact')).toBe(String(call.vendorData.CONTID));
  expect(url.searchParams.get('contact')).not.toBe('');
  expect(url.searchParams.get('skill')).toBe('Support');
  expect(url.searchParams.get('call')).toBe(callId);

  await page.bringToFront();
  await button(bar(page), 'Answer').click();
  await button(bar(page), 'Call data').click();
  await bar(page).getByRole('textbox', { name: 'Variable name' }).fill('ordernumber');
  await bar(page).getByRole('textbox', { name: 'Value' }).fill('SO-4471');
  await button(bar(page), 'Set variable').click();
  const set = await sim.control.waitForAction('setCtiData');
  expect(set.data).toMatchObject({ ctiData: { variables: { ordernumber: 'SO-4471' } } });
  await expect
    .poll(async () => (await hubState(ext)).calls[0]?.vendorData.variables)
    .toMatchObject({ ordernumber: 'SO-4471' });
  await button(bar(page), 'Toggle camera').click();
  await sim.control.waitForAction('toggleCamera');
});

test('messages forged by the page, by another frame or from another origin change nothing', async ({
  crm,
  ext,
}) => {
  await importTegsoft(ext);
  const page = await crm('/index.html');
  await connected(ext, page);

  // The page itself posts Tegsoft-shaped events everywhere it can reach.
  await page.evaluate(() => {
    const forged = {
      type: 'event',
      group: 'agent',
      name: 'OnIncomingCallRinging',
      data: { activeCallProperties: { CALLID: 'forged-1', callerId: '+19005550199', DIRECTION: 'INBOUND' } },
    };
    window.postMessage(forged, '*');
    for (let i = 0; i < window.frames.length; i++) window.frames[i]?.postMessage(forged, '*');
  });
  // Nested frames inside the widget (same origin, and another origin) post to the offscreen document.
  expect(await sim.control.forge()).toEqual({ sameOrigin: true, crossOrigin: true });
  await page.waitForTimeout(800);
  expect((await hubState(ext)).calls).toEqual([]);
  await expect(bar(page)).not.toContainText('9005550199');

  // The real widget still gets through.
  await sim.control.inboundCall({ number: '+442079460958', name: 'Olivia Bennett' });
  await expect(bar(page)).toContainText('Olivia Bennett');
});

test('with the integration parameter missing, the bar names it', async ({ crm, ext }) => {
  await sim.control.setIntegrationParameter(null);
  await importTegsoft(ext, { eventTimeoutMs: 2000 });
  const page = await crm('/index.html');
  await expect(bar(page)).toContainText('clientSideCTI://parentWindowEvent|eventList=all', {
    timeout: 15_000,
  });
  // Once the admin adds it, the bar connects by itself.
  await sim.control.setIntegrationParameter('clientSideCTI://parentWindowEvent|eventList=all');
  await connected(ext, page);
  await expect(bar(page)).not.toContainText('clientSideCTI://');
});
