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
 * Chooses the option with `value` by keyboard: the bar ignores synthetic events, and Playwright's
 * selectOption dispatches synthetic ones (an agent's own choice is trusted).
 */
async function choose(page: Page, select: Locator, value: string): Promise<void> {
  const [current, target] = await select.evaluate((element, wanted) => {
    const options = [...(element as HTMLSelectElement).options];
    return [(element as HTMLSelectElement).selectedIndex, options.findIndex((o) => o.value === wanted)];
  }, value);
  if (target < 0) throw new Error(`no option ${value}`);
  await select.focus();
  const key = target > current ? 'ArrowDown' : 'ArrowUp';
  for (let step = 0; step < Math.abs(target - current); step += 1) await page.keyboard.press(key);
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
  await choose(page, pairing.getByRole('combobox', { name: 'Phone' }), 'pc101');
  await button(pairing, 'Pair phone').click();
  await connected(ext, page);
  await expect(pairing).toHaveCount(0);
  // The token the extension made from the secret passed the simulator's SSO check, with the provider.
  expect(await agentOf()).toEqual({ phase: 'READY', username: 'jan.novak', provider: 'Softbar' });
  await expect(agentBar).toContainText('Linka 101');

  const states = agentBar.getByRole('combobox', { name: 'Agent state' });
  await choose(page, states, 'ready');
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
  await choose(page, code.getByRole('combobox', { name: 'Account code' }), 'SALE');
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
  await choose(page, states, 'notReady:Lunch');
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
  await importUcs(ext, { identifier: 'pc101' });
  const page = await crm('/index.html');
  await connected(ext, page);
  await sim.control.incomingCall({ number: '602123456' });
  await expect(button(bar(page), 'Answer')).toBeVisible();
  const call = (await hubState(ext)).calls[0]!;
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
  // UCS refuses hold on a ringing call (its onWarning): the command fails with UCS's words.
  expect(await attempt({ type: 'hold', callId: call.id })).toBe(
    'UCS refused tribute: only a connected call can be held',
  );
  // provision is documented for IDENTIFY and DEVICE only: refused before it is sent, saying why.
  expect(await attempt({ type: 'confirmPhone' })).toContain(
    'Confirming the phone is not possible now: the UCS agent bar is ready (state READY).',
  );
  // The agent's own pairing change while READY goes through (identify is allowed in READY).
  await button(bar(page), 'Decline').click();
  await expect.poll(async () => (await sim.control.history('jan.novak'))[0]?.cause).toBe(5);
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
  // The bundle reconnects, asks for credentials again, Softbar logs in with a fresh token, and the
  // phone needs confirming again; the call is still there.
  await expect(agentBar).toContainText('Use phone Linka 101 (101)?', { timeout: 20_000 });
  await button(agentBar, 'Confirm').click();
  await connected(ext, page);
  await expect(agentBar).toContainText('Petr Malý');
  await button(agentBar, 'Hang up').click();
  await expect.poll(async () => (await sim.control.calls()).length).toBe(0);
});
