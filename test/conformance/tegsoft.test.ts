import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_USER, startTegsoftSim, type TegsoftSim } from '../../sim/tegsoft';
import { createVirtualFrameHost, type VirtualFrameHost } from '../../sim/tegsoft/virtual-frame';
import type { Hub } from '../../src/background/hub';
import type { HubState } from '../../src/core/hub-state';
import type { VendorDefinition } from '../../src/vendors/contract';
import { tegsoftVendor } from '../../src/vendors/tegsoft';
import { EVENTS_PARAMETER } from '../../src/vendors/tegsoft/messages';
import { profileConfig, startHub, waitUntil } from './harness';
import { testAdapter } from './suite';

let sim: TegsoftSim;
let frames: VirtualFrameHost;

testAdapter({
  name: 'tegsoft',
  vendor: tegsoftVendor as VendorDefinition,
  timeoutMs: 5000,
  start: async () => {
    sim = await startTegsoftSim();
    frames = createVirtualFrameHost({ releaseMs: 1000 });
    return {
      settings: { hostname: sim.url, token: DEFAULT_USER.token, eventTimeoutMs: 3000 },
      stop: () => sim.close(),
    };
  },
  frames: () => frames,
  control: () => ({
    inboundCall: async (caller) => {
      await sim.control.inboundCall({ number: caller.number, name: caller.name, skill: caller.queue });
    },
    farEndAnswer: () => sim.control.farEndAnswer(),
    farEndHangup: () => sim.control.farEndHangup(),
    // The widget page loads again, as when the offscreen document that hosts it is recreated: the
    // connection between the adapter and Tegsoft is cut; the Tegsoft server keeps the agent's calls.
    dropConnection: () => frames.reload('tegsoft'),
  }),
});

