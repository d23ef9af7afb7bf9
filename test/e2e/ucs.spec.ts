import type { Locator, Page } from '@playwright/test';
import { DEFAULT_SSO_SECRET, startUcsSim, type UcsSim } from '../../sim/ucs';
import { bar, type Extension, expect, hubState, test } from './fixtures';
import { importConfig } from './import-config';

/*
 * UCS end to end: the simulator serves the operator bundle and its WebSocket on 127.0.0.1; the extension
 * runs the bundle in its sandboxed page inside the offscreen document; the profile is imported in the
 * options page as an admin does it; the agent works in the bar.
 */

let sim: UcsSim;
test.beforeEach(async () => {
  sim = await startUcsSim({
    queues: [
      { queue_id: 1, name: 'Podpora', type: 1, acwSeconds: 1 },
      { queue_id: 2, name: 'Kampaň', type: 0 },
    ],
  });
});
test.afterEach(async () => {
  await sim.close();
});

async function importUcs(ext: Extension, settings: Record<string, unknown> = {}): Promise<void> {
  const port = Number(new URL(sim.url).port);
  await importConfig(ext, {
    version: 1,
    profiles: [
      {
        id: 'ucs',
        vendor: 'ucs',
        label: 'UCS',
        settings: {
          hostname: '127.0.0.1',
          port,
          secure: false,
          username: 'jan.novak',
          ssoSecret: DEFAULT_SSO_SECRET,
          ...settings,
        },
      },
    ],
    activeProfile: 'ucs',
    defaultRegion: 'CZ',
  });
}

const button = (scope: Locator, name: string) => scope.getByRole('button', { name, exact: true });

/**
 * Chooses an option by typing the start of its label into the focused select (type-ahead): the bar
 * ignores synthetic events, and Playwright's selectOption dispatches synthetic ones (an agent's own
 * choice is trusted). `prefix` must lead to `value` directly, without passing other options: each
 * option passed on the way would be chosen too (the agent-state select acts on every change).
 */
async function choose(page: Page, select: Locator, prefix: string, value: string): Promise<void> {
  await select.focus();
  await page.keyboard.type(prefix);
  await expect(select).toHaveValue(value);
}

async function connected(ext: Extension, page: Page): Promise<void> {
  await expect
    .poll(async () => (await hubState(ext)).connection.status, { timeout: 20_000 })
    .toBe('connected');
  await expect(bar(page)).toContainText('UCS');
}

const agentOf = async (username = 'jan.novak') =>
  (await sim.control.sessions()).find((session) => session.username === username);

