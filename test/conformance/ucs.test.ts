import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SSO_SECRET, startUcsSim, type UcsSim } from '../../sim/ucs';
import { createVirtualSandboxHost, type VirtualSandboxHost } from '../../sim/ucs/virtual-sandbox';
import { createConnectionTester } from '../../src/background/connection-test';
import type { Hub } from '../../src/background/hub';
import type { HubState } from '../../src/core/hub-state';
import type { VendorDefinition } from '../../src/vendors/contract';
import { ucsVendor } from '../../src/vendors/ucs';
import { profileConfig, startHub, waitUntil } from './harness';
import { testAdapter } from './suite';

/*
 * UCS against its simulator: the real sandbox page (src/sandbox) runs the simulator's operator bundle in
 * node:vm (the virtual sandbox host), so the adapter, the sandbox protocol and the bundle's contract are
 * all exercised as in the browser.
 */

let sim: UcsSim;
let frames: VirtualSandboxHost;

const hostSettings = (target: UcsSim) => {
  const url = new URL(target.url);
  return { hostname: url.hostname, port: Number(url.port), secure: false };
};

testAdapter({
  name: 'ucs',
  vendor: ucsVendor as VendorDefinition,
  timeoutMs: 8000,
  start: async () => {
    sim = await startUcsSim();
    frames = createVirtualSandboxHost({ releaseMs: 1000 });
    return {
      settings: {
        ...hostSettings(sim),
        username: 'jan.novak',
        ssoSecret: DEFAULT_SSO_SECRET,
        identifier: 'pc101',
        // The suite's scenarios name no reasons; account codes have their own tests below.
        autoOpenAccountCode: false,
      },
      stop: async () => {
        await frames.closeAll();
        await sim.close();
      },
    };
  },
  frames: () => frames,
  control: () => ({
    inboundCall: async (caller) => {
      await sim.control.incomingCall({ number: caller.number, name: caller.name, username: 'jan.novak' });
    },
    farEndAnswer: () => sim.control.farEndAnswer({ username: 'jan.novak' }),
    farEndHangup: async () => {
      // The newest primary call: the one the far end of the scenario is on.
      const calls = (await sim.control.calls()).filter((call) => call.leg === 'primary');
      await sim.control.callerHangup({ uniqueid: calls.at(-1)!.uniqueid });
    },
    // The UCS server goes away and comes back: the bundle reconnects, Softbar logs in again.
    dropConnection: async () => {
      await sim.control.serverDown();
      await new Promise((resolve) => setTimeout(resolve, 300));
      await sim.control.serverUp();
    },
  }),
});

