import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startXcallySim, type XcallySim } from '../../sim/xcally';
import type { Hub } from '../../src/background/hub';
import type { HubState } from '../../src/core/hub-state';
import type { VendorEvent } from '../../src/core/vendor-events';
import type { VendorDefinition } from '../../src/vendors/contract';
import { xcallyVendor } from '../../src/vendors/xcally';
import { profileConfig, startHub, waitUntil } from './harness';
import { testAdapter } from './suite';

/** The simulator's first agent: the one whose Phonebar it runs, a member of Support and Sales. */
const ANDREA = 'SIP/andrea.bianco';
const JOHN = 'SIP/john.doe';

/** The profile settings that reach the simulator with one engine.io protocol. */
function settingsFor(sim: XcallySim, engineIo: 3 | 4, extra: Record<string, unknown> = {}) {
  return {
    url: sim.url,
    path: sim.path,
    engineIo,
    peer: ANDREA,
    phonebarUrl: sim.phonebarUrl,
    queues: ['Support'],
    ...extra,
  };
}

for (const engineIo of [3, 4] as const) {
  let sim: XcallySim;

  testAdapter({
    name: `xcally (engine.io ${engineIo})`,
    vendor: xcallyVendor as VendorDefinition,
    // A dropped connection comes back after socket.io's first backoff (1 s ± 50%).
    timeoutMs: 6000,
    start: async () => {
      sim = await startXcallySim();
      return { settings: settingsFor(sim, engineIo), stop: () => sim.close() };
    },
    control: () => ({
      inboundCall: async (caller) => {
        await sim.control.queueCall({
          queue: caller.queue ?? 'Support',
          callernum: caller.number,
          callername: caller.name,
          peer: ANDREA,
        });
      },
      farEndAnswer: () => sim.control.farEndAnswer({ peer: ANDREA }),
      farEndHangup: () => sim.control.hangup({ peer: ANDREA, by: 'caller' }),
      dropConnection: () => sim.control.restart({ downMs: 200 }),
    }),
  });

  describe(`xcally beyond the shared suite (engine.io ${engineIo})`, () => {
    let hub: Hub;
    let own: XcallySim;
    let warnings: string[];
    let vendorEvents: VendorEvent[];

    const config = (settings: Record<string, unknown>) =>
      profileConfig({ id: 'x', vendor: 'xcally', label: 'xCALLY' }, settings);

    const until = (predicate: (state: HubState) => boolean, what: string, ms = 6000) =>
      waitUntil(hub, predicate, what, ms);

    const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

    async function connect(extra: Record<string, unknown> = {}): Promise<void> {
      hub = startHub({ vendor: xcallyVendor as VendorDefinition, warnings });
      hub.onVendorEvent((event) => vendorEvents.push(event));
      await hub.applyConfig(config(settingsFor(own, engineIo, extra)));
      await until((s) => s.connection.status === 'connected', 'the hub to connect');
    }

    beforeEach(async () => {
      warnings = [];
      vendorEvents = [];
      own = await startXcallySim();
    });

    afterEach(async () => {
      await hub.applyConfig({ ...config({}), profiles: [], activeProfile: '' });
      await own.close();
    });

    it('identifies the agent in the handshake, over a WebSocket, with the chosen protocol', async () => {
      await connect();
      const [client] = await own.control.waitForClients(1, { peer: ANDREA });
      expect(client).toMatchObject({ peer: ANDREA, protocol: engineIo, transport: 'websocket' });
    });

    it("shows nothing of another agent's call", async () => {
      await connect();
      await own.control.queueCall({ queue: 'Support', callernum: '+44 20 7946 0958', peer: JOHN });
      await own.control.answer({ peer: JOHN });
      await own.control.hangup({ peer: JOHN, by: 'agent' });
      const sent = await own.control.sent();
      expect(sent.map((event) => [event.name, event.clients])).toEqual([
        ['ringing', 1],
        ['up', 1],
        ['hangup', 1],
      ]);
      await pause(300);
      expect(hub.current.calls).toEqual([]);
      expect(hub.current.recent).toEqual([]);
      expect(warnings).toEqual([]);
    });

    it('opens the page AgentCTI asks for this agent, and not one for another agent', async () => {
      await connect();
      await own.control.queueCall({ queue: 'Sales', callernum: '+1 415 555 0132', peer: ANDREA });
      const call = (await until((s) => s.calls.length === 1, 'a ringing call')).calls[0]!;
      expect(
        await own.control.agentCti({ url: 'https://crm.example.com/case/1', peer: ANDREA, mode: 'new_tab' }),
      ).toBe(1);
      await own.control.agentCti({ url: 'https://crm.example.com/case/2', peer: JOHN, mode: 'new_window' });
      await own.control.agentCti({ url: 'https://crm.example.com/case/3', peer: ANDREA, mode: 'new_frame' });
      await until(() => vendorEvents.filter((e) => e.type === 'openPage').length === 2, 'two pages');
      expect(vendorEvents.filter((e) => e.type === 'openPage')).toMatchObject([
        { url: 'https://crm.example.com/case/1', mode: 'newTab', vendorCallId: call.vendorCallIds[0] },
        { url: 'https://crm.example.com/case/3', mode: 'frame' },
      ]);
      expect(warnings).toEqual([]);
    });

    it("shows the agent's AgentCTINotification as a notice for the desktop too", async () => {
      await connect();
      await own.control.agentCtiNotification({ peer: JOHN, type: 'info', title: 'Not', body: 'mine' });
      await own.control.agentCtiNotification({
        peer: ANDREA,
        type: 'warning',
        title: 'Queue',
        body: '5 waiting',
      });
      const state = await until((s) => s.notices.length === 1, 'the notice');
      expect(state.notices[0]).toMatchObject({ level: 'warning', text: 'Queue: 5 waiting' });
      expect(vendorEvents.find((e) => e.type === 'notice')).toMatchObject({ desktop: true, title: 'Queue' });
    });

    it('reconnects after the server restarts mid-shift, saying it was reconnecting', async () => {
      await connect();
      await own.control.queueCall({ queue: 'Support', callernum: '+44 20 7946 0958', peer: ANDREA });
      const call = (await until((s) => s.calls.length === 1, 'a ringing call')).calls[0]!;
      await hub.execute({ type: 'answer', callId: call.id });
      await until((s) => s.calls[0]?.state === 'connected', 'the call to connect');
      const seen: { status: string; message?: string }[] = [];
      const stop = hub.subscribe((s) =>
        seen.push({ status: s.connection.status, message: s.connection.message }),
      );
      await own.control.restart({ downMs: 1500 });
      await until(
        (s) => s.connection.status === 'connected' && seen.some((entry) => entry.status === 'reconnecting'),
        'the reconnect',
        10_000,
      );
      stop();
      const messages = seen.filter((entry) => entry.status === 'reconnecting').map((entry) => entry.message);
      expect(messages[0]).toBe('Lost the xCALLY realtime server; reconnecting…');
      expect(messages).toContain('Lost the xCALLY realtime server; reconnecting (attempt 1)…');
      expect(hub.current.calls.map((c) => [c.id, c.state])).toEqual([[call.id, 'connected']]);
      await own.control.waitForClients(1, { peer: ANDREA });
      // Calls keep flowing after the reconnect.
      await own.control.hangup({ peer: ANDREA, by: 'caller' });
      const ended = await until((s) => s.calls.length === 0, 'the call to end');
      expect(ended.recent[0]).toMatchObject({ id: call.id, endReason: 'remoteHangup' });
    });

    it('shows a caller abandoning a watched queue as a missed call, with the queue', async () => {
      await connect();
      await own.control.queueCall({ queue: 'Support', callernum: '+39 02 4869 1234', peer: null });
      await own.control.abandon();
      const state = await until((s) => s.recent.length === 1, 'the missed call');
      expect(state.recent[0]).toMatchObject({ endReason: 'missed', queue: 'Support', direction: 'inbound' });
      expect(state.calls).toEqual([]);
    });

    it('follows calls of an older Shuttle that sends no callername, sipname or channel', async () => {
      await connect({ match: 'sipname' });
      await own.control.setFieldSet('minimal');
      await own.control.queueCall({
        queue: 'Support',
        callernum: '1003',
        callername: 'Caller',
        peer: ANDREA,
      });
      const call = (await until((s) => s.calls.length === 1, 'the call')).calls[0]!;
      expect(call).toMatchObject({ remoteNumber: '1003', remoteName: undefined, queue: 'Support' });
      expect(call.vendorData).not.toHaveProperty('sipname');
    });

    it("carries the call's custom variables, and reports a screen-pop to Realtime", async () => {
      await connect({ realtimeCti: { enabled: true, appName: 'Softbar CRM' } });
      const uniqueid = await own.control.queueCall({
        queue: 'Support',
        callernum: '1003',
        peer: ANDREA,
        customvariables: { ordernumber: 'A-17' },
      });
      const call = (await until((s) => s.calls.length === 1, 'the call')).calls[0]!;
      expect(call.vendorData).toMatchObject({
        ordernumber: 'A-17',
        customvariables: { ordernumber: 'A-17' },
      });
      hub.screenPopped({ callId: call.id, url: 'https://crm.example.com/orders/A-17', rule: 'orders' });
      const emit = await own.control.waitForReceived('RealtimeCTI');
      expect(emit.payload).toMatchObject({
        type: 'Softbar CRM',
        reference: 'orders',
        url: 'https://crm.example.com/orders/A-17',
        channel: { uniqueid, callernum: '1003', ordernumber: 'A-17', time: expect.any(String) },
      });
      expect(emit.from).toMatchObject({ peer: ANDREA, protocol: engineIo });
    });

    it('follows an outbound call placed on the phone, through the Phonebar', async () => {
      await connect();
      await own.control.outboundCall({ peer: ANDREA, number: '+33 1 70 36 39 50' });
      const dialing = await until((s) => s.calls.length === 1, 'the outbound call');
      expect(dialing.calls[0]).toMatchObject({ direction: 'outbound', state: 'dialing' });
      await own.control.farEndAnswer({ peer: ANDREA });
      await until((s) => s.calls[0]?.state === 'connected', 'the far end to answer');
      await own.control.hold(true, { peer: ANDREA });
      await until((s) => s.calls[0]?.state === 'held', 'the hold on the phone');
      await own.control.hangup({ peer: ANDREA, by: 'agent' });
      await until((s) => s.calls.length === 0, 'the call to end');
      expect(warnings).toEqual([]);
    });

    it('says clearly when the realtime server cannot be reached', async () => {
      await connect();
      const closed = await startXcallySim();
      const url = closed.url;
      await closed.close();
      await hub.applyConfig(config(settingsFor(own, engineIo, { url })));
      const state = await until((s) => s.connection.status === 'reconnecting', 'the failure');
      expect(state.connection.message).toMatch(
        new RegExp(`^Could not reach the xCALLY realtime server at ${url}/socket.io .*Retrying in 1 s\\.$`),
      );
    });
  });
}