test('SSO from the secret, pairing in the bar, READY, a call answered, held, consult-transferred and finished, an account code, AUX with a reason', async ({
  crm,
  ext,
}) => {
  await importUcs(ext);
  const page = await crm('/index.html');
  const agentBar = bar(page);

  // No identifier in the profile: UCS lists the phones and the agent picks one in the bar.
  const pairing = agentBar.getByRole('region', { name: 'Pair your phone' });
  await expect(pairing).toBeVisible({ timeout: 20_000 });
  await page.screenshot({ path: test.info().outputPath('ucs-pairing.png') });
  await choose(page, pairing.getByRole('combobox', { name: 'Phone' }), 'L', 'pc101');
  await button(pairing, 'Pair phone').click();
  await connected(ext, page);
  await expect(pairing).toHaveCount(0);
  // The token the extension made from the secret passed the simulator's SSO check, with the provider.
  expect(await agentOf()).toEqual({ phase: 'READY', username: 'jan.novak', provider: 'Softbar' });
  await expect(agentBar).toContainText('Linka 101');

  const states = agentBar.getByRole('combobox', { name: 'Agent state' });
  await choose(page, states, 'R', 'ready');
  await expect.poll(async () => (await hubState(ext)).agent.kind).toBe('ready');

  // A queue call rings; the agent answers, holds, resumes.
  const uniqueid = await sim.control.incomingCall({ number: '602123456', name: 'Petr Malý', queueId: 1 });
  await expect(agentBar).toContainText('Petr Malý');
  await button(agentBar, 'Answer').click();
  await expect(button(agentBar, 'Hold')).toBeVisible();
  await button(agentBar, 'Hold').click();
  await expect.poll(async () => (await sim.control.calls())[0]?.state).toBe(5);
  await expect(button(agentBar, 'Resume')).toBeVisible();
  await button(agentBar, 'Resume').click();
  await expect.poll(async () => (await sim.control.calls())[0]?.state).toBe(3);

  // Consultation transfer: the caller is held, 2002 is dialled, answers, and the transfer is finished.
  await button(agentBar, 'Transfer').click();
  await agentBar.getByRole('textbox', { name: 'Transfer to' }).fill('2002');
  await button(agentBar, 'Consult').click();
  await expect(agentBar).toContainText('Consulting 2002');
  await expect
    .poll(async () => (await sim.control.calls()).map((call) => [call.leg, call.state]))
    .toEqual([
      ['primary', 5],
      ['consultation', 2],
    ]);
  await sim.control.consultAnswer({ username: 'jan.novak' });
  await button(agentBar, 'Complete transfer').click();
  await expect.poll(async () => (await hubState(ext)).calls.length).toBe(0);
  expect((await hubState(ext)).recent[0]).toMatchObject({ endReason: 'transferred' });

  // After the call: the account code from the server's call reasons, set in the bar.
  const code = agentBar.getByRole('region', { name: /Account code for Petr Malý/ });
  await expect(code).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('ucs-account-code.png') });
  await choose(page, code.getByRole('combobox', { name: 'Account code' }), 'P', 'SALE');
  await code.getByRole('button', { name: 'Set account code' }).click();
  await expect(code).toHaveCount(0);
  const history = await sim.control.history('jan.novak');
  expect(history.find((entry) => entry.uniqueid === uniqueid)).toMatchObject({
    transferredTo: '2002',
    accountCodes: ['SALE'],
    cause: 8,
  });

  // The queue call ended: ACW, then READY again (the simulator's queue has 1 s of ACW).
  await expect.poll(async () => (await hubState(ext)).agent.kind, { timeout: 10_000 }).toBe('ready');

  // AUX with one of the server's reasons.
  await choose(page, states, 'N', 'notReady:Lunch');
  await expect
    .poll(async () => (await hubState(ext)).agent)
    .toMatchObject({ kind: 'notReady', reason: 'Lunch' });
  await expect(agentBar).toContainText('Oběd');

  // Queues and waiting callers.
  await sim.control.setWaitingCallers(3);
  await expect(agentBar.getByRole('img', { name: '3 callers waiting in your queues' })).toBeVisible();
  await button(agentBar, 'Queues').click();
  await agentBar.getByRole('checkbox', { name: 'Serve Podpora' }).uncheck();
  await expect.poll(async () => (await hubState(ext)).desk.queues[0]?.active).toBe(false);

  // Nothing secret reached the page's live state.
  expect(JSON.stringify(await hubState(ext))).not.toContain(DEFAULT_SSO_SECRET);
  await page.screenshot({ path: test.info().outputPath('ucs-bar.png') });
});

test('a method UCS does not take now gives the agent a clear message instead of silence', async ({
  crm,
  ext,
}) => {
  await importUcs(ext, { identifier: 'pc101', autoOpenAccountCode: false });
  const page = await crm('/index.html');
  const agentBar = bar(page);
  await connected(ext, page);
  const attempt = async (command: unknown) =>
    (await ext.worker()).evaluate(async (cmd) => {
      const g = globalThis as unknown as { __softbar: { hub: { execute(c: unknown): Promise<void> } } };
      try {
        await g.__softbar.hub.execute(cmd);
        return 'done';
      } catch (error) {
        return (error as Error).message;
      }
    }, command);

  // provision is documented for IDENTIFY and DEVICE only: refused before it is sent, saying why.
  expect(await attempt({ type: 'confirmPhone' })).toContain(
    'Confirming the phone is not possible now: the UCS agent bar is ready (state READY).',
  );
  // UCS refuses hold on a ringing call (its onWarning): the command fails with UCS's words.
  await sim.control.incomingCall({ number: '602123456', name: 'Petr Malý' });
  await expect(button(agentBar, 'Answer')).toBeVisible();
  const first = (await hubState(ext)).calls[0]!;
  expect(await attempt({ type: 'hold', callId: first.id })).toBe(
    'UCS refused tribute: only a connected call can be held',
  );
  await button(agentBar, 'Answer').click();
  await expect(button(agentBar, 'Hang up')).toBeVisible();

  // A second call rings while the agent talks: UCS's hangup would end the call in progress, so Decline
  // is refused in words in the bar, and both calls stay up.
  await sim.control.incomingCall({ number: '777000111', name: 'Eva Nová' });
  await expect(button(agentBar, 'Decline')).toBeVisible();
  await button(agentBar, 'Decline').click();
  await expect(agentBar).toContainText('UCS cannot decline this call while you are on another one');
  const waiting = (await hubState(ext)).calls.find((call) => call.remoteName === 'Eva Nová')!;
  // Hold would hold the call in progress, not the ringing one: refused too, nothing held.
  expect(await attempt({ type: 'hold', callId: waiting.id })).toBe(
    'UCS holds the call you are talking on, and this is not it.',
  );
  expect((await sim.control.calls()).map((call) => call.state).sort()).toEqual([2, 3]);
});

