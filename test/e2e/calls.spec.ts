import { bar, expect, hubState, ringDemoCall, test } from './fixtures';

test('an incoming call shows in two tabs at once; answering in one updates the other', async ({
  crm,
  ext,
}) => {
  const first = await crm('/index.html');
  const second = await crm('/record.html');
  await expect(bar(first)).toBeVisible();
  await expect(bar(second)).toBeVisible();
  await ringDemoCall(ext);
  const call = (await hubState(ext)).calls[0]!;
  for (const page of [first, second]) {
    await expect(bar(page)).toContainText(call.remoteNumber);
    await expect(bar(page).getByRole('button', { name: 'Answer', exact: true })).toBeVisible();
  }
  await bar(first).getByRole('button', { name: 'Answer', exact: true }).click();
  await expect(bar(second).getByRole('button', { name: 'Hang up', exact: true })).toBeVisible();
  await expect(bar(second).getByRole('button', { name: 'Answer', exact: true })).toHaveCount(0);
  await expect(bar(second)).toContainText(/Connected/i);
  expect((await hubState(ext)).calls[0]!.state).toBe('connected');
});

test('hold, resume, mute, unmute, blind transfer, and hang up from the bar', async ({ crm, ext }) => {
  const page = await crm('/index.html');
  const agentBar = bar(page);
  const button = (name: string) => agentBar.getByRole('button', { name, exact: true });
  await expect(agentBar).toBeVisible();

  await ringDemoCall(ext);
  await button('Answer').click();
  await button('Hold').click();
  await expect(button('Resume')).toBeVisible();
  await expect(agentBar).toContainText(/On hold/i);
  expect((await hubState(ext)).calls[0]!.state).toBe('held');
  await button('Resume').click();
  await expect(button('Hold')).toBeVisible();
  await button('Mute').click();
  await expect(button('Unmute')).toBeVisible();
  expect((await hubState(ext)).calls[0]!.muted).toBe(true);
  await button('Unmute').click();
  await expect(button('Mute')).toBeVisible();

  await button('Transfer').click();
  await agentBar.getByRole('textbox', { name: 'Transfer to' }).fill('2001');
  await button('Blind transfer').click();
  await expect(button('Hang up')).toHaveCount(0);
  await expect.poll(async () => (await hubState(ext)).recent[0]?.endReason).toBe('transferred');

  await ringDemoCall(ext);
  await button('Answer').click();
  await button('Hang up').click();
  await expect(button('Hang up')).toHaveCount(0);
  await expect.poll(async () => (await hubState(ext)).recent[0]?.endReason).toBe('hangup');
});

test('a consult transfer can be completed', async ({ crm, ext }) => {
  const page = await crm('/index.html');
  const agentBar = bar(page);
  const button = (name: string) => agentBar.getByRole('button', { name, exact: true });
  await ringDemoCall(ext);
  await button('Answer').click();
  await button('Transfer').click();
  await agentBar.getByRole('textbox', { name: 'Transfer to' }).fill('2002');
  await button('Consult').click();
  await expect(agentBar).toContainText('Consulting 2002');
  await button('Cancel transfer').click();
  await expect(button('Hold')).toBeVisible();
  await button('Transfer').click();
  await agentBar.getByRole('textbox', { name: 'Transfer to' }).fill('2003');
  await button('Consult').click();
  await button('Complete transfer').click();
  await expect
    .poll(async () => (await hubState(ext)).recent[0]?.transfer)
    .toEqual({
      kind: 'attended',
      target: '2003',
      phase: 'completed',
    });
});

test('dialing out from the bar, with the keypad', async ({ crm, ext }) => {
  const page = await crm('/index.html');
  const agentBar = bar(page);
  const field = agentBar.getByRole('textbox', { name: 'Number to dial' });
  await field.fill('+33 1 70 36 39 5');
  await agentBar.getByRole('button', { name: '0', exact: true }).click();
  await expect(field).toHaveValue('+33 1 70 36 39 50');
  await agentBar.getByRole('button', { name: 'Dial', exact: true }).click();
  await expect(agentBar).toContainText('+33 1 70 36 39 50');
  await expect(agentBar).toContainText(/Dialing/i);
  expect((await hubState(ext)).calls[0]).toMatchObject({ direction: 'outbound', state: 'dialing' });
  // The demo's far end picks up after answerDelayMs (2.5 s by default).
  await expect.poll(async () => (await hubState(ext)).calls[0]?.state, { timeout: 10_000 }).toBe('connected');
  await expect(agentBar.getByRole('button', { name: 'Hold', exact: true })).toBeVisible();
  expect((await hubState(ext)).calls[0]).toMatchObject({ direction: 'outbound', remoteE164: '+33170363950' });
  await agentBar.getByRole('button', { name: 'Hang up', exact: true }).click();
  await expect.poll(async () => (await hubState(ext)).calls.length).toBe(0);
});

test('agent state changed in the popup shows in the bar', async ({ crm, ext }) => {
  const page = await crm('/index.html');
  const select = bar(page).getByRole('combobox', { name: 'Agent state' });
  await expect(select).toBeVisible();
  const popup = await ext.openPage('popup/index.html');
  const popupSelect = popup.getByRole('combobox', { name: 'Agent state' });
  const lunch = await popupSelect.locator('option', { hasText: 'Lunch' }).getAttribute('value');
  await popupSelect.selectOption(lunch!);
  await expect
    .poll(async () => (await hubState(ext)).agent)
    .toMatchObject({ kind: 'notReady', reason: 'Lunch' });
  await expect(select).toHaveValue(lunch!);
  await expect(bar(page)).toContainText(/Lunch/);
});

test('the popup simulates an incoming call that rings in the CRM tab', async ({ crm, ext }) => {
  const page = await crm('/index.html');
  await expect(bar(page)).toBeVisible();
  const popup = await ext.openPage('popup/index.html');
  await popup.getByRole('button', { name: 'Simulate incoming call' }).click();
  await expect(bar(page).getByRole('button', { name: 'Answer', exact: true })).toBeVisible();
  await expect(popup.getByRole('button', { name: 'Answer', exact: true })).toBeVisible();
  await popup.getByRole('button', { name: 'Answer', exact: true }).click();
  await expect(bar(page).getByRole('button', { name: 'Hang up', exact: true })).toBeVisible();
});
