import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ssoToken, UCS_VERSION } from '../../../sim/ucs';
import { type Setup, setup } from './harness';

const NOW_MS = 1_700_000_000_000;
const NOW = NOW_MS / 1000;

describe('UCS simulator: login and pairing over the WebSocket', () => {
  let env: Setup;
  beforeEach(async () => {
    env = await setup({ ssoSecret: 'preshared', now: () => NOW_MS });
  });
  afterEach(() => env.stop());

  it('greets with onConnect and onCredentials, then logs in, lists phones, pairs and provisions', async () => {
    const client = await env.connect();
    await client.call('hello', { listDevices: true });
    expect(client.pushes[0]).toMatchObject({
      callback: 'onConnect',
      args: [UCS_VERSION],
      phase: 'CREDENTIALS',
    });
    expect(client.pushes[1]).toMatchObject({ callback: 'onCredentials', phase: 'CREDENTIALS' });

    expect(await client.call('login', 'jan.novak', 'heslo123', false)).toMatchObject({ ok: true });
    const user = (await client.last('onUser')).args[0];
    expect(user).toMatchObject({ firstname: 'Jan', lastname: 'Novák', id: 1, status: 'OFFLINE' });
    const identify = await client.last('onIdentify');
    expect(identify.phase).toBe('IDENTIFY');
    expect(identify.args[0]).toEqual(
      expect.arrayContaining([expect.objectContaining({ identifier: 'pc101' })]),
    );

    expect(await client.call('selectIdentifier', 'pc101')).toMatchObject({ ok: true });
    expect(client.names().slice(-3)).toEqual(['onIdentifier', 'onDevice', 'onReady']);
    expect((await client.last('onIdentifier')).args).toEqual(['pc101']);
    const ready = await client.last('onReady');
    expect(ready.phase).toBe('READY');
    expect(ready.args[0]).toMatchObject({
      status: 'OFFLINE',
      call: null,
      device: { identifier: 'pc101' },
      auxReasons: expect.any(Object),
      callReasons: expect.any(Object),
      waitingCallers: 0,
      now: NOW_MS,
    });
    // The "available queues": every queue as { queue_id, name, type }; memberships stay on the user.
    const state = ready.args[0] as { queues: unknown; user: { queues: unknown } };
    expect(state.queues).toEqual({
      1: { queue_id: 1, name: 'Podpora', type: 1 },
      2: { queue_id: 2, name: 'Kampaň', type: 0 },
    });
    expect(state.user.queues).toEqual({
      1: expect.objectContaining({ queue_id: 1, suspended: false, type: 1 }),
      2: expect.objectContaining({ queue_id: 2, suspended: false, type: 0 }),
    });
    expect((await client.call('state')).result).toMatchObject({ status: 'OFFLINE', user: { id: 1 } });
  });

  it('refuses a wrong password with onLoginError and stays in CREDENTIALS', async () => {
    const client = await env.connect();
    await client.call('hello', {});
    expect(await client.call('login', 'jan.novak', 'wrong')).toMatchObject({ ok: false, code: 401 });
    expect((await client.last('onLoginError')).args[0]).toBe(401);
    expect(await client.call('login', 'jan.novak', 'heslo123')).toMatchObject({ ok: true });
  });

  it('logs in with a fresh SSO token and refuses stale or wrongly signed ones', async () => {
    const client = await env.connect();
    await client.call('hello', {});
    const stale = ssoToken('preshared', 'jan.novak', NOW - 301);
    expect(await client.call('sso', 'jan.novak', stale, 'CRM')).toMatchObject({ ok: false, code: 401 });
    expect((await client.last('onLoginError')).args[1]).toContain('stale');
    const forged = ssoToken('guess', 'jan.novak', NOW);
    expect(await client.call('sso', 'jan.novak', forged, 'CRM')).toMatchObject({ ok: false, code: 401 });
    const fresh = ssoToken('preshared', 'jan.novak', NOW);
    expect(await client.call('sso', 'jan.novak', fresh, 'CRM')).toMatchObject({ ok: true });
    expect(await env.sim.control.sessions()).toEqual([
      { phase: 'IDENTIFY', username: 'jan.novak', provider: 'CRM' },
    ]);
  });

  it('waits for provision when confirmDevice is set', async () => {
    const client = await env.connect();
    await client.call('hello', { confirmDevice: true });
    await client.call('login', 'jan.novak', 'heslo123');
    await client.call('selectIdentifier', 'pc101');
    expect((await client.last('onDevice')).phase).toBe('DEVICE');
    expect(client.names()).not.toContain('onReady');
    expect(await client.call('provision')).toMatchObject({ ok: true });
    expect((await client.last('onReady')).phase).toBe('READY');
  });

  it('goes straight to READY without a phone when withoutDevice is set', async () => {
    const client = await env.connect();
    await client.call('hello', { withoutDevice: true });
    await client.call('login', 'eva.svobodova', 'heslo456');
    expect(client.names()).not.toContain('onIdentify');
    expect((await client.last('onReady')).args[0]).toMatchObject({ device: null });
  });

  it('refuses a bad identifier and methods called in the wrong state', async () => {
    const client = await env.connect();
    await client.call('hello', {});
    expect(await client.call('answer')).toMatchObject({
      ok: false,
      code: 409,
      error: 'answer is not allowed in state CREDENTIALS (allowed: READY)',
    });
    expect(await client.call('logout')).toMatchObject({ ok: false, code: 409 });
    await client.call('login', 'jan.novak', 'heslo123');
    expect(await client.call('login', 'jan.novak', 'heslo123')).toMatchObject({ ok: false, code: 409 });
    expect(await client.call('selectIdentifier', 'nope')).toMatchObject({
      ok: false,
      error: 'Bad identifier: nope',
    });
    expect(await client.call('identifier', 'pc102')).toMatchObject({ ok: true });
    expect(await client.call('provision')).toMatchObject({ ok: false, code: 409 });
    expect(await client.call('notify', { title: 'hi', type: 'info' })).toMatchObject({ ok: true });
    expect(await client.call('frobnicate')).toMatchObject({ ok: false, code: 404 });
  });

  it('re-pairs with identify and logs out back to CREDENTIALS', async () => {
    const client = await env.ready();
    expect(await client.call('identify')).toMatchObject({ ok: true });
    expect((await client.last('onIdentify')).phase).toBe('IDENTIFY');
    await client.call('selectIdentifier', 'pc102');
    expect((await client.last('onReady')).args[0]).toMatchObject({ device: { identifier: 'pc102' } });
    expect(await client.call('logout')).toMatchObject({ ok: true });
    expect(client.pushes.at(-1)).toMatchObject({ callback: 'onCredentials', phase: 'CREDENTIALS' });
  });
});