test('the server going down is shown in the bar and recovered from, with the call', async ({ crm, ext }) => {
  await importUcs(ext, { identifier: 'pc101', confirmDevice: true });
  const page = await crm('/index.html');
  const agentBar = bar(page);
  // confirmDevice: the agent confirms the configured phone.
  await expect(agentBar).toContainText('Use phone Linka 101 (101)?', { timeout: 20_000 });
  await button(agentBar, 'Confirm').click();
  await connected(ext, page);

  await sim.control.incomingCall({ number: '602123456', name: 'Petr Malý' });
  await button(agentBar, 'Answer').click();
  await expect(button(agentBar, 'Hang up')).toBeVisible();

  await sim.control.serverDown();
  await expect(agentBar).toContainText('Connection to the UCS server was lost');
  await expect.poll(async () => (await hubState(ext)).connection.status).toBe('reconnecting');

  await sim.control.serverUp();
  // The bundle reconnects and asks for credentials again: Softbar logs in with a fresh token and pairs
  // and confirms the phone the agent confirmed before, without asking; the call is still there.
  await connected(ext, page);
  await expect(agentBar.getByRole('region', { name: 'Pair your phone' })).toHaveCount(0);
  await expect(agentBar).toContainText('Petr Malý');
  await button(agentBar, 'Hang up').click();
  await expect.poll(async () => (await sim.control.calls()).length).toBe(0);
});

test('the CRM page hands over a fresh SSO token and the bar logs in with it; another user is refused', async ({
  crm,
  crmUrl,
  ext,
}) => {
  await importUcs(ext, { ssoSecret: undefined, crmOrigins: [new URL(crmUrl).origin], identifier: 'pc101' });
  const page = await crm('/index.html');
  await expect(bar(page)).toContainText('Waiting for the CRM to log you in to UCS', { timeout: 20_000 });
  // What the CRM does after its own login: post the agent's token to the page's window.
  const handOver = (username: string, token: string) =>
    page.evaluate(
      ([user, value]) =>
        new Promise<unknown>((resolve) => {
          window.addEventListener('message', function answer(event) {
            if (event.data?.type !== 'softbar:ssoTokenResult') return;
            window.removeEventListener('message', answer);
            resolve(event.data);
          });
          window.postMessage({ type: 'softbar:ssoToken', username: user, token: value }, location.origin);
        }),
      [username, token] as const,
    );
  expect(await handOver('eva.svobodova', await sim.control.ssoToken('eva.svobodova'))).toEqual({
    type: 'softbar:ssoTokenResult',
    ok: false,
    error: 'The token is for eva.svobodova, but this UCS profile logs in jan.novak.',
  });
  expect(await handOver('jan.novak', await sim.control.ssoToken('jan.novak'))).toEqual({
    type: 'softbar:ssoTokenResult',
    ok: true,
  });
  await connected(ext, page);
  expect(await agentOf()).toEqual({ phase: 'READY', username: 'jan.novak', provider: 'Softbar' });
});

