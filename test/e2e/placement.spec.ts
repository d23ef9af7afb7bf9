import { bar, expect, ringDemoCall, test } from './fixtures';

test('the bar docks, minimizes, hides, moves by keyboard, and remembers its place per site', async ({
  crm,
  ext,
}) => {
  const page = await crm('/index.html');
  const agentBar = bar(page);
  await expect(agentBar).toBeVisible();
  const viewport = page.viewportSize()!;

  await agentBar.getByRole('button', { name: 'Dock left', exact: true }).click();
  await expect(agentBar.getByRole('button', { name: 'Dock left', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  expect((await agentBar.boundingBox())!.x).toBeLessThan(1);
  await agentBar.getByRole('button', { name: 'Dock bottom', exact: true }).click();
  await expect.poll(async () => (await agentBar.boundingBox())!.width).toBe(viewport.width);
  const bottom = (await agentBar.boundingBox())!;
  expect(bottom.y + bottom.height).toBeCloseTo(viewport.height, 0);
  await agentBar.getByRole('button', { name: 'Dock left', exact: true }).click();
  await expect.poll(async () => (await agentBar.boundingBox())!.x).toBeLessThan(1);

  // Same site, new page load: still docked left. Another site (another origin) keeps its own place.
  await page.reload();
  await expect(bar(page)).toBeVisible();
  expect((await bar(page).boundingBox())!.x).toBeLessThan(5);
  const other = await ext.context.newPage();
  await other.goto(page.url().replace('127.0.0.1', 'localhost'));
  await expect(bar(other)).toBeVisible();
  expect((await bar(other).boundingBox())!.x).toBeGreaterThan(viewport.width / 2);
  await other.close();

  // Float, then move with the keyboard from the handle.
  await bar(page).getByRole('button', { name: 'Float', exact: true }).click();
  const before = (await bar(page).boundingBox())!;
  await bar(page).getByRole('button', { name: 'Move agent bar' }).focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowUp');
  await expect.poll(async () => (await bar(page).boundingBox())!.x).toBeLessThan(before.x);
  expect((await bar(page).boundingBox())!.y).toBeLessThan(before.y);

  // Hide to the side, then show again.
  await bar(page).getByRole('button', { name: 'Hide agent bar' }).click();
  await expect(bar(page).getByRole('button', { name: 'Show agent bar' })).toBeVisible();
  expect((await bar(page).boundingBox())!.width).toBeLessThan(60);
  await bar(page).getByRole('button', { name: 'Show agent bar' }).click();
  await expect(bar(page).getByRole('combobox', { name: 'Agent state' })).toBeVisible();

  // Minimize to a handle; a ringing call still offers Answer there.
  await bar(page).getByRole('button', { name: 'Minimize agent bar' }).click();
  await expect(bar(page).getByRole('button', { name: 'Open agent bar' })).toBeVisible();
  await expect(bar(page).getByRole('combobox', { name: 'Agent state' })).toHaveCount(0);
  await ringDemoCall(ext);
  await expect(bar(page).getByRole('button', { name: 'Answer', exact: true })).toBeVisible();
  await bar(page).getByRole('button', { name: 'Open agent bar' }).press('Enter');
  await expect(bar(page).getByRole('combobox', { name: 'Agent state' })).toBeVisible();

  // Even hidden, a ringing call is not missed: the handle with Answer shows instead of the thin tab.
  await bar(page).getByRole('button', { name: 'Hide agent bar' }).click();
  await bar(page).getByRole('button', { name: 'Answer', exact: true }).click();
  await expect(bar(page).getByRole('button', { name: 'Show agent bar' })).toBeVisible();
});
