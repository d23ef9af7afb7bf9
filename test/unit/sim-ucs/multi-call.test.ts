import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CALL_STATE, HANGUP_CAUSE } from '../../../sim/ucs';
import { type Setup, setup, type TestClient } from './harness';

type Call = { uniqueid: string; state: number; cause: number };
const callOf = (push: { args: readonly unknown[] }) => push.args[0] as Call;

describe('UCS simulator: two calls on one phone', () => {
  let env: Setup;
  let client: TestClient;
  beforeEach(async () => {
    env = await setup();
    client = await env.ready();
  });
  afterEach(() => env.stop());

  /** A connected incoming call, then a second direct call ringing (call waiting). */
  async function callWaiting() {
    const first = await env.sim.control.incomingCall({ number: '602111111' });
    expect(await client.call('answer')).toMatchObject({ ok: true });
    const second = await env.sim.control.incomingCall({ number: '602222222' });
    expect(callOf(await client.nth('onCallRinging', 2))).toMatchObject({
      uniqueid: second,
      state: CALL_STATE.ringing,
    });
    return { first, second };
  }

  it('rings a direct call while one is connected; answering it holds the first', async () => {
    const { first, second } = await callWaiting();
    expect((await client.call('state')).result).toMatchObject({
      call: { uniqueid: first, state: CALL_STATE.connected },
    });
    const from = client.pushes.length;
    expect(await client.call('answer')).toMatchObject({ ok: true });
    expect(client.namesSince(from)).toEqual(['onCallHold', 'onCallConnect']);
    expect(callOf(client.pushes[from]!)).toMatchObject({ uniqueid: first, state: CALL_STATE.held });
    expect(callOf(client.pushes[from + 1]!)).toMatchObject({ uniqueid: second, state: CALL_STATE.connected });
    expect((await client.call('state')).result).toMatchObject({ call: { uniqueid: second } });
    expect(await env.sim.control.calls()).toEqual([
      expect.objectContaining({
        uniqueid: first,
        state: CALL_STATE.held,
        leg: 'primary',
        username: 'jan.novak',
      }),
      expect.objectContaining({ uniqueid: second, state: CALL_STATE.connected, leg: 'primary' }),
    ]);
    // Two primary calls: the control API wants the one meant named by uniqueid.
    await expect(env.sim.control.callerHangup({ username: 'jan.novak' })).rejects.toThrow(/uniqueid/);
    await env.sim.control.callerHangup({ uniqueid: first });
    expect(callOf(await client.last('onCallHangup'))).toMatchObject({
      uniqueid: first,
      cause: HANGUP_CAUSE.callerHungUp,
    });
  });

  it('refuses a third call, and a queue call while the agent has any call', async () => {
    await client.call('changeStatus', 'READY');
    await env.sim.control.incomingCall({ number: '602111111' });
    // Still ringing: no call waiting on a call that is not connected.
    await expect(env.sim.control.incomingCall({ number: '602333333' })).rejects.toThrow(/already has a call/);
    await client.call('answer');
    await expect(env.sim.control.incomingCall({ number: '1', queueId: 1 })).rejects.toThrow(
      /already has a call/,
    );
    await env.sim.control.incomingCall({ number: '602222222' });
    await expect(env.sim.control.incomingCall({ number: '602333333' })).rejects.toThrow(/already has a call/);
    expect(await env.sim.control.calls()).toHaveLength(2);
  });

  it('hangs up the connected call first, then rejects the ringing one (cause 5)', async () => {
    const { first, second } = await callWaiting();
    expect(await client.call('hangup')).toMatchObject({ ok: true });
    expect(callOf(await client.nth('onCallHangup', 1))).toMatchObject({
      uniqueid: first,
      cause: HANGUP_CAUSE.calledHungUp,
    });
    expect(await env.sim.control.calls()).toEqual([
      expect.objectContaining({ uniqueid: second, state: CALL_STATE.ringing }),
    ]);
    expect(await client.call('hangup')).toMatchObject({ ok: true });
    expect(callOf(await client.nth('onCallHangup', 2))).toMatchObject({
      uniqueid: second,
      cause: HANGUP_CAUSE.rejected,
    });
    expect(await client.call('hangup')).toMatchObject({ ok: false, error: 'there is no call' });
    expect(await env.sim.control.history('jan.novak')).toEqual([
      expect.objectContaining({ uniqueid: second, cause: HANGUP_CAUSE.rejected }),
      expect.objectContaining({ uniqueid: first, cause: HANGUP_CAUSE.calledHungUp }),
    ]);
  });

  it('hangs up the connected call before the held one', async () => {
    const { first, second } = await callWaiting();
    await client.call('answer');
    await client.call('hangup');
    expect(callOf(await client.last('onCallHangup'))).toMatchObject({ uniqueid: second });
    expect(await env.sim.control.calls()).toEqual([
      expect.objectContaining({ uniqueid: first, state: CALL_STATE.held }),
    ]);
    expect((await client.call('state')).result).toMatchObject({ call: { uniqueid: first } });
    await client.call('hangup');
    expect(callOf(await client.last('onCallHangup'))).toMatchObject({
      uniqueid: first,
      cause: HANGUP_CAUSE.calledHungUp,
    });
  });

  it('refuses unhold while another call is connected; holding it too lets the first resume', async () => {
    const { first, second } = await callWaiting();
    await client.call('answer');
    expect(await client.call('unhold')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/hang up or hold the other call first/),
    });
    // mute acts on the connected call.
    await client.call('mute');
    expect(callOf(await client.last('onCallMute'))).toMatchObject({ uniqueid: second });
    expect(await client.call('tribute')).toMatchObject({ ok: true });
    expect(callOf(await client.last('onCallHold'))).toMatchObject({ uniqueid: second });
    expect(await client.call('unhold')).toMatchObject({ ok: true });
    // The call held longest comes back.
    expect(callOf(await client.last('onCallResume'))).toMatchObject({
      uniqueid: first,
      state: CALL_STATE.connected,
    });
    expect(await client.call('unhold')).toMatchObject({ ok: false });
    expect((await client.call('state')).result).toMatchObject({ call: { uniqueid: first } });
  });

  it('refuses to dial, log out or re-pair while a call is in progress', async () => {
    await env.sim.control.incomingCall({ number: '602111111' });
    await client.call('answer');
    expect(await client.call('dial', '0800123456')).toMatchObject({
      ok: false,
      error: 'a call is already in progress',
    });
    expect(await client.call('logout')).toMatchObject({ ok: false });
    expect(await client.call('identify')).toMatchObject({ ok: false });
  });
});
