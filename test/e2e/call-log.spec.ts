import { bar, expect, hubState, ringCaller, stopServiceWorker, test, waitConnected } from './fixtures';
import { demoConfig, importConfig } from './import-config';
import { startWebhookServer } from './webhook-server';

const CALLERS = [
  { number: '+44 20 7946 0958', name: 'Olivia Bennett', queue: 'Support' },
  { number: '+1 415 555 0132', name: 'Marcus Reed', queue: 'Sales' },
  { number: '+39 02 4869 1234', name: 'Giulia Romano', queue: 'Billing' },
];

const DISPOSITIONS = ['Resolved', 'Callback', 'Escalated'];

/** Rings, answers and hangs up one call from the bar, then writes and saves its log there. */
async function callAndLog(
  page: import('@playwright/test').Page,
  ext: Parameters<typeof ringCaller>[0],
  caller: (typeof CALLERS)[number],
  notes: string,
  disposition: string,
): Promise<string> {
  const callId = await ringCaller(ext, caller);
  const agentBar = bar(page);
  await agentBar.getByRole('button', { name: 'Answer', exact: true }).click();
  await agentBar.getByRole('button', { name: 'Hang up', exact: true }).click();
  await agentBar.getByRole('textbox', { name: 'Notes' }).fill(notes);
  // By keyboard: the bar ignores synthetic events, and Playwright's selectOption sends synthetic ones.
  await agentBar.getByRole('combobox', { name: 'Disposition' }).focus();
  await page.keyboard.type(disposition);
  await expect(agentBar.getByRole('combobox', { name: 'Disposition' })).toHaveValue(disposition);
  await agentBar.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(agentBar.getByText('Saved')).toBeVisible();
  return callId;
}

test('a saved call log survives a worker restart and shows in the history', async ({ crm, ext }) => {
  await importConfig(ext, demoConfig({ callLog: { dispositions: DISPOSITIONS } }));
  await waitConnected(ext);
  const page = await crm('/index.html');
  await expect(bar(page)).toBeVisible();
  const callId = await callAndLog(page, ext, CALLERS[0]!, 'Asked about the March invoice', 'Callback');
  expect((await hubState(ext)).wrapUp.map((item) => item.callId)).not.toContain(callId);

  await stopServiceWorker(ext, page);
  const options = await ext.openPage('options/index.html#history');
  const history = options.getByRole('region', { name: 'Call history' });
  await expect(history).toContainText('Asked about the March invoice');
  await expect(history).toContainText('Callback');
  await expect(history).toContainText('Olivia Bennett');
});

test('"Later" keeps the log waiting; it can be finished from the popup', async ({ crm, ext }) => {
  await importConfig(ext, demoConfig({ callLog: { dispositions: DISPOSITIONS } }));
  await waitConnected(ext);
  const page = await crm('/index.html');
  const callId = await ringCaller(ext, CALLERS[1]!);
  await bar(page).getByRole('button', { name: 'Answer', exact: true }).click();
  await bar(page).getByRole('button', { name: 'Hang up', exact: true }).click();
  await bar(page).getByRole('button', { name: 'Later', exact: true }).click();
  await expect(bar(page).getByRole('textbox', { name: 'Notes' })).toHaveCount(0);
  await expect
    .poll(async () => (await hubState(ext)).wrapUp.find((item) => item.callId === callId)?.deferred)
    .toBe(true);

  const popup = await ext.openPage('popup/index.html');
  const toLog = popup.getByRole('region', { name: 'Calls to log' });
  await expect(toLog).toContainText('Marcus Reed');
  await toLog.getByRole('button', { name: /Marcus Reed/ }).click();
  await popup.getByRole('textbox', { name: 'Notes' }).fill('Wants a quote');
  await popup.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(popup.getByText('Saved')).toBeVisible();
  await expect.poll(async () => (await hubState(ext)).wrapUp.length).toBe(0);
});

test('a webhook that fails its first five requests still receives every log exactly once', async ({
  crm,
  ext,
}) => {
  const hook = await startWebhookServer(5);
  try {
    await importConfig(
      ext,
      demoConfig({
        callLog: {
          dispositions: DISPOSITIONS,
          webhook: {
            url: hook.url,
            headers: { Authorization: 'Bearer crm-token-123' },
            retryBaseMs: 200,
            retryMaxMs: 2000,
          },
        },
      }),
    );
    await waitConnected(ext);
    const page = await crm('/index.html');
    const ids: string[] = [];
    for (const [index, caller] of CALLERS.entries()) {
      ids.push(await callAndLog(page, ext, caller, `Note ${index + 1}`, DISPOSITIONS[index]!));
    }
    await expect.poll(() => hook.accepted().length, { timeout: 30_000 }).toBe(3);
    // Settle: no late duplicate arrives.
    await page.waitForTimeout(2500);
    const accepted = hook.accepted() as { log: { callId: string; notes: string; disposition: string } }[];
    expect(accepted.map((body) => body.log.callId).sort()).toEqual([...ids].sort());
    expect(hook.hits.filter((hit) => hit.status !== 200)).toHaveLength(5);
    for (const hit of hook.hits) {
      expect(hit.contentType).toMatch(/application\/json/);
      expect(hit.authorization).toBe('Bearer crm-token-123');
      expect(hit.idempotencyKey).toBe((hit.body as { log: { callId: string } }).log.callId);
    }
    expect(accepted.find((body) => body.log.notes === 'Note 2')?.log.disposition).toBe('Callback');

    const options = await ext.openPage('options/index.html#history');
    await expect(options.getByRole('region', { name: 'Call history' })).toContainText(/delivered/i);
  } finally {
    await hook.close();
  }
});

test('the history exports to CSV and JSON', async ({ crm, ext }) => {
  await importConfig(ext, demoConfig({ callLog: { dispositions: DISPOSITIONS } }));
  await waitConnected(ext);
  const page = await crm('/index.html');
  await callAndLog(page, ext, CALLERS[2]!, 'Line, with "quotes"', 'Resolved');
  const options = await ext.openPage('options/index.html#history');
  const history = options.getByRole('region', { name: 'Call history' });
  await expect(history).toContainText('Giulia Romano');

  const csvDownload = options.waitForEvent('download');
  await history.getByRole('button', { name: 'Export CSV' }).click();
  const csvPath = await (await csvDownload).path();
  const { readFile } = await import('node:fs/promises');
  const csv = await readFile(csvPath, 'utf8');
  expect(csv.split('\n')[0]).toMatch(/notes/i);
  expect(csv).toContain('"Line, with ""quotes"""');
  expect(csv).toContain('Resolved');

  const jsonDownload = options.waitForEvent('download');
  await history.getByRole('button', { name: 'Export JSON' }).click();
  const json = JSON.parse(await readFile(await (await jsonDownload).path(), 'utf8'));
  expect(json.records[0]).toMatchObject({ remoteName: 'Giulia Romano', notes: 'Line, with "quotes"' });
});
