import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ABANDON_SAMPLE,
  HANGUP_SAMPLE,
  minimalKeys,
  OUTBOUND_SAMPLE,
  RINGING_SAMPLE,
  UP_SAMPLE,
} from './doc-samples';
import { type Setup, setup, type TestClient } from './harness';

const ANDREA = 'SIP/andrea.bianco';
const JOHN = 'SIP/john.doe';
const CALLER = { queue: 'Support', callernum: '1003', callername: 'telephone' };

/** Expects the same fields, in the same order, with the same values. */
function expectSample(payload: Record<string, unknown>, sample: Record<string, unknown>): void {
  expect(Object.keys(payload)).toEqual(Object.keys(sample));
  expect(payload).toEqual(sample);
}

describe('xCALLY simulator: call events', () => {
  let env: Setup;
  let v4: TestClient;
  let v2: TestClient;

  afterEach(async () => {
    vi.useRealTimers();
    await env.stop();
  });

  describe('with the full field set', () => {
    beforeEach(async () => {
      env = await setup();
      v4 = await env.connect(4);
      v2 = await env.connect(2);
    });

    it("reproduces the document's five samples, to socket.io 4 and socket.io 2 clients alike", async () => {
      const { control } = env.sim;
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(1599601698_000);
      await control.queueCall({ ...CALLER, peer: ANDREA, holdSeconds: 2 });
      for (const client of [v4, v2]) expectSample(await client.next('ringing'), RINGING_SAMPLE);
      await control.answer();
      for (const client of [v4, v2]) expectSample(await client.next('up'), UP_SAMPLE);
      vi.setSystemTime(1599601700_000);
      await control.hangup({ by: 'agent' });
      for (const client of [v4, v2]) expectSample(await client.next('hangup'), HANGUP_SAMPLE);

      vi.setSystemTime(1599601824_000);
      const waiting = await control.queueCall({ ...CALLER, peer: null, holdSeconds: 4 });
      await control.abandon({ uniqueid: waiting });
      for (const client of [v4, v2]) expectSample(await client.next('abandon'), ABANDON_SAMPLE);

      vi.setSystemTime(1599601871_000);
      await control.outboundCall({ peer: ANDREA, number: '3925926421', callernum: '123456789' });
      for (const client of [v4, v2]) expectSample(await client.next('outbound'), OUTBOUND_SAMPLE);
      expect(v4.pendingNames()).toEqual([]);
      expect((await control.sent()).map((sent) => [sent.name, sent.clients])).toEqual([
        ['ringing', 2],
        ['up', 2],
        ['hangup', 2],
        ['abandon', 2],
        ['outbound', 2],
      ]);
    });

    it("sends every agent's calls to every client, and the caller's hang-up has reason 'caller'", async () => {
      const andrea = await env.connect(4, { peer: ANDREA });
      const { control } = env.sim;
      const uniqueid = await control.queueCall({ ...CALLER, peer: JOHN });
      for (const client of [v4, v2, andrea])
        expect(await client.next('ringing')).toMatchObject({ peer: JOHN, uniqueid });
      await control.answer({ peer: JOHN });
      await control.hangup({ uniqueid });
      const hangup = await v2.next('hangup');
      expect(hangup).toMatchObject({ reason: 'caller', peer: JOHN, agentname: 'John Doe', agentnum: '1001' });
      expect(await andrea.next('hangup')).toEqual(hangup);
    });

    it('abandons a ringing call with abandon only, under the uniqueid of its ringing', async () => {
      const { control } = env.sim;
      const uniqueid = await control.queueCall({ ...CALLER, peer: ANDREA });
      await v4.next('ringing');
      await control.hangup({ by: 'caller' });
      expect(await v4.next('abandon')).toMatchObject({ uniqueid, direction: 'unmanaged', unmanaged: true });
      expect(v4.pendingNames()).toEqual([]);
      expect(await control.calls()).toEqual([]);
    });

    it('rings the first free member of the queue, lets a call wait when all are busy, and rings it later', async () => {
      const { control } = env.sim;
      await control.queueCall({ ...CALLER });
      expect(await v4.next('ringing')).toMatchObject({ peer: ANDREA, queue: 'Support' });
      await control.queueCall({ ...CALLER, callernum: '1004' });
      expect(await v4.next('ringing')).toMatchObject({ peer: JOHN, callernum: '1004' });
      const waiting = await control.queueCall({ ...CALLER, callernum: '1005' });
      expect((await control.calls()).find((call) => call.uniqueid === waiting)).toMatchObject({
        state: 'queued',
      });
      await control.ringNoAnswer({ peer: JOHN });
      await control.ring(waiting, JOHN);
      expect(await v4.next('ringing')).toMatchObject({ peer: JOHN, callernum: '1005', uniqueid: waiting });
      await expect(control.queueCall({ ...CALLER, queue: 'Sales', peer: JOHN })).rejects.toThrow(
        'SIP/john.doe is not a member of queue Sales',
      );
      await expect(control.answer({ uniqueid: 'nope' })).rejects.toThrow('no call nope');
    });

    it('sends custom variables keyed by uniqueid, as the document reads them', async () => {
      const { control } = env.sim;
      const uniqueid = await control.queueCall({
        ...CALLER,
        queue: 'Sales',
        customvariables: { ordernumber: '42' },
      });
      const ringing = await v2.next('ringing');
      expect(Object.keys(ringing).at(-1)).toBe('customvariables');
      const customvariables = ringing.customvariables as Record<string, Record<string, string>>;
      expect(customvariables[ringing.uniqueid as string]!.ordernumber).toBe('42');
      await control.setCustomVariables(uniqueid, { customer: 'ACME' });
      await control.answer();
      expect((await v4.next('up')).customvariables).toEqual({
        [uniqueid]: { ordernumber: '42', customer: 'ACME' },
      });
      await control.setCustomVariables(uniqueid, { ticket: '7' }, { replace: true });
      await control.hangup();
      expect((await v4.next('hangup')).customvariables).toEqual({ [uniqueid]: { ticket: '7' } });
      await control.queueCall({ ...CALLER });
      expect(await v4.next('ringing')).not.toHaveProperty('customvariables');
    });

    it('sends the minimal field set, or leaves chosen fields out, for one call', async () => {
      const { control } = env.sim;
      await control.queueCall({ ...CALLER, peer: ANDREA, fieldSet: 'minimal' });
      expect(Object.keys(await v4.next('ringing'))).toEqual(minimalKeys(RINGING_SAMPLE));
      await control.answer();
      expect(Object.keys(await v2.next('up'))).toEqual(minimalKeys(UP_SAMPLE));
      await control.queueCall({ ...CALLER, peer: JOHN, omitFields: ['callername'] });
      expect(Object.keys(await v4.next('ringing'))).toEqual(
        Object.keys(RINGING_SAMPLE).filter((key) => key !== 'callername'),
      );
      await control.queueCall({ ...CALLER, peer: null });
      await control.abandon();
      expect(Object.keys(await v4.next('abandon'))).toEqual(Object.keys(ABANDON_SAMPLE));
      await control.setFieldSet('minimal');
      await control.outboundCall({ peer: JOHN, number: '555' });
      expect(Object.keys(await v4.next('outbound'))).toEqual(minimalKeys(OUTBOUND_SAMPLE));
    });

    it("gives an outbound call's far-end answer and hang-up no event by default", async () => {
      const { control } = env.sim;
      const uniqueid = await control.outboundCall({ number: '3925926421' });
      expect(await v4.next('outbound')).toMatchObject({ peer: ANDREA, extension: '3925926421', uniqueid });
      await control.farEndAnswer();
      expect((await control.calls())[0]).toMatchObject({ state: 'up', phonebarStatus: 8 });
      await control.hangup({ by: 'agent' });
      await control.queueCall({ ...CALLER, peer: JOHN });
      await v4.next('ringing');
      expect(v4.events.map((event) => event.name)).toEqual(['outbound', 'ringing']);
    });
  });

  describe('with options', () => {
    it('sends the minimal field set for every call when the server says so, unless a call says full', async () => {
      env = await setup({ fieldSet: 'minimal' });
      v4 = await env.connect(4);
      const { control } = env.sim;
      await control.queueCall({ ...CALLER, peer: ANDREA });
      expect(Object.keys(await v4.next('ringing'))).toEqual(minimalKeys(RINGING_SAMPLE));
      await control.answer();
      expect(Object.keys(await v4.next('up'))).toEqual(minimalKeys(UP_SAMPLE));
      await control.hangup({ by: 'agent' });
      expect(Object.keys(await v4.next('hangup'))).toEqual(minimalKeys(HANGUP_SAMPLE));
      await control.queueCall({ ...CALLER, peer: null });
      await control.abandon();
      expect(Object.keys(await v4.next('abandon'))).toEqual(minimalKeys(ABANDON_SAMPLE));
      await control.queueCall({ ...CALLER, peer: ANDREA, fieldSet: 'full' });
      expect(Object.keys(await v4.next('ringing'))).toEqual(Object.keys(RINGING_SAMPLE));
    });

    it('emits up and hangup for outbound calls with outboundUpHangup, and answers them after the delay', async () => {
      env = await setup({ outboundUpHangup: true, answerDelayMs: 20, outboundRoute: { callerId: null } });
      v4 = await env.connect(4);
      const { control } = env.sim;
      const uniqueid = await control.outboundCall({ peer: JOHN, number: '0612345678' });
      expect(await v4.next('outbound')).toMatchObject({
        agentnum: '1001',
        trunk: 'SIP/0612345678@Demo Trunk',
      });
      const up = await v4.next('up');
      expect(up).toMatchObject({ uniqueid, direction: 'outbound', peer: JOHN, holdtime: '0', up: true });
      expect(up).not.toHaveProperty('queue');
      await control.hangup({ by: 'caller' });
      expect(await v4.next('hangup')).toMatchObject({ uniqueid, direction: 'outbound', reason: 'caller' });
    });
  });
});
