import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_USER, startTegsoftSim, type TegsoftSim } from '../../sim/tegsoft';
import { createVirtualFrameHost } from '../../sim/tegsoft/virtual-frame';
import { Hub } from '../../src/background/hub';
import type { SoftbarConfig } from '../../src/core/config/types';
import type { HubState } from '../../src/core/hub-state';
import type { VendorDefinition } from '../../src/vendors/contract';
import type { FrameChannel, FrameHost, FrameSpec } from '../../src/vendors/frame-host';
import { tegsoftVendor } from '../../src/vendors/tegsoft';
import { EVENTS_PARAMETER } from '../../src/vendors/tegsoft/adapter';
import { testAdapter } from './suite';

interface Frame {
  spec: FrameSpec;
  inner: FrameChannel;
  readonly messages: Set<(data: unknown) => void>;
  readonly loads: Set<() => void>;
  unwire: () => void;
}

/**
 * The simulator's virtual frame host, plus `reload()`: the widget page loads again, as it does when the
 * offscreen document that hosts it is recreated. That is the connection between the adapter and Tegsoft
 * being cut; the Tegsoft server keeps the agent's calls.
 */
function reloadableFrames() {
  const inner = createVirtualFrameHost();
  const frames = new Map<string, Frame>();
  const wire = (frame: Frame) => {
    const stops = [
      frame.inner.onMessage((data) => {
        for (const listener of [...frame.messages]) listener(data);
      }),
      frame.inner.onLoad(() => {
        for (const listener of [...frame.loads]) listener();
      }),
    ];
    frame.unwire = () => {
      for (const stop of stops) stop();
    };
  };
  const channel = (frame: Frame): FrameChannel => ({
    post: (message) => frame.inner.post(message),
    onMessage: (listener) => {
      frame.messages.add(listener);
      return () => frame.messages.delete(listener);
    },
    onLoad: (listener) => {
      frame.loads.add(listener);
      return () => frame.loads.delete(listener);
    },
    showScreen: () => frame.inner.showScreen(),
    ringing: () => frame.inner.ringing(),
    close: async () => {
      frame.unwire();
      if (frames.get(frame.spec.key) === frame) frames.delete(frame.spec.key);
      await frame.inner.close();
    },
  });
  const host: FrameHost = {
    async open(spec) {
      const existing = frames.get(spec.key);
      if (existing && existing.spec.url === spec.url) return channel(existing);
      const frame: Frame = {
        spec,
        inner: await inner.open(spec),
        messages: new Set(),
        loads: new Set(),
        unwire: () => {},
      };
      wire(frame);
      frames.set(spec.key, frame);
      return channel(frame);
    },
  };
  return {
    host,
    async reload() {
      for (const frame of frames.values()) {
        frame.unwire();
        await frame.inner.close();
        frame.inner = await inner.open(frame.spec);
        wire(frame);
      }
    },
  };
}

let sim: TegsoftSim;
let frames: ReturnType<typeof reloadableFrames>;

testAdapter({
  name: 'tegsoft',
  vendor: tegsoftVendor as VendorDefinition,
  timeoutMs: 5000,
  start: async () => {
    sim = await startTegsoftSim();
    frames = reloadableFrames();
    return {
      settings: { hostname: sim.url, token: DEFAULT_USER.token, eventTimeoutMs: 3000 },
      stop: () => sim.close(),
    };
  },
  frames: () => frames.host,
  control: () => ({
    inboundCall: async (caller) => {
      await sim.control.inboundCall({ number: caller.number, name: caller.name, skill: caller.queue });
    },
    farEndAnswer: () => sim.control.farEndAnswer(),
    farEndHangup: () => sim.control.farEndHangup(),
    dropConnection: () => frames.reload(),
  }),
});

describe('tegsoft beyond the shared suite', () => {
  let hub: Hub;
  let warnings: string[];
  let own: TegsoftSim;

  const config = (settings: Record<string, unknown>): SoftbarConfig => ({
    version: 1,
    profiles: [{ id: 't', vendor: 'tegsoft', label: 'Tegsoft', settings }],
    activeProfile: 't',
    defaultRegion: 'GB',
    sites: { allow: [], block: [], exclude: [] },
    screenPop: [],
    autofill: [],
    callLog: { prompt: true, dispositions: [] },
  });

  async function until(predicate: (state: HubState) => boolean, what: string): Promise<HubState> {
    const deadline = Date.now() + 5000;
    while (!predicate(hub.current)) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return hub.current;
  }

  async function connect(extra: Record<string, unknown> = {}): Promise<void> {
    const store = new Map<string, unknown>();
    hub = new Hub({
      vendors: [tegsoftVendor as VendorDefinition],
      sessionStore: {
        get: async <T>(key: string) => structuredClone(store.get(key)) as T | undefined,
        set: async (key, value) => void store.set(key, structuredClone(value)),
      },
      now: Date.now,
      log: (level, message) => {
        if (level === 'warn' || level === 'error') warnings.push(message);
      },
      frames: createVirtualFrameHost(),
    });
    await hub.applyConfig(
      config({ hostname: own.url, token: DEFAULT_USER.token, eventTimeoutMs: 1000, ...extra }),
    );
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
});
