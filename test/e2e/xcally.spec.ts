import type { Page } from '@playwright/test';
import { startXcallySim, type XcallySim } from '../../sim/xcally';
import { bar, type Extension, expect, hubState, test } from './fixtures';

/*
 * xCALLY Shuttle end to end: the simulator plays xcally-realtime (socket.io, engine.io 3 and 4) and the
 * agent's Phonebar on 127.0.0.1; the adapter runs in the service worker; the profile is imported in the
 * options page as an admin does it.
 */

const PEER = 'SIP/andrea.bianco';
let sim: XcallySim;
test.beforeEach(async () => {
  sim = await startXcallySim({ answerDelayMs: 300 });
});
test.afterEach(async () => {
  await sim.close();
});

async function importXcally(
  ext: Extension,
  crmUrl: string,
  engineIo: 3 | 4,
  extra: Record<string, unknown> = {},
): Promise<void> {
  const options = await ext.openPage('options/index.html');
  const config = {
    version: 1,
    profiles: [
      {
        id: 'xcally',
        vendor: 'xcally',
        label: 'xCALLY',
        settings: {
          url: sim.url,
          path: sim.path,
          engineIo,
          peer: PEER,
          queues: ['Support'],
          phonebarUrl: sim.phonebarUrl,
          realtimeCti: { enabled: true, appName: 'Softbar' },
        },
      },
    ],
    activeProfile: 'xcally',
    defaultRegion: 'IT',
    screenPop: [
      {
        id: 'caller-record',
        on: 'ringing',
        action: 'newTab',
        url: `${crmUrl}/record.html?caller={vendor.callernum}&queue={queue}`,
      },
    ],
    ...extra,
  };
  await options.getByRole('textbox', { name: 'Configuration JSON' }).fill(JSON.stringify(config));
  await options.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(options.getByRole('status').filter({ hasText: /imported/i })).toBeVisible();
  await options.close();
}

async function connected(ext: Extension, page: Page): Promise<void> {
  await expect
    .poll(async () => (await hubState(ext)).connection.status, { timeout: 15_000 })
    .toBe('connected');
  await expect(bar(page)).toContainText('xCALLY');
}

const recordPages = (ext: Extension) => ext.context.pages().filter((p) => p.url().includes('/record.html'));

for (const engineIo of [3, 4] as const) {
  test(`engine.io ${engineIo}: a queue call for this peer rings in two tabs and pops once; another peer's call shows nothing`, async ({
    crm,
    crmUrl,
    ext,
  }) => {
    await importXcally(ext, crmUrl, engineIo);
    const first = await crm('/index.html');
    const second = await crm('/index.html');
    await connected(ext, first);
    const clients = await sim.control.waitForClients(1, { peer: PEER });
    expect(clients[0]?.protocol).toBe(engineIo);

    // Another agent's call: nothing in the bar, no pop.
    await sim.control.queueCall({
      queue: 'Support',
      callernum: '0298765432',
      callername: 'Other',
      peer: 'SIP/john.doe',
    });
    await first.waitForTimeout(800);
    expect((await hubState(ext)).calls).toEqual([]);
    expect(recordPages(ext)).toHaveLength(0);

    const popped = ext.context.waitForEvent('page', (p) => p.url().includes('/record.html'));
    const uniqueid = await sim.control.queueCall({
      queue: 'Support',
      callernum: '0248691234',
      callername: 'Giulia Romano',
      peer: PEER,
    });
    const url = new URL((await popped).url());
    expect(url.searchParams.get('caller')).toBe('0248691234');
    expect(url.searchParams.get('queue')).toBe('Support');
    for (const page of [first, second]) await expect(bar(page)).toContainText('Giulia Romano');
    await first.waitForTimeout(1000);
    expect(recordPages(ext)).toHaveLength(1);

    // The pop is reported to the supervisors' realtime view.
    const realtime = await sim.control.waitForReceived('RealtimeCTI');
    expect(realtime.payload).toMatchObject({ type: 'Softbar', url: url.href });

    // Answer through the Phonebar; the caller hangs up.
    await first.bringToFront();
    await bar(first).getByRole('button', { name: 'Answer', exact: true }).click();
    await expect
      .poll(async () => (await sim.control.phonebarRequests()).map((r) => r.path).join(' '))
      .toContain('/api/answer');
    await expect(bar(second).getByRole('button', { name: 'Hang up', exact: true })).toBeVisible();
    await sim.control.hangup({ uniqueid, by: 'caller' });
    await expect(bar(first).getByRole('button', { name: 'Hang up', exact: true })).toHaveCount(0);
  });
}

test('an AgentCTI for this peer opens its URL; one for another peer does not', async ({
  crm,
  crmUrl,
  ext,
}) => {
  await importXcally(ext, crmUrl, 4, { screenPop: [] });
  const page = await crm('/index.html');
  await connected(ext, page);
  await sim.control.waitForClients(1, { peer: PEER });

  await sim.control.agentCti({
    url: `${crmUrl}/record.html?for=other`,
    peer: 'SIP/john.doe',
    mode: 'new_tab',
  });
  const opened = ext.context.waitForEvent('page', (p) => p.url().includes('/record.html'));
  await sim.control.agentCti({ url: `${crmUrl}/record.html?for=me`, peer: PEER, mode: 'new_tab' });
  expect((await opened).url()).toContain('for=me');
  await page.waitForTimeout(800);
  expect(ext.context.pages().filter((p) => p.url().includes('for=other'))).toHaveLength(0);

  // new_frame shows in the bar; a notification shows as a notice.
  await sim.control.agentCti({ url: `${crmUrl}/record.html?for=frame`, peer: PEER, mode: 'new_frame' });
  await expect(bar(page).locator('iframe')).toHaveAttribute('src', `${crmUrl}/record.html?for=frame`);
  await sim.control.agentCtiNotification({
    peer: PEER,
    type: 'info',
    title: 'Reminder',
    body: 'Call ACME back',
  });
  await expect(bar(page)).toContainText('Call ACME back');
});

test('click-to-dial goes through the Phonebar; a restarted server is reconnected to and the bar shows the outage', async ({
  crm,
  crmUrl,
  ext,
}) => {
  await importXcally(ext, crmUrl, 3, { screenPop: [] });
  const page = await crm('/index.html');
  await connected(ext, page);
  await page.getByText('+39 02 4869 1234').first().hover();
  await page.locator('softbar-phone-layer').getByRole('button', { name: 'Call +39 02 4869 1234' }).click();
  await expect
    .poll(async () => (await sim.control.phonebarRequests()).map((r) => decodeURIComponent(r.path)).join(' '))
    .toContain('/api/originate/+390248691234');
  await expect(bar(page)).toContainText('+39 02 4869 1234');

  // Not awaited: the outage must be seen in the bar while the server is down.
  const restarted = sim.control.restart({ downMs: 3000 });
  await expect(bar(page)).toContainText(/reconnecting/i, { timeout: 10_000 });
  await restarted;
  await expect
    .poll(async () => (await hubState(ext)).connection.status, { timeout: 20_000 })
    .toBe('connected');
  await sim.control.waitForClients(1, { peer: PEER, timeoutMs: 20_000 });
  await expect(bar(page)).not.toContainText(/reconnecting/i);
});
