import { bar, expect, hubState, ringDemoCall, stopServiceWorker, test, waitConnected } from './fixtures';

test('a worker stopped mid-call comes back with the call shown and controllable', async ({ crm, ext }) => {
  const page = await crm('/index.html');
  const agentBar = bar(page);
  await ringDemoCall(ext);
  await agentBar.getByRole('button', { name: 'Answer', exact: true }).click();
  await agentBar.getByRole('button', { name: 'Hold', exact: true }).click();
  await expect(agentBar.getByRole('button', { name: 'Resume', exact: true })).toBeVisible();
  const before = (await hubState(ext)).calls[0]!;
  const oldWorker = await ext.worker();
  const bootedBefore = await oldWorker.evaluate(() => performance.timeOrigin);

  await stopServiceWorker(ext, page);

  // The bar's port dropped with the worker; it reconnects, which wakes the worker, which restores.
  await expect(agentBar).toContainText(before.remoteNumber);
  await expect(agentBar.getByRole('button', { name: 'Resume', exact: true })).toBeVisible();
  // The restored state shows at once; commands wait for the vendor to be connected again.
  await waitConnected(ext);
  await agentBar.getByRole('button', { name: 'Resume', exact: true }).click();
  await expect(agentBar.getByRole('button', { name: 'Hold', exact: true })).toBeVisible();

  const worker = await ext.worker();
  const bootedAfter = await worker.evaluate(() => performance.timeOrigin);
  expect(bootedAfter, 'a new worker instance runs').not.toBe(bootedBefore);
  const after = await hubState(ext);
  expect(after.calls.map((c) => [c.id, c.state])).toEqual([[before.id, 'connected']]);

  await agentBar.getByRole('button', { name: 'Hang up', exact: true }).click();
  await expect.poll(async () => (await hubState(ext)).calls.length).toBe(0);
});