test('the options page warns about a kept secret and tests UCS settings without disturbing the live session', async ({
  crm,
  ext,
}) => {
  await importUcs(ext, { identifier: 'pc101' });
  const page = await crm('/index.html');
  await connected(ext, page);
  const options = await ext.openPage('options/index.html');
  const profile = options.getByRole('region', { name: 'Vendor profile' });
  await expect(
    profile.getByText('A secret kept in the browser is weaker than a token: prefer a token.'),
  ).toBeVisible();

  const test = profile.getByRole('button', { name: 'Test connection' });
  await test.click();
  await expect(profile.getByRole('status')).toHaveText(
    'Connected to UCS (the running session uses these settings).',
  );

  // Other settings (another user): a throw-away session logs in beside the live one and closes.
  await profile.getByRole('textbox', { name: 'User name' }).fill('eva.svobodova');
  await test.click();
  await expect(profile.getByRole('status')).toHaveText('Connected to UCS.', { timeout: 20_000 });
  // A wrong secret: UCS's refusal in words.
  await profile.getByRole('textbox', { name: 'SSO secret' }).fill('not-the-secret');
  await test.click();
  await expect(profile.getByRole('alert')).toContainText('UCS refused the login of eva.svobodova', {
    timeout: 20_000,
  });
  // The agent's live session never noticed.
  expect(await agentOf()).toEqual({ phase: 'READY', username: 'jan.novak', provider: 'Softbar' });
  expect((await hubState(ext)).connection.status).toBe('connected');
});

test("with headless off, UCS's own screen opens from the bar in a window and the session carries on", async ({
  crm,
  ext,
}) => {
  await importUcs(ext, { identifier: 'pc101', headless: false });
  const page = await crm('/index.html');
  await connected(ext, page);
  const opened = ext.context.waitForEvent('page', (p: Page) =>
    p.url().includes('/src/vendor-screen/index.html'),
  );
  await button(bar(page), 'Open UCS screen').click();
  const screen = await opened;
  // The bundle renders its GUI into the sandboxed page (renderTo), now in the window, logged in again.
  const gui = screen.frameLocator('iframe').locator('#ucsOperator');
  await expect(gui).toContainText('READY', { timeout: 20_000 });
  await connected(ext, page);
  expect(await agentOf()).toEqual({ phase: 'READY', username: 'jan.novak', provider: 'Softbar' });
  // Calls still reach the bar.
  await sim.control.incomingCall({ number: '602123456', name: 'Petr Malý' });
  await expect(button(bar(page), 'Answer')).toBeVisible();
  await screen.screenshot({ path: test.info().outputPath('ucs-own-screen.png') });
  // While a call is up the screen is not moved again (that would reload the bundle).
  await button(bar(page), 'Answer').click();
  await expect(button(bar(page), 'Hang up')).toBeVisible();
  await button(bar(page), 'Open UCS screen').click();
  await expect(bar(page)).toContainText(
    'Opening the UCS screen reloads the agent bar, which would cut the call',
  );
});

test('dial from the bar under an outbound queue, mute and unmute, then a blind transfer', async ({
  crm,
  ext,
}) => {
  await importUcs(ext, { identifier: 'pc101', autoOpenAccountCode: false });
  const page = await crm('/index.html');
  const agentBar = bar(page);
  await connected(ext, page);

  await agentBar.getByRole('textbox', { name: 'Number to dial' }).fill('800123456');
  await choose(page, agentBar.getByRole('combobox', { name: 'Dial via' }), 'K', '2');
  await button(agentBar, 'Dial').click();
  await expect
    .poll(async () => (await sim.control.calls())[0])
    .toMatchObject({
      direction: 'OUTGOING',
      called_number: '800123456',
      outbound_id: 2,
    });
  await sim.control.farEndAnswer({ username: 'jan.novak' });
  await expect(button(agentBar, 'Mute')).toBeVisible();

  await button(agentBar, 'Mute').click();
  await expect.poll(async () => (await sim.control.calls())[0]?.caller_muted).toBe(true);
  await expect(agentBar.getByText('Muted', { exact: true })).toBeVisible();
  await button(agentBar, 'Unmute').click();
  await expect.poll(async () => (await sim.control.calls())[0]?.caller_muted).toBe(false);

  await button(agentBar, 'Transfer').click();
  await agentBar.getByRole('textbox', { name: 'Transfer to' }).fill('2001');
  await button(agentBar, 'Blind transfer').click();
  await expect.poll(async () => (await sim.control.calls()).length).toBe(0);
  expect((await sim.control.history('jan.novak'))[0]).toMatchObject({ transferredTo: '2001', cause: 8 });
  await expect.poll(async () => (await hubState(ext)).recent[0]?.endReason).toBe('transferred');
});
