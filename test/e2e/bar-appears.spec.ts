import { bar, expect, hubState, ringDemoCall, test } from './fixtures';

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

test('a page script cannot dial, answer or change state through the bar', async ({ crm, ext }) => {
  const page = await crm('/index.html');
  const agentBar = bar(page);
  await expect(agentBar.getByRole('button', { name: 'Dial', exact: true })).toBeVisible();
  // What a hostile page can do: reach into the open shadow root and fire events.
  const forged = await page.evaluate(async () => {
    const tick = () => new Promise((resolve) => setTimeout(resolve, 50));
    const root = document.querySelector('softbar-agent-bar')!.shadowRoot!;
    const label = [...root.querySelectorAll('label')].find(
      (l) => l.textContent?.trim() === 'Number to dial',
    )!;
    const field = root.getElementById(label.htmlFor) as HTMLInputElement;
    field.value = '+1 900 555 0199';
    field.dispatchEvent(new Event('input', { bubbles: true }));
    await tick();
    const dial = [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Dial')!;
    dial.click();
    await tick();
    field.form?.requestSubmit();
    field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    const select = root.querySelector('select')!;
    select.value = select.options[select.options.length - 1]!.value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    return { field: field.value };
  });
  expect(forged.field).toBe('+1 900 555 0199');
  await page.waitForTimeout(500);
  const state = await hubState(ext);
  expect(state.calls, 'no call was dialed').toHaveLength(0);
  expect(state.agent.kind, 'the agent state did not change').toBe('ready');

  // The same controls work for the user.
  await ringDemoCall(ext);
  await page.evaluate(() => {
    const root = document.querySelector('softbar-agent-bar')!.shadowRoot!;
    [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Answer')!.click();
  });
  await page.waitForTimeout(300);
  expect((await hubState(ext)).calls[0]!.state).toBe('ringing');
  await agentBar.getByRole('button', { name: 'Answer', exact: true }).click();
  await expect.poll(async () => (await hubState(ext)).calls[0]?.state).toBe('connected');
});
