import { bar, expect, ringDemoCall, test } from './fixtures';

test('the bar appears on a plain CRM page, connected to the demo PBX', async ({ crm }) => {
  const page = await crm('/index.html');
  const agentBar = bar(page);
  await expect(agentBar).toBeVisible();
  await expect(agentBar).toContainText('Demo PBX');
  await expect(agentBar.getByRole('combobox', { name: 'Agent state' })).toBeVisible();
  await expect(agentBar.getByRole('button', { name: 'Dial', exact: true })).toBeVisible();
  // It lives in an open shadow root and leaves the CRM's own DOM alone.
  const host = await page.evaluate(() => {
    const el = [...document.documentElement.children].find((c) => c.shadowRoot);
    return el ? { tag: el.tagName.toLowerCase(), open: el.shadowRoot?.mode === 'open' } : undefined;
  });
  expect(host).toEqual({ tag: 'softbar-agent-bar', open: true });
  await expect(page.locator('#contacts tbody tr')).toHaveCount(8);
});

test('the bar survives hostile CSS and stays usable', async ({ crm, ext }) => {
  const page = await crm('/hostile.html');
  const agentBar = bar(page);
  await expect(agentBar).toBeVisible();
  const box = await agentBar.boundingBox();
  expect(box, 'the bar has a real size').not.toBeNull();
  expect(box!.width).toBeGreaterThan(200);
  expect(box!.height).toBeGreaterThan(60);
  // Above the page's fixed header that claims the top z-index.
  const onTop = await page.evaluate(
    ([x, y]) => document.elementFromPoint(x!, y!)?.tagName.toLowerCase(),
    [box!.x + box!.width / 2, box!.y + box!.height / 2],
  );
  expect(onTop).toBe('softbar-agent-bar');
  const styles = await page.evaluate(() => {
    const host = document.querySelector('softbar-agent-bar')!;
    const css = getComputedStyle(host);
    return { position: css.position, display: css.display, transform: css.transform };
  });
  expect(styles).toEqual({ position: 'fixed', display: 'block', transform: 'none' });
  // Buttons keep working although the page says `button { all: unset }`.
  await ringDemoCall(ext);
  await agentBar.getByRole('button', { name: 'Answer', exact: true }).click();
  await expect(agentBar.getByRole('button', { name: 'Hang up', exact: true })).toBeVisible();
  const fontSize = await agentBar
    .getByRole('button', { name: 'Hang up', exact: true })
    .evaluate((el) => getComputedStyle(el).fontSize);
  expect(fontSize).not.toBe('31px');
});
