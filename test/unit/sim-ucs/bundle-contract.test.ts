import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CALL_STATE, startUcsSim, type UcsSim } from '../../../sim/ucs';
import { operatorBundle } from '../../../sim/ucs/server/bundle';
import { runBundle } from './fake-page';

type Operator = Record<string, (...args: unknown[]) => unknown>;

describe('UCS simulator: the bundle honours the window.ucsOperator contract (Node vm page)', () => {
  let sim: UcsSim;
  let stop = () => undefined as void;
  beforeEach(async () => {
    sim = await startUcsSim();
  });
  afterEach(async () => {
    stop();
    await sim.close();
  });

  /** Loads the bundle with `callbacks` as the CRM's config; records every callback call. */
  async function load(extra: Record<string, unknown> = {}) {
    const calls: [string, unknown[]][] = [];
    const record =
      (name: string) =>
      (...args: unknown[]) =>
        calls.push([name, args]);
    const config: Record<string, unknown> = {
      api: { hostname: '127.0.0.1', port: sim.api.port, ws: { path: sim.api.ws.path } },
      headless: true,
      listDevices: true,
      legacyStartup: true,
      ...Object.fromEntries(
        [
          'onError',
          'onWarning',
          'onConnect',
          'onCredentials',
          'onLoginError',
          'onUser',
          'onIdentify',
          'onIdentifier',
          'onDevice',
          'onReady',
          'onStateChange',
          'onCallRinging',
          'onCallConnect',
          'onCallHold',
          'onCallNew',
          'onCallHangup',
        ].map((name) => [name, record(name)]),
      ),
      ...extra,
    };
    const run = runBundle(await operatorBundle(), config);
    stop = run.stop;
    const operator = config as unknown as Operator;
    const seen = (name: string) => vi.waitFor(() => expect(calls.map(([each]) => each)).toContain(name));
    const last = (name: string) => calls.findLast(([each]) => each === name)?.[1];
    return { operator, calls, seen, last };
  }

  it('adds the methods before onConnect, logs in by SSO, pairs, and plays a call', async () => {
    let methodsAtConnect = false;
    const page = await load({
      onConnect: () => {
        // Runs after load() resolves: the socket opens asynchronously.
        methodsAtConnect = typeof page.operator.sso === 'function';
      },
    });
    await page.seen('onCredentials');
    expect(methodsAtConnect).toBe(true);

    page.operator.answer!();
    expect(page.last('onWarning')).toEqual(['answer is not allowed in state CREDENTIALS (allowed: READY)']);

    page.operator.sso!('jan.novak', await sim.control.ssoToken('jan.novak'), 'CRM');
    await page.seen('onIdentify');
    expect(page.last('onIdentify')![0]).toEqual(
      expect.arrayContaining([expect.objectContaining({ identifier: 'pc101' })]),
    );
    page.operator.selectIdentifier!('pc101');
    await page.seen('onReady');
    expect(page.last('onReady')![0]).toMatchObject({ device: { identifier: 'pc101' }, waitingCallers: 0 });
    expect(page.operator.state!()).toMatchObject({ status: 'OFFLINE' });

    await sim.control.incomingCall({ number: '602123456' });
    await page.seen('onCallRinging');
    page.operator.answer!();
    await page.seen('onCallConnect');
    page.operator.tribute!();
    await page.seen('onCallHold');
    expect(page.last('onCallHold')![0]).toMatchObject({ state: CALL_STATE.held });
    expect(page.calls.filter(([name]) => name === 'onWarning')).toHaveLength(1);
  });

  it('plays a consultation transfer through the bundle: transfer, consultAnswer, finishTransfer', async () => {
    const page = await load();
    await page.seen('onCredentials');
    page.operator.login!('jan.novak', 'heslo123');
    await page.seen('onIdentify');
    page.operator.selectIdentifier!('pc101');
    await page.seen('onReady');
    expect(page.last('onReady')![0]).toMatchObject({
      queues: { 1: { queue_id: 1, name: 'Podpora', type: 1 } },
    });
    const held = await sim.control.incomingCall({ number: '602123456' });
    await page.seen('onCallRinging');
    page.operator.answer!();
    await page.seen('onCallConnect');
    page.operator.transfer!('205');
    await page.seen('onCallNew');
    expect(page.last('onCallHold')![0]).toMatchObject({ uniqueid: held, state: CALL_STATE.held });
    await sim.control.consultAnswer();
    await vi.waitFor(() => expect(page.calls.filter(([name]) => name === 'onCallConnect')).toHaveLength(2));
    page.operator.finishTransfer!();
    await vi.waitFor(() => expect(page.calls.filter(([name]) => name === 'onCallHangup')).toHaveLength(2));
    const hangups = page.calls.filter(([name]) => name === 'onCallHangup').map(([, args]) => args[0]);
    expect(hangups).toEqual([
      expect.objectContaining({ uniqueid: held, cause: 8 }),
      expect.objectContaining({ number: '205', cause: 8 }),
    ]);
    expect(page.calls.map(([name]) => name)).not.toContain('onWarning');
    expect(await sim.control.history('jan.novak')).toEqual([
      expect.objectContaining({ number: '205' }),
      expect.objectContaining({ uniqueid: held, transferredTo: '205' }),
    ]);
  });

  it('reports bad credentials through onLoginError only, and a lost server through onError', async () => {
    const page = await load();
    await page.seen('onCredentials');
    page.operator.login!('jan.novak', 'wrong');
    await page.seen('onLoginError');
    expect(page.last('onLoginError')![0]).toBe(401);
    expect(page.calls.map(([name]) => name)).not.toContain('onWarning');
    await sim.control.serverDown();
    await page.seen('onError');
    expect(page.last('onError')).toEqual(['Connection to the UCS server was lost']);
  });
});