describe('ucs beyond the shared suite', () => {
  let own: UcsSim;
  let host: VirtualSandboxHost;
  let hub: Hub;
  let warnings: string[];

  const config = (settings: Record<string, unknown>) =>
    profileConfig({ id: 'u', vendor: 'ucs', label: 'UCS' }, settings, { defaultRegion: 'CZ' });

  const settings = (extra: Record<string, unknown> = {}) => ({
    ...hostSettings(own),
    username: 'jan.novak',
    ssoSecret: DEFAULT_SSO_SECRET,
    ...extra,
  });

  const until = (predicate: (state: HubState) => boolean, what: string, timeoutMs = 8000) =>
    waitUntil(hub, predicate, what, timeoutMs, (state) => JSON.stringify(state.connection));

  async function start(extra: Record<string, unknown> = {}): Promise<void> {
    hub = startHub({ vendor: ucsVendor as VendorDefinition, frames: host, warnings });
    // Not awaited by the hub: a session waiting for the agent to pick a phone is still starting.
    await hub.applyConfig(config(settings(extra)));
  }

  const ready = () => until((s) => s.connection.status === 'connected', 'the session to be ready');

  beforeEach(async () => {
    warnings = [];
    own = await startUcsSim({
      queues: [
        { queue_id: 1, name: 'Podpora', type: 1, acwSeconds: 0.3 },
        { queue_id: 2, name: 'Kampaň', type: 0 },
      ],
    });
    host = createVirtualSandboxHost({ releaseMs: 500 });
  });

  afterEach(async () => {
    await hub.applyConfig({ ...config({}), profiles: [], activeProfile: '' });
    await host.closeAll();
    await own.close();
  });

  it('logs in with a token made from the secret, naming the provider; no secret reaches the bundle', async () => {
    await start({ identifier: 'pc101' });
    await ready();
    expect(await own.control.sessions()).toEqual([
      { phase: 'READY', username: 'jan.novak', provider: 'Softbar' },
    ]);
    const page = host.page('ucs') as { ucsOperator?: Record<string, unknown> };
    expect(JSON.stringify(page.ucsOperator)).not.toContain(DEFAULT_SSO_SECRET);
    expect(hub.current.desk.device).toEqual({ identifier: 'pc101', label: 'Linka 101 (101)' });
  });

  it('without an identifier the agent picks the phone in the bar; a refused one asks again with the reason', async () => {
    await start();
    const asked = await until((s) => s.desk.pairing !== undefined, 'the pairing request');
    expect(asked.connection.status).toBe('connecting');
    expect(asked.connection.message).toContain('Choose your phone');
    expect(asked.desk.pairing).toEqual({
      kind: 'choose',
      devices: [
        { identifier: 'pc101', label: 'Linka 101 (101)' },
        { identifier: 'pc102', label: 'Linka 102 (102)' },
      ],
    });
    await expect(hub.execute({ type: 'pairPhone', identifier: 'pc999' })).rejects.toThrow(
      /Bad identifier: pc999/,
    );
    expect(hub.current.desk.pairing?.message).toContain('Bad identifier');
    await hub.execute({ type: 'pairPhone', identifier: 'pc102' });
    await ready();
    expect(hub.current.desk.pairing).toBeUndefined();
    expect(hub.current.desk.device?.identifier).toBe('pc102');
  });

  it('a refused configured identifier, then confirmDevice: the bar asks, then confirms', async () => {
    await start({ identifier: 'nope', confirmDevice: true });
    await until((s) => s.desk.pairing?.kind === 'choose', 'the choice after a refused identifier');
    expect(hub.current.desk.pairing?.message).toContain('The phone "nope" was refused');
    await hub.execute({ type: 'pairPhone', identifier: 'pc101' });
    const confirm = await until((s) => s.desk.pairing?.kind === 'confirm', 'the confirmation');
    expect(confirm.desk.pairing?.device?.identifier).toBe('pc101');
    expect(confirm.connection.status).not.toBe('connected');
    await hub.execute({ type: 'confirmPhone' });
    await ready();
  });

  it('changes the phone without logging out', async () => {
    await start({ identifier: 'pc101' });
    await ready();
    await hub.execute({ type: 'changePhone' });
    await until((s) => s.desk.pairing?.kind === 'choose', 'the choice');
    await hub.execute({ type: 'pairPhone', identifier: 'pc102' });
    await ready();
    expect(hub.current.desk.device?.identifier).toBe('pc102');
  });

  it('a wrong password is named, with what to check', async () => {
    await start({ ssoSecret: undefined, password: 'wrong' });
    const state = await until((s) => s.connection.status === 'reconnecting', 'the login to fail');
    expect(state.connection.message).toContain('UCS refused the login of jan.novak');
    expect(state.connection.message).toContain('password in the options page');
    expect(state.notices.map((n) => n.text).join(' ')).toContain('UCS login failed');
  });

  it('AUX with the server reasons, ACW, OFFLINE; queues suspended and resumed; waiting callers', async () => {
    await start({ identifier: 'pc101' });
    await ready();
    expect(hub.current.capabilities.notReadyReasons).toEqual([
      { id: 'Lunch', label: 'Oběd' },
      { id: 'Meeting', label: 'Porada' },
    ]);
    await hub.execute({ type: 'setAgentState', state: 'notReady', reason: 'Lunch' });
    await until((s) => s.agent.kind === 'notReady' && s.agent.reason === 'Lunch', 'AUX Lunch');
    await hub.execute({ type: 'setAgentState', state: 'afterCallWork' });
    await until((s) => s.agent.kind === 'afterCallWork', 'ACW');
    await expect(hub.execute({ type: 'setAgentState', state: 'notReady', reason: 'Nap' })).rejects.toThrow(
      /not an AUX reason/,
    );
    expect(hub.current.desk.queues.map((q) => [q.id, q.name, q.direction, q.active])).toEqual([
      ['1', 'Podpora', 'inbound', true],
      ['2', 'Kampaň', 'outbound', true],
    ]);
    await hub.execute({ type: 'setQueueActive', queueId: '1', active: false });
    expect(hub.current.desk.queues[0]!.active).toBe(false);
    await hub.execute({ type: 'setQueueActive', queueId: '1', active: true });
    expect(hub.current.desk.queues[0]!.active).toBe(true);
    await own.control.setWaitingCallers(4);
    await until((s) => s.desk.waitingCallers === 4, 'waiting callers');
    await hub.execute({ type: 'setAgentState', state: 'offline' });
    await until((s) => s.agent.kind === 'offline', 'OFFLINE');
  });

  it('a queue call: answered, consult-transferred and finished; the account code asked after it and set', async () => {
    await start({ identifier: 'pc101' });
    await ready();
    await hub.execute({ type: 'setAgentState', state: 'ready' });
    await until((s) => s.agent.kind === 'ready', 'READY');
    const uniqueid = await own.control.incomingCall({ number: '602123456', name: 'Petr Malý', queueId: 1 });
    const ringing = await until((s) => s.calls.length === 1, 'the call');
    const call = ringing.calls[0]!;
    expect(call).toMatchObject({
      remoteName: 'Petr Malý',
      remoteE164: '+420602123456',
      vendorData: { uniqueid },
    });
    await hub.execute({ type: 'answer', callId: call.id });
    await hub.execute({ type: 'attendedTransfer', callId: call.id, target: '2002' });
    const consulting = await until((s) => s.calls[0]?.transfer?.phase === 'consulting', 'the consultation');
    expect(consulting.calls).toHaveLength(1);
    expect(consulting.calls[0]!.state).toBe('held');
    await own.control.consultAnswer({ username: 'jan.novak' });
    await hub.execute({ type: 'completeTransfer', callId: call.id });
    const done = await until((s) => s.calls.length === 0, 'the transfer to finish');
    expect(done.recent[0]).toMatchObject({
      endReason: 'transferred',
      transfer: { kind: 'attended', target: '2002', phase: 'completed' },
    });
    const asked = await until((s) => s.desk.accountCodes.length === 1, 'the account code request');
    expect(asked.desk.accountCodes[0]).toMatchObject({ id: uniqueid, remoteName: 'Petr Malý' });
    expect(asked.desk.accountCodes[0]!.reasons.map((r) => r.id)).toEqual(['SALE', 'INFO']);
    // ACW after a queue call, then back to READY by itself.
    await until((s) => s.agent.kind === 'afterCallWork', 'ACW after the queue call');
    await until((s) => s.agent.kind === 'ready', 'READY after ACW');
    await hub.execute({ type: 'setAccountCode', requestId: uniqueid, code: 'SALE' });
    expect(hub.current.desk.accountCodes).toEqual([]);
    const entry = (await own.control.history('jan.novak')).find((each) => each.uniqueid === uniqueid);
    expect(entry).toMatchObject({ uniqueid, transferredTo: '2002', accountCodes: ['SALE'], cause: 8 });
    await expect(hub.execute({ type: 'setAccountCode', requestId: uniqueid, code: 'NOPE' })).rejects.toThrow(
      /UCS refused setAccountCode/,
    );
  });

  it('the consulted party not answering: the transfer fails, the caller stays held and can be resumed', async () => {
    await start({ identifier: 'pc101', autoOpenAccountCode: false });
    await ready();
    await own.control.incomingCall({ number: '602123456' });
    const call = (await until((s) => s.calls.length === 1, 'the call')).calls[0]!;
    await hub.execute({ type: 'answer', callId: call.id });
    await hub.execute({ type: 'attendedTransfer', callId: call.id, target: '2002' });
    await until((s) => s.calls[0]?.transfer?.phase === 'consulting', 'the consultation');
    await own.control.consultHangup({ username: 'jan.novak' });
    const failed = await until((s) => s.calls[0]?.transfer?.phase === 'failed', 'the failure');
    expect(failed.calls[0]!.state).toBe('held');
    expect(failed.notices.at(-1)?.text).toContain('2002 did not take the consultation call');
    await hub.execute({ type: 'resume', callId: call.id });
    await until((s) => s.calls[0]?.state === 'connected', 'the caller back');
  });

  it('a method UCS refuses in the call state, and one the component state does not allow, give clear messages', async () => {
    await start({ identifier: 'pc101' });
    await ready();
    await own.control.incomingCall({ number: '602123456' });
    const call = (await until((s) => s.calls.length === 1, 'the call')).calls[0]!;
    await expect(hub.execute({ type: 'hold', callId: call.id })).rejects.toThrow(
      'UCS refused tribute: only a connected call can be held',
    );
    await expect(hub.execute({ type: 'confirmPhone' })).rejects.toThrow(
      'Confirming the phone is not possible now: the UCS agent bar is ready (state READY).',
    );
    // Neither became a notice as well: the command's error says it once.
    expect(hub.current.notices).toEqual([]);
  });

  it('the server going down is shown and recovered from, with the call', async () => {
    await start({ identifier: 'pc101' });
    await ready();
    await own.control.incomingCall({ number: '602123456' });
    const call = (await until((s) => s.calls.length === 1, 'the call')).calls[0]!;
    await hub.execute({ type: 'answer', callId: call.id });
    await own.control.serverDown();
    const down = await until((s) => s.connection.status === 'reconnecting', 'the loss to show');
    expect(down.connection.message).toContain('Connection to the UCS server was lost');
    await expect(hub.execute({ type: 'hold', callId: call.id })).rejects.toThrow(/not connected right now/);
    await own.control.serverUp();
    const back = await ready();
    expect(back.calls.map((c) => [c.id, c.state])).toEqual([[call.id, 'connected']]);
    await hub.execute({ type: 'hangup', callId: call.id });
    await until((s) => s.calls.length === 0, 'the hang-up');
  });

  it('a page loaded again under the session (offscreen document recreated) logs in again and keeps the call', async () => {
    await start({ identifier: 'pc101' });
    await ready();
    await own.control.incomingCall({ number: '602123456' });
    const call = (await until((s) => s.calls.length === 1, 'the call')).calls[0]!;
    await hub.execute({ type: 'answer', callId: call.id });
    const seen: string[] = [];
    const stop = hub.subscribe((s) => seen.push(s.connection.status));
    await host.reload('ucs');
    await until((s) => s.connection.status === 'connected' && seen.includes('reconnecting'), 'the new page');
    stop();
    expect(hub.current.calls.map((c) => c.id)).toEqual([call.id]);
  });

  it('a server down at start is named and connected once it is up', async () => {
    await own.control.serverDown();
    await start({ identifier: 'pc101' });
    const state = await until((s) => s.connection.status === 'reconnecting', 'the failure');
    expect(state.connection.message).toContain('Cannot connect to the UCS server');
    await own.control.serverUp();
    await until((s) => s.connection.status === 'connected', 'the connection', 15_000);
  });

  it('an unreachable bundle is named with its address', async () => {
    await start({ identifier: 'pc101', bundle: 'operator-v9.js' });
    const state = await until((s) => s.connection.status === 'reconnecting', 'the failure');
    expect(state.connection.message).toContain('could not be loaded from http://127.0.0.1');
    expect(state.connection.message).toContain('/operator/operator-v9.js');
  });

  it('declining a waiting call is refused in words instead of hanging up the caller; hang-up of a consulted call too', async () => {
    await start({ identifier: 'pc101', autoOpenAccountCode: false });
    await ready();
    await own.control.incomingCall({ number: '602123456', name: 'Petr Malý' });
    const first = (await until((s) => s.calls.length === 1, 'the call')).calls[0]!;
    await hub.execute({ type: 'answer', callId: first.id });
    await own.control.incomingCall({ number: '777000111', name: 'Waiting' });
    const waiting = (await until((s) => s.calls.length === 2, 'the waiting call')).calls.find(
      (c) => c.id !== first.id,
    )!;
    await expect(hub.execute({ type: 'reject', callId: waiting.id })).rejects.toThrow(
      /cannot decline this call while you are on another one/,
    );
    expect((await own.control.calls()).map((call) => call.state).sort()).toEqual([2, 3]);
    await own.control.callerHangup({ uniqueid: String(waiting.vendorData.uniqueid) });
    await until((s) => s.calls.length === 1, 'the waiting caller gone');
    await hub.execute({ type: 'attendedTransfer', callId: first.id, target: '2002' });
    await until((s) => s.calls[0]?.transfer?.phase === 'consulting', 'the consultation');
    await expect(hub.execute({ type: 'hangup', callId: first.id })).rejects.toThrow(
      'Hanging up now would end the consultation with 2002, not the caller: complete or cancel the transfer first.',
    );
    await hub.execute({ type: 'cancelTransfer', callId: first.id });
    await until((s) => s.calls[0]?.state === 'connected', 'the caller back');
    await hub.execute({ type: 'hangup', callId: first.id });
    await until((s) => s.calls.length === 0, 'the hang-up');
  });

  it('an error the bundle goes on after does not take the session down', async () => {
    await start({ identifier: 'pc101' });
    await ready();
    const page = host.page('ucs') as { ucsOperator: { onError(message: string): void } };
    const seen: string[] = [];
    const stop = hub.subscribe((s) => seen.push(s.connection.status));
    page.ucsOperator.onError('Recording service unavailable');
    await until((s) => s.notices.some((n) => n.text === 'Recording service unavailable'), 'the notice');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    stop();
    expect(seen).not.toContain('reconnecting');
    expect(hub.current.connection.status).toBe('connected');
  });

  it('a settings change or another profile never reuses the running bundle: the new user logs in, the old one out', async () => {
    await start({ identifier: 'pc101' });
    await ready();
    await hub.applyConfig(config({ ...settings(), username: 'eva.svobodova', identifier: 'pc102' }));
    await until((s) => s.connection.status === 'connected' && s.desk.device?.identifier === 'pc102', 'eva');
    const sessions = await own.control.sessions();
    expect(
      sessions.filter((session) => session.phase === 'READY').map((session) => session.username),
    ).toEqual(['eva.svobodova']);
  });

  it('after a server outage the phone paired and confirmed in the bar is paired and confirmed again by itself', async () => {
    await start({ confirmDevice: true });
    await until((s) => s.desk.pairing?.kind === 'choose', 'the choice');
    await hub.execute({ type: 'pairPhone', identifier: 'pc102' });
    await until((s) => s.desk.pairing?.kind === 'confirm', 'the confirmation');
    await hub.execute({ type: 'confirmPhone' });
    await ready();
    await own.control.serverDown();
    await until((s) => s.connection.status === 'reconnecting', 'the outage');
    await own.control.serverUp();
    const back = await ready();
    expect(back.desk.pairing).toBeUndefined();
    expect(back.desk.device?.identifier).toBe('pc102');
  });

  it('a login that keeps failing says so once, not at every retry', async () => {
    await start({ ssoSecret: undefined, password: 'wrong' });
    await until((s) => s.connection.status === 'reconnecting', 'the failure');
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(hub.current.notices.filter((n) => n.text.startsWith('UCS login failed'))).toHaveLength(1);
  });

  it('logs in with the token a CRM page hands over: only from a listed origin, only for the profile user', async () => {
    await start({ ssoSecret: undefined, crmOrigins: ['https://crm.example.com'], identifier: 'pc101' });
    const waiting = await until(
      (s) => s.connection.message?.includes('Waiting for the CRM') === true,
      'the wait',
    );
    expect(waiting.connection.status).toBe('connecting');
    const token = await own.control.ssoToken('jan.novak');
    await expect(
      hub.provideSsoToken({ username: 'jan.novak', token }, 'https://evil.example'),
    ).rejects.toThrow('Softbar takes no SSO token from this page.');
    await expect(
      hub.provideSsoToken({ username: 'eva.svobodova', token }, 'https://crm.example.com'),
    ).rejects.toThrow('The token is for eva.svobodova, but this UCS profile logs in jan.novak.');
    expect(await own.control.sessions()).toEqual([{ phase: 'CREDENTIALS', username: null, provider: null }]);
    await hub.provideSsoToken({ username: 'jan.novak', token }, 'https://crm.example.com');
    await ready();
    expect(await own.control.sessions()).toEqual([
      { phase: 'READY', username: 'jan.novak', provider: 'Softbar' },
    ]);
  });

  it('Test connection with other settings logs in beside the live session and leaves its agent alone', async () => {
    await start({ identifier: 'pc101' });
    await ready();
    await hub.execute({ type: 'setAgentState', state: 'ready' });
    await until((s) => s.agent.kind === 'ready', 'READY');
    const tester = createConnectionTester({
      vendors: [ucsVendor as VendorDefinition],
      frames: host,
      now: Date.now,
      log: () => {},
      live: () => undefined,
    });
    const result = await tester.test('ucs', settings({ identifier: 'pc101', ringingSound: 'rush' }));
    expect(result).toEqual({ ok: true, message: 'Connected to UCS.' });
    // The test page is gone, the live one still READY with its phone; no logout reached the agent.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(host.pages()).toEqual(['ucs']);
    const sessions = await own.control.sessions();
    expect(sessions).toEqual([{ phase: 'READY', username: 'jan.novak', provider: 'Softbar' }]);
    await own.control.incomingCall({ number: '602123456', queueId: 1 });
    await until((s) => s.calls.length === 1, 'a queue call still reaching the agent');
    expect(hub.current.connection.status).toBe('connected');
  });

  it("shows UCS's messages to the agent: onMessage (also on the desktop), onWarning, onInfo", async () => {
    await start({ identifier: 'pc101' });
    await ready();
    const desktop: string[] = [];
    hub.onVendorEvent((event) => {
      if (event.type === 'notice' && event.desktop) desktop.push(event.text);
    });
    const page = host.page('ucs') as {
      ucsOperator: { notify(n: unknown): void; onWarning(m: string): void; onInfo(m: string): void };
    };
    // notify() comes back as onMessage (the simulator's reading), as a message pushed by UCS would.
    page.ucsOperator.notify({
      title: 'You were logged out of queue Podpora (queue limit)',
      type: 'warning',
      group: 'Queues',
    });
    page.ucsOperator.onWarning('Recording is not available');
    page.ucsOperator.onInfo('Status saved');
    const state = await until((s) => s.notices.length >= 3, 'three notices');
    // notify() goes through the server, so its message arrives after the two direct ones.
    expect(state.notices.map((n) => [n.level, n.text])).toEqual([
      ['warning', 'Recording is not available'],
      ['info', 'Status saved'],
      ['warning', 'Queues: You were logged out of queue Podpora (queue limit)'],
    ]);
    expect(desktop).toEqual(['You were logged out of queue Podpora (queue limit)']);
  });

  it('stops logging in after repeated refusals (no account lock-out), and says how to go on', async () => {
    await start({ ssoSecret: undefined, password: 'wrong', identifier: 'pc101' });
    const failed = await until((s) => s.connection.status === 'failed', 'the give-up', 12_000);
    expect(failed.connection.message).toContain('Softbar stopped logging in after repeated refusals');
    const attempts = (await own.control.sessions()).length;
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(hub.current.connection.status).toBe('failed');
    expect((await own.control.sessions()).length).toBe(attempts);
  }, 20_000);

  it('a token handed over while READY is kept for a later login, not used at once', async () => {
    await start({ crmOrigins: ['https://crm.example.com'], identifier: 'pc101' });
    await ready();
    const sessions = await own.control.sessions();
    const token = await own.control.ssoToken('jan.novak');
    await hub.provideSsoToken({ username: 'jan.novak', token }, 'https://crm.example.com');
    await hub.provideSsoToken({ username: 'jan.novak', token }, 'https://crm.example.com');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await own.control.sessions()).toEqual(sessions);
    expect(hub.current.connection.status).toBe('connected');
  });

  it('Test connection leaves the login to the CRM, or untried under autologout, and says so', async () => {
    await start({ identifier: 'pc101' });
    await ready();
    const tester = createConnectionTester({
      vendors: [ucsVendor as VendorDefinition],
      frames: host,
      now: Date.now,
      log: () => {},
      live: () => undefined,
    });
    const crmOnly = { ...settings({ crmOrigins: ['https://crm.example.com'] }), ssoSecret: undefined };
    expect(await tester.test('ucs', crmOnly)).toEqual({
      ok: true,
      message:
        'Connected to UCS. It said: The UCS server answered and asked for a login; the CRM logs the agent in (crmOrigins), so none was tried.',
    });
    expect(await tester.test('ucs', settings({ bundleOptions: { autologout: true } }))).toMatchObject({
      ok: true,
      message: expect.stringContaining('none was tried, since autologout would end the agent'),
    });
    // The test pages' sockets close as their pages go; the live session is the one left, READY.
    const deadline = Date.now() + 3000;
    while ((await own.control.sessions()).length > 1 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await own.control.sessions()).toEqual([
      { phase: 'READY', username: 'jan.novak', provider: 'Softbar' },
    ]);
  });

  it('dials under a queue with line and data; the ringtone is selected after login', async () => {
    await start({ identifier: 'pc101', dialLine: 101, ringingSound: 'quest' });
    await ready();
    await hub.execute({
      type: 'dial',
      number: '+420 800 123 456',
      queueId: '2',
      callData: { ticket: 'T-7' },
    });
    const dialing = await until((s) => s.calls.length === 1, 'the outgoing call');
    expect(dialing.calls[0]).toMatchObject({
      direction: 'outbound',
      vendorData: { data: { ticket: 'T-7' }, outbound_id: 2, caller_line_id: 101 },
    });
    const page = host.page('ucs') as { ucsOperator: { state(): { ringingSound: string } } };
    await until(() => page.ucsOperator.state()?.ringingSound === 'quest', 'the ringtone');
    expect(warnings).toEqual([]);
  });
});
