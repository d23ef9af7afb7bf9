import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CALL_STATE, HANGUP_CAUSE } from '../../../sim/ucs';
import { controlHttp, type Setup, setup, type TestClient } from './harness';

type Call = { uniqueid: string; state: number; cause: number; number: string; direction: string };
const callOf = (push: { args: readonly unknown[] }) => push.args[0] as Call;

describe('UCS simulator: transfers', () => {
  let env: Setup;
  let client: TestClient;
  beforeEach(async () => {
    env = await setup();
    client = await env.ready();
  });
  afterEach(() => env.stop());

  /** A connected incoming call; resolves with its uniqueid. */
  async function connected(): Promise<string> {
    const uniqueid = await env.sim.control.incomingCall({ number: '602123456' });
    expect(await client.call('answer')).toMatchObject({ ok: true });
    return uniqueid;
  }

  it('transfer(number): holds, rings the consultation leg, and finishTransfer ends both with cause 8', async () => {
    const held = await connected();
    const from = client.pushes.length;
    expect(await client.call('transfer', '0800555666')).toMatchObject({ ok: true });
    expect(client.namesSince(from)).toEqual(['onCallHold', 'onCallNew', 'onCallRinging']);
    expect(callOf(client.pushes[from]!)).toMatchObject({ uniqueid: held, state: CALL_STATE.held });
    const leg = callOf(client.pushes[from + 1]!);
    expect(leg).toMatchObject({
      direction: 'OUTGOING',
      number: '0800555666',
      state: CALL_STATE.new,
      data: {},
    });
    expect(await env.sim.control.calls()).toEqual([
      expect.objectContaining({ uniqueid: held, leg: 'primary', state: CALL_STATE.held }),
      expect.objectContaining({ uniqueid: leg.uniqueid, leg: 'consultation', state: CALL_STATE.ringing }),
    ]);
    // The primary-call controls do not touch the leg.
    await expect(env.sim.control.farEndAnswer({ username: 'jan.novak' })).rejects.toThrow(/not an outgoing/);

    await env.sim.control.consultAnswer();
    expect(callOf(await client.nth('onCallConnect', 2))).toMatchObject({
      uniqueid: leg.uniqueid,
      state: CALL_STATE.connected,
    });
    expect(await client.call('unhold')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/consultation/),
    });
    expect(await client.call('tribute')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/consultation/),
    });
    expect(await client.call('transfer', '0800999999')).toMatchObject({ ok: false });

    const end = client.pushes.length;
    expect(await client.call('finishTransfer')).toMatchObject({ ok: true });
    expect(client.namesSince(end)).toEqual(['onCallHangup', 'onCallHangup']);
    expect(callOf(client.pushes[end]!)).toMatchObject({ uniqueid: held, cause: HANGUP_CAUSE.transfer });
    expect(callOf(client.pushes[end + 1]!)).toMatchObject({
      uniqueid: leg.uniqueid,
      cause: HANGUP_CAUSE.transfer,
    });
    expect(await env.sim.control.calls()).toEqual([]);
    expect(await env.sim.control.history('jan.novak')).toEqual([
      {
        uniqueid: leg.uniqueid,
        number: '0800555666',
        direction: 'OUTGOING',
        cause: HANGUP_CAUSE.transfer,
        accountCodes: [],
      },
      {
        uniqueid: held,
        number: '602123456',
        direction: 'INCOMING',
        cause: HANGUP_CAUSE.transfer,
        accountCodes: [],
        transferredTo: '0800555666',
      },
    ]);
    expect(await client.call('finishTransfer')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/transfer mode/),
    });
  });

  it('transfer() enters transfer mode; the next dial makes the leg; finishTransfer works while it rings', async () => {
    const held = await connected();
    expect(await client.call('transfer')).toMatchObject({ ok: true });
    expect(callOf(await client.last('onCallHold'))).toMatchObject({ uniqueid: held });
    expect(client.names()).not.toContain('onCallNew');
    expect(await client.call('finishTransfer')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/dial/),
    });
    expect(await client.call('dial', '205', undefined, undefined, { ticket: 'T-9' })).toMatchObject({
      ok: true,
    });
    const leg = callOf(await client.last('onCallNew'));
    expect(leg).toMatchObject({ number: '205', direction: 'OUTGOING', data: { ticket: 'T-9' } });
    expect(await env.sim.control.calls()).toEqual([
      expect.objectContaining({ uniqueid: held, leg: 'primary' }),
      expect.objectContaining({ uniqueid: leg.uniqueid, leg: 'consultation', state: CALL_STATE.ringing }),
    ]);
    expect(await client.call('dial', '206')).toMatchObject({
      ok: false,
      error: 'a call is already in progress',
    });
    expect(await client.call('finishTransfer')).toMatchObject({ ok: true });
    expect(await env.sim.control.history('jan.novak')).toEqual([
      expect.objectContaining({ uniqueid: leg.uniqueid, cause: HANGUP_CAUSE.transfer }),
      expect.objectContaining({ uniqueid: held, cause: HANGUP_CAUSE.transfer, transferredTo: '205' }),
    ]);
  });

  it('refuses transfer without a connected call', async () => {
    expect(await client.call('transfer', '205')).toMatchObject({ ok: false });
    await env.sim.control.incomingCall({ number: '602123456' });
    expect(await client.call('transfer', '205')).toMatchObject({ ok: false });
    expect(await client.call('transfer', 42)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/number/),
    });
  });

  it('the agent hanging up the leg ends transfer mode; the held call stays held until unhold', async () => {
    const held = await connected();
    await client.call('transfer', '205');
    const leg = callOf(await client.last('onCallNew'));
    await env.sim.control.consultAnswer({ username: 'jan.novak' });
    await client.nth('onCallConnect', 2);
    expect(await client.call('hangup')).toMatchObject({ ok: true });
    expect(callOf(await client.last('onCallHangup'))).toMatchObject({
      uniqueid: leg.uniqueid,
      cause: HANGUP_CAUSE.callerHungUp,
    });
    expect(await env.sim.control.calls()).toEqual([
      expect.objectContaining({ uniqueid: held, state: CALL_STATE.held, leg: 'primary' }),
    ]);
    expect((await client.call('state')).result).toMatchObject({
      call: { uniqueid: held, state: CALL_STATE.held },
    });
    expect(await client.call('finishTransfer')).toMatchObject({ ok: false });
    expect(await client.call('unhold')).toMatchObject({ ok: true });
    expect(callOf(await client.last('onCallResume'))).toMatchObject({
      uniqueid: held,
      state: CALL_STATE.connected,
    });
  });

  it('hangup ends a leg still ringing before the held call', async () => {
    const held = await connected();
    await client.call('transfer', '205');
    const leg = callOf(await client.last('onCallNew'));
    await client.call('hangup');
    expect(callOf(await client.last('onCallHangup'))).toMatchObject({ uniqueid: leg.uniqueid });
    await client.call('hangup');
    expect(callOf(await client.last('onCallHangup'))).toMatchObject({
      uniqueid: held,
      cause: HANGUP_CAUSE.calledHungUp,
    });
  });

  it('the consulted party hanging up ends transfer mode; unhold resumes the held call', async () => {
    const held = await connected();
    await client.call('transfer', '205');
    const leg = callOf(await client.last('onCallNew'));
    await env.sim.control.consultAnswer({ uniqueid: held });
    await client.nth('onCallConnect', 2);
    await env.sim.control.consultHangup();
    expect(callOf(await client.last('onCallHangup'))).toMatchObject({
      uniqueid: leg.uniqueid,
      cause: HANGUP_CAUSE.calledHungUp,
    });
    await expect(env.sim.control.consultHangup({ username: 'jan.novak' })).rejects.toThrow(/no consultation/);
    expect(await client.call('unhold')).toMatchObject({ ok: true });
    expect(callOf(await client.last('onCallResume'))).toMatchObject({ uniqueid: held });
  });

  it('the held caller hanging up leaves the consultation leg as an ordinary call', async () => {
    const held = await connected();
    await client.call('transfer', '205');
    const leg = callOf(await client.last('onCallNew'));
    await env.sim.control.callerHangup({ username: 'jan.novak' });
    expect(callOf(await client.last('onCallHangup'))).toMatchObject({
      uniqueid: held,
      cause: HANGUP_CAUSE.callerHungUp,
    });
    expect(await env.sim.control.calls()).toEqual([
      expect.objectContaining({ uniqueid: leg.uniqueid, leg: 'primary', state: CALL_STATE.ringing }),
    ]);
    await env.sim.control.farEndAnswer();
    expect(callOf(await client.nth('onCallConnect', 2))).toMatchObject({ uniqueid: leg.uniqueid });
  });

  it('blindTransfer ends the connected, or else the held, call with cause 8', async () => {
    expect(await client.call('blindTransfer', '205')).toMatchObject({ ok: false });
    const first = await connected();
    expect(await client.call('blindTransfer')).toMatchObject({ ok: false });
    expect(await client.call('blindTransfer', '205')).toMatchObject({ ok: true });
    expect(callOf(await client.last('onCallHangup'))).toMatchObject({
      uniqueid: first,
      cause: HANGUP_CAUSE.transfer,
    });
    const second = await connected();
    await client.call('hold');
    expect(await client.call('blindTransfer', '206')).toMatchObject({ ok: true });
    expect(callOf(await client.last('onCallHangup'))).toMatchObject({
      uniqueid: second,
      cause: HANGUP_CAUSE.transfer,
    });
    expect(await env.sim.control.history('jan.novak')).toEqual([
      expect.objectContaining({ uniqueid: second, transferredTo: '206' }),
      expect.objectContaining({ uniqueid: first, transferredTo: '205' }),
    ]);
  });

  it('serves consult-answer, consult-hangup and history over HTTP', async () => {
    const held = await connected();
    expect((await controlHttp(env.sim, 'consult-answer', {})).status).toBe(409);
    await client.call('transfer', '205');
    const leg = callOf(await client.last('onCallNew'));
    expect((await controlHttp(env.sim, 'consult-answer', { uniqueid: leg.uniqueid })).status).toBe(200);
    expect(callOf(await client.nth('onCallConnect', 2))).toMatchObject({ uniqueid: leg.uniqueid });
    const calls = await controlHttp(env.sim, 'calls');
    expect(calls.body).toEqual([
      expect.objectContaining({ uniqueid: held, leg: 'primary' }),
      expect.objectContaining({ uniqueid: leg.uniqueid, leg: 'consultation' }),
    ]);
    expect((await controlHttp(env.sim, 'consult-hangup', { username: 'jan.novak' })).status).toBe(200);
    expect(callOf(await client.last('onCallHangup'))).toMatchObject({ uniqueid: leg.uniqueid });
    expect((await controlHttp(env.sim, 'consult-hangup', { username: 'jan.novak' })).status).toBe(409);
    expect((await controlHttp(env.sim, 'consult-hangup', { username: 7 })).status).toBe(400);

    const history = await controlHttp(env.sim, 'history?username=jan.novak');
    expect(history.status).toBe(200);
    expect(history.body).toEqual([
      {
        uniqueid: leg.uniqueid,
        number: '205',
        direction: 'OUTGOING',
        cause: HANGUP_CAUSE.calledHungUp,
        accountCodes: [],
      },
    ]);
    expect((await controlHttp(env.sim, 'history')).status).toBe(400);
    expect((await controlHttp(env.sim, 'history?username=nobody')).status).toBe(409);
    const post = await fetch(`${env.sim.url}/control/history?username=jan.novak`, { method: 'POST' });
    expect(post.status).toBe(405);
  });
});