describe('tegsoft beyond the shared suite', () => {
  let hub: Hub;
  let warnings: string[];
  let own: TegsoftSim;

  const config = (settings: Record<string, unknown>) =>
    profileConfig({ id: 't', vendor: 'tegsoft', label: 'Tegsoft' }, settings);

  const until = (predicate: (state: HubState) => boolean, what: string, timeoutMs = 5000) =>
    waitUntil(hub, predicate, what, timeoutMs);

  /** The profile's settings: the simulator's first user, with `extra` over them. */
  const settings = (extra: Record<string, unknown> = {}) => ({
    hostname: own.url,
    token: DEFAULT_USER.token,
    eventTimeoutMs: 1000,
    ...extra,
  });

  async function connect(extra: Record<string, unknown> = {}): Promise<void> {
    hub = startHub({ vendor: tegsoftVendor as VendorDefinition, frames: createVirtualFrameHost(), warnings });
    await hub.applyConfig(config(settings(extra)));
  }

  beforeEach(async () => {
    warnings = [];
    own = await startTegsoftSim();
  });

  afterEach(async () => {
    await hub.applyConfig({ ...config({}), profiles: [], activeProfile: '' });
    await own.close();
  });

  it('names the missing integration parameter when the widget posts no events', async () => {
    await own.control.setParentEvents(false);
    await connect();
    const state = await until((s) => s.connection.status === 'reconnecting', 'the connect to fail');
    expect(state.connection.message).toContain(EVENTS_PARAMETER);
    expect(state.connection.message).toContain('open the Tegsoft screen from the bar to see its login page');
    // Once the admin adds it, the next attempt connects.
    await own.control.setParentEvents(true);
    await until((s) => s.connection.status === 'connected', 'the retry to connect');
  });

  it('webchat: offered as a chat, answered, completed', async () => {
    await connect();
    await until((s) => s.connection.status === 'connected', 'connected');
    await own.control.webchat({ name: 'Jane Poe', phone: '+44 20 7946 0958', skill: 'Support' });
    const offered = await until((s) => s.calls.length === 1, 'a chat');
    expect(offered.calls[0]).toMatchObject({
      media: 'chat',
      state: 'ringing',
      remoteName: 'Jane Poe',
      queue: 'Support',
    });
    await hub.execute({ type: 'answer', callId: offered.calls[0]!.id });
    await until((s) => s.calls[0]?.state === 'connected', 'the chat to connect');
    await own.control.farEndHangup();
    const ended = await until((s) => s.calls.length === 0, 'the chat to end');
    expect(ended.recent[0]).toMatchObject({ media: 'chat', endReason: 'remoteHangup' });
    expect(warnings).toEqual([]);
  });

  it('campaign call: the contact, the campaign, and the agent back after it', async () => {
    await connect();
    await until((s) => s.connection.status === 'connected', 'connected');
    await hub.execute({ type: 'setAgentState', state: 'ready' });
    await until((s) => s.agent.kind === 'ready', 'ready');
    await own.control.campaignCall({ number: '+33 1 70 36 39 50', campaign: 'Spring' });
    const call = (await until((s) => s.calls[0]?.state === 'connected', 'the campaign call')).calls[0]!;
    expect(call).toMatchObject({
      direction: 'outbound',
      campaign: 'Spring',
      remoteNumber: '+33 1 70 36 39 50',
    });
    expect(call.vendorData).toMatchObject({ campaignName: 'Spring', DIRECTION: 'OUTBOUND' });
    await own.control.farEndHangup();
    const ended = await until((s) => s.calls.length === 0 && s.agent.kind === 'ready', 'the call to end');
    expect(ended.recent[0]!.endReason).toBe('remoteHangup');
    expect(warnings).toEqual([]);
  });

  it('call data: dialed with the call, added, and cleared', async () => {
    await connect();
    await until((s) => s.connection.status === 'connected', 'connected');
    await hub.execute({ type: 'dial', number: '+33 1 70 36 39 50', callData: { CONTID: 'C-42' } });
    const call = (await until((s) => s.calls.length === 1, 'the outbound call')).calls[0]!;
    expect(call.vendorData).toMatchObject({ variables: { CONTID: 'C-42' }, CONTID: 'C-42' });
    await own.control.farEndAnswer();
    await until((s) => s.calls[0]?.state === 'connected', 'the far end to answer');
    await hub.execute({ type: 'setCallData', callId: call.id, variables: { ticket: 'T-7' } });
    expect(hub.current.calls[0]!.vendorData).toMatchObject({ variables: { CONTID: 'C-42', ticket: 'T-7' } });
    await own.control.waitForAction('setCtiData');
    expect((await own.control.agent()).ctiData?.variables).toEqual({ CONTID: 'C-42', ticket: 'T-7' });
    await hub.execute({ type: 'clearCallData', callId: call.id });
    expect(hub.current.calls[0]!.vendorData).toMatchObject({ variables: {} });
    await hub.execute({ type: 'hangup', callId: call.id });
    await until((s) => s.calls.length === 0, 'the call to end');
    expect(warnings).toEqual([]);
  });

  it('logs out, and logs in again when the agent picks a state', async () => {
    await connect();
    await until((s) => s.agent.kind === 'notReady', 'the agent state after login');
    await hub.execute({ type: 'setAgentState', state: 'offline' });
    await until((s) => s.agent.kind === 'offline', 'offline');
    expect((await own.control.agent()).loggedIn).toBe(false);
    await hub.execute({ type: 'setAgentState', state: 'notReady', reason: 'LUNCH' });
    await until((s) => s.agent.kind === 'notReady' && s.agent.reason === 'LUNCH', 'not ready again');
    expect((await own.control.agent()).loggedIn).toBe(true);
    expect(warnings).toEqual([]);
  });

  it('consults, switches lines, and completes', async () => {
    await connect();
    await until((s) => s.connection.status === 'connected', 'connected');
    await own.control.inboundCall({ number: '+44 20 7946 0958', skill: 'Support' });
    const call = (await until((s) => s.calls.length === 1, 'a call')).calls[0]!;
    await hub.execute({ type: 'answer', callId: call.id });
    await until((s) => s.calls[0]?.state === 'connected', 'connected call');
    await hub.execute({ type: 'attendedTransfer', callId: call.id, target: '2002' });
    await until(
      (s) => s.calls[0]?.transfer?.phase === 'consulting' && s.calls[0].state === 'held',
      'consulting',
    );
    await own.control.consultAnswer();
    await until((s) => s.notices.some((n) => n.text.startsWith('2002 answered')), 'the target to answer');
    await hub.execute({ type: 'switchLine', callId: call.id });
    await until((s) => s.calls[0]?.state === 'connected', 'back with the caller');
    await hub.execute({ type: 'switchLine', callId: call.id });
    await until((s) => s.calls[0]?.state === 'held', 'with the target again');
    await hub.execute({ type: 'completeTransfer', callId: call.id });
    const ended = await until((s) => s.calls.length === 0, 'the transfer to complete');
    expect(ended.recent[0]).toMatchObject({
      endReason: 'transferred',
      transfer: { phase: 'completed', target: '2002' },
    });
    expect(warnings).toEqual([]);
  });

  it('ends a call that ended while the widget was cut off from its server', async () => {
    await connect();
    await until((s) => s.connection.status === 'connected', 'connected');
    await own.control.inboundCall({ number: '+44 20 7946 0958', skill: 'Support' });
    await until((s) => s.calls.length === 1, 'a call');
    await own.control.dropWidget({ downMs: 300 });
    // The caller gives up while the widget is down: its end events reach no one.
    await own.control.farEndHangup();
    const ended = await until((s) => s.calls.length === 0, 'the status after the reconnect to end it');
    expect(ended.recent[0]).toMatchObject({ endReason: 'missed' });
    expect(ended.connection.status).toBe('connected');
    expect(warnings).toEqual([]);
  });

  it('a re-login that times out says so, and reconnects by itself once the widget answers', async () => {
    await connect();
    await until((s) => s.agent.kind === 'notReady', 'the agent state after login');
    await hub.execute({ type: 'setAgentState', state: 'offline' });
    await until((s) => s.agent.kind === 'offline', 'offline');
    await own.control.setParentEvents(false);
    await expect(hub.execute({ type: 'setAgentState', state: 'ready' })).rejects.toThrow(EVENTS_PARAMETER);
    const lost = await until((s) => s.connection.status === 'reconnecting', 'the bar to say so');
    expect(lost.connection.message).toMatch(/Retrying in \d+ s\.$/);
    await own.control.setParentEvents(true);
    await until((s) => s.connection.status === 'connected', 'the adapter to reconnect by itself');
    expect((await own.control.agent()).loggedIn).toBe(true);
    await hub.execute({ type: 'setAgentState', state: 'ready' });
    await until((s) => s.agent.kind === 'ready', 'ready');
  });

  it('server down at start, then up: connects by itself', async () => {
    const { port } = new URL(own.url);
    await own.close();
    await connect();
    await until((s) => s.connection.status === 'reconnecting', 'the first attempt to fail');
    own = await startTegsoftSim({ port: Number(port) });
    // The frame loaded the browser's error page: only loading it again reaches the widget.
    await until((s) => s.connection.status === 'connected', 'the reloaded widget to connect', 15_000);
    expect(hub.current.agent.kind).toBe('notReady');
  }, 20_000);

  it('a profile edit keeps the widget and the live call: the new adapter re-attaches, no new login', async () => {
    await connect();
    await until((s) => s.connection.status === 'connected', 'connected');
    await own.control.inboundCall({ number: '+44 20 7946 0958', skill: 'Support' });
    const call = (await until((s) => s.calls.length === 1, 'a call')).calls[0]!;
    await hub.execute({ type: 'answer', callId: call.id });
    await until((s) => s.calls[0]?.state === 'connected', 'the call to connect');
    await hub.flush();
    await hub.applyConfig(config(settings({ notReadyReasons: ['LUNCH', 'TRAINING'] })));
    const after = await until(
      (s) => s.connection.status === 'connected' && s.capabilities.notReadyReasons.length === 2,
      'the edited profile to connect',
    );
    expect(after.calls.map((c) => [c.id, c.state])).toEqual([[call.id, 'connected']]);
    const logins = (await own.control.events()).filter((sent) => sent.event.name === 'OnLogin');
    expect(logins).toHaveLength(1);
    expect((await own.control.agent()).calls).toHaveLength(1);
    await hub.execute({ type: 'hangup', callId: call.id });
    await until((s) => s.calls.length === 0, 'the call to end');
    expect(warnings).toEqual([]);
  });

  it('CTI data set elsewhere (an IVR) reaches the call once it is answered', async () => {
    await connect();
    await until((s) => s.connection.status === 'connected', 'connected');
    await own.control.inboundCall({ number: '+44 20 7946 0958', skill: 'Support' });
    const call = (await until((s) => s.calls.length === 1, 'a call')).calls[0]!;
    await own.control.attachCtiData({
      variables: { CONTID: 'C-77', choice: '2' },
      ctiVariableNames: ['choice'],
      logDTMF: ['OPTION1: 2'],
    });
    expect(hub.current.calls[0]!.vendorData).toMatchObject({ variables: {} });
    await hub.execute({ type: 'answer', callId: call.id });
    const answered = await until(
      (s) => (s.calls[0]?.vendorData?.variables as Record<string, string> | undefined)?.CONTID === 'C-77',
      'the CTI data',
    );
    expect(answered.calls[0]!.vendorData).toMatchObject({
      variables: { CONTID: 'C-77', choice: '2' },
      ctiVariableNames: ['choice'],
      logDTMF: ['OPTION1: 2'],
    });
    expect(warnings).toEqual([]);
  });

  it('turns the camera on, off and over on a connected call', async () => {
    await connect();
    await until((s) => s.connection.status === 'connected', 'connected');
    await own.control.inboundCall({ number: '+44 20 7946 0958' });
    const call = (await until((s) => s.calls.length === 1, 'a call')).calls[0]!;
    await hub.execute({ type: 'answer', callId: call.id });
    await until((s) => s.calls[0]?.state === 'connected', 'the call to connect');
    const camera = async (action: 'on' | 'off' | 'toggle', on: boolean) => {
      await hub.execute({ type: 'camera', callId: call.id, action });
      const deadline = Date.now() + 5000;
      while ((await own.control.agent()).cameraOn !== on) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for the camera ${action}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    };
    await camera('on', true);
    await camera('off', false);
    await camera('toggle', true);
    expect(warnings).toEqual([]);
  });
});
