import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CALL_STATE, HANGUP_CAUSE } from '../../../sim/ucs';
import { controlHttp, type Setup, setup, type TestClient } from './harness';

describe('UCS simulator: calls over the WebSocket', () => {
  let env: Setup;
  let client: TestClient;
  beforeEach(async () => {
    env = await setup();
    client = await env.ready();
  });
  afterEach(() => env.stop());

  it('rings, answers, holds by both names, resumes and hangs up', async () => {
    const uniqueid = await env.sim.control.incomingCall({ number: '602123456', name: 'Petr Malý' });
    const ringing = (await client.last('onCallRinging')).args[0];
    expect(ringing).toMatchObject({
      uniqueid,
      direction: 'INCOMING',
      state: CALL_STATE.ringing,
      number: '602123456',
      caller_number: '602123456',
      caller_number_norm: '+420602123456',
      caller_name: 'Petr Malý',
      connected_username: 'jan.novak',
      cause: HANGUP_CAUSE.notSet,
    });
    expect(await client.call('unhold')).toMatchObject({ ok: false });
    expect(await client.call('answer')).toMatchObject({ ok: true });
    expect((await client.last('onCallConnect')).args[0]).toMatchObject({
      uniqueid,
      state: CALL_STATE.connected,
    });
    expect(await client.call('tribute')).toMatchObject({ ok: true });
    expect((await client.last('onCallHold')).args[0]).toMatchObject({ state: CALL_STATE.held });
    expect(await client.call('unhold')).toMatchObject({ ok: true });
    expect((await client.last('onCallResume')).args[0]).toMatchObject({ state: CALL_STATE.connected });
    expect(await client.call('hold')).toMatchObject({ ok: true });
    expect(client.names().filter((name) => name === 'onCallHold')).toHaveLength(2);
    expect((await client.call('state')).result).toMatchObject({ call: { uniqueid, state: CALL_STATE.held } });
    expect(await client.call('hangup')).toMatchObject({ ok: true });
    const hangup = (await client.last('onCallHangup')).args[0];
    expect(hangup).toMatchObject({
      uniqueid,
      cause: HANGUP_CAUSE.calledHungUp,
      disconnected: expect.any(Number),
    });
    expect(await env.sim.control.calls()).toEqual([]);
  });

  it('lets the caller hang up (control) and toggles mute', async () => {
    await env.sim.control.incomingCall({ number: '602123456' });
    await client.call('answer');
    await client.call('mute');
    expect((await client.last('onCallMute')).args[0]).toMatchObject({ connected_muted: true });
    await client.call('mute');
    expect((await client.last('onCallUnmute')).args[0]).toMatchObject({ connected_muted: false });
    await env.sim.control.callerHangup();
    expect((await client.last('onCallHangup')).args[0]).toMatchObject({ cause: HANGUP_CAUSE.callerHungUp });
  });

  it('dials out: onCallNew, onCallRinging, then the far end answers', async () => {
    expect(await client.call('dial', '0800123456')).toMatchObject({ ok: true });
    expect(client.names().slice(-2)).toEqual(['onCallNew', 'onCallRinging']);
    expect((await client.last('onCallNew')).args[0]).toMatchObject({
      direction: 'OUTGOING',
      state: CALL_STATE.new,
    });
    expect(await client.call('answer')).toMatchObject({ ok: false });
    await env.sim.control.farEndAnswer({ username: 'jan.novak' });
    expect((await client.last('onCallConnect')).args[0]).toMatchObject({ number: '0800123456' });
  });

  it('changes status, suspends queues and refuses queue calls unless READY', async () => {
    await expect(env.sim.control.incomingCall({ number: '1', queueId: 1 })).rejects.toThrow(/OFFLINE/);
    await client.call('changeStatus', 'AUX', 'Lunch');
    expect((await client.last('onStateChange')).args[0]).toEqual({ status: 'AUX', reason: 'Lunch' });
    await client.call('changeStatus', 'READY');
    expect(await client.call('changeStatus', 'BUSY')).toMatchObject({ ok: false });
    await client.call('suspend', 1);
    expect((await client.last('onAgentSuspend')).args).toEqual([1]);
    await expect(env.sim.control.incomingCall({ number: '1', queueId: 1 })).rejects.toThrow(/suspended/);
    await client.call('resume', 1);
    expect((await client.last('onAgentResume')).args).toEqual([1]);
    await env.sim.control.incomingCall({ number: '1', queueId: 1 });
    expect((await client.last('onCallRinging')).state).toMatchObject({ status: 'READY' });
  });

  it('reports waiting callers to READY sessions', async () => {
    const idle = await env.connect();
    await idle.call('hello', {});
    await env.sim.control.setWaitingCallers(3);
    expect((await client.last('onWaitingCallersChange')).args).toEqual([3]);
    expect(idle.names()).not.toContain('onWaitingCallersChange');
    expect((await client.call('state')).result).toMatchObject({ waitingCallers: 3 });
  });

  it('serves the controls over HTTP', async () => {
    const ring = await controlHttp(env.sim, 'incoming-call', { number: '777000111', username: 'jan.novak' });
    expect(ring.status).toBe(200);
    expect((await client.last('onCallRinging')).args[0]).toMatchObject({ uniqueid: ring.body.uniqueid });
    expect((await controlHttp(env.sim, 'incoming-call', { number: '1' })).status).toBe(409);
    expect((await controlHttp(env.sim, 'incoming-call', {})).status).toBe(400);
    expect((await controlHttp(env.sim, 'caller-hangup', { uniqueid: ring.body.uniqueid })).status).toBe(200);
    expect((await controlHttp(env.sim, 'waiting-callers', { count: 2 })).status).toBe(200);
    expect((await client.last('onWaitingCallersChange')).args).toEqual([2]);
    expect((await controlHttp(env.sim, 'sessions')).status).toBe(200);
  });

  it('goes down and comes back up; the agent state survives, the session does not', async () => {
    await client.call('changeStatus', 'READY');
    const closed = new Promise<void>((resolve) => client.ws.onClose(resolve));
    expect((await controlHttp(env.sim, 'server-down', {})).status).toBe(200);
    await closed;
    await expect(env.connect()).rejects.toThrow(/503/);
    await env.sim.control.serverUp();
    const again = await env.ready();
    expect((await again.last('onReady')).args[0]).toMatchObject({ status: 'READY' });
  });
});
