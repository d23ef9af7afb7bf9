/**
 * The shared conformance suite: one scripted set of call scenarios that every vendor adapter runs
 * against its simulator (as unstorage's `testDriver`). Each vendor's `<vendor>.test.ts` calls
 * `testAdapter(...)` with a way to start its simulator and make its adapter. Scenarios whose
 * capability the vendor lacks are skipped, never faked.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Hub, type KeyValueStore } from '../../src/background/hub';
import type { Call } from '../../src/core/call';
import type { Capabilities } from '../../src/core/capabilities';
import type { Command } from '../../src/core/commands';
import type { SoftbarConfig } from '../../src/core/config/types';
import { focusedCall, type HubState } from '../../src/core/hub-state';
import type { VendorDefinition } from '../../src/vendors/contract';
import type { FrameHost } from '../../src/vendors/frame-host';

/** The far end of a vendor's simulator, as the suite drives it. */
export interface SimulatorControl {
  /** Rings an inbound call for the agent from `caller`. */
  inboundCall(caller: { number: string; name?: string; queue?: string }): Promise<void>;
  /** The party the agent dialed picks up (no-op for simulators that answer by themselves). */
  farEndAnswer(): Promise<void>;
  /** The other party of the agent's current call hangs up. */
  farEndHangup(): Promise<void>;
  /** Cuts the connection between adapter and vendor; the vendor keeps its calls and comes back. */
  dropConnection(): Promise<void>;
}

export interface ConformanceTarget {
  /** Vendor name for the report. */
  readonly name: string;
  /** The vendor definition under test (as the registry lists it). */
  readonly vendor: VendorDefinition;
  /** Starts the simulator (a server, or an in-process PBX) and returns the profile settings to reach it. */
  start(): Promise<{ settings: Record<string, unknown>; stop(): Promise<void> }>;
  /** The far-end controls, available once the hub is connected. */
  control(hub: Hub): SimulatorControl;
  /** How long the slowest scenario step may take (ms). */
  readonly timeoutMs?: number;
  /** The page host for vendors whose adapter needs one (an in-process stand-in for the offscreen document). */
  readonly frames?: () => FrameHost;
}

class MemoryStore implements KeyValueStore {
  readonly map = new Map<string, unknown>();
  async get<T>(key: string) {
    return structuredClone(this.map.get(key)) as T | undefined;
  }
  async set(key: string, value: unknown) {
    this.map.set(key, structuredClone(value));
  }
}

export function testAdapter(target: ConformanceTarget): void {
  const timeout = target.timeoutMs ?? 3000;

  describe(`conformance: ${target.name}`, () => {
    let hub: Hub;
    let sim: SimulatorControl;
    let stopSim: () => Promise<void>;
    let store: MemoryStore;
    let warnings: string[];
    let settings: Record<string, unknown>;

    const config = (): SoftbarConfig => ({
      version: 1,
      profiles: [{ id: 'conf', vendor: target.vendor.id, label: target.name, settings }],
      activeProfile: 'conf',
      defaultRegion: 'GB',
      sites: { allow: [], block: [], exclude: [] },
      screenPop: [],
      autofill: [],
      callLog: { prompt: true, dispositions: [] },
    });

    const makeHub = () =>
      new Hub({
        vendors: [target.vendor],
        sessionStore: store,
        now: Date.now,
        log: (level, message) => {
          if (level === 'warn' || level === 'error') warnings.push(message);
        },
        frames: target.frames?.(),
      });

    beforeEach(async () => {
      warnings = [];
      store = new MemoryStore();
      const started = await target.start();
      settings = started.settings;
      stopSim = started.stop;
      hub = makeHub();
      await hub.applyConfig(config());
      await waitFor(() => hub.current.connection.status === 'connected', 'the hub to connect');
      sim = target.control(hub);
    });

    afterEach(async () => {
      await hub.applyConfig({ ...config(), profiles: [], activeProfile: '' });
      await stopSim();
    });

    async function waitFor(predicate: (s: HubState) => boolean, what: string): Promise<HubState> {
      const deadline = Date.now() + timeout;
      while (!predicate(hub.current)) {
        if (Date.now() > deadline) {
          throw new Error(`timed out waiting for ${what}; state: ${JSON.stringify(summary(hub.current))}`);
        }
        await new Promise((r) => setTimeout(r, 10));
      }
      return hub.current;
    }

    const caps = (): Capabilities => hub.current.capabilities;
    const focused = (): Call => {
      const call = focusedCall(hub.current);
      if (!call) throw new Error('no live call');
      return call;
    };
    const run = (command: Command) => hub.execute(command);
    const ringAndAnswer = async (number = '+44 20 7946 0958') => {
      await sim.inboundCall({ number, name: 'Olivia Bennett', queue: 'Support' });
      const ringing = await waitFor((s) => focusedCall(s)?.state === 'ringing', 'an inbound call to ring');
      await run({ type: 'answer', callId: focusedCall(ringing)!.id });
      await waitFor((s) => focusedCall(s)?.state === 'connected', 'the call to connect');
      return focused();
    };

    it('connects, says what it can do, and reports an agent state', () => {
      expect(hub.current.connection.status).toBe('connected');
      expect(hub.current.session.vendorId).toBe(target.vendor.id);
      const c = caps();
      expect(typeof c.dial).toBe('boolean');
      expect(Object.values(c).some((value) => value === true)).toBe(true);
      expect(hub.current.agent.kind).not.toBe(undefined);
    });

    it('sets every agent state it offers, with not-ready reasons', async ({ skip }) => {
      if (caps().agentStates.length === 0) skip();
      for (const state of caps().agentStates.filter((s) => s !== 'offline')) {
        await run({ type: 'setAgentState', state });
        await waitFor((s) => s.agent.kind === state, `agent state ${state}`);
      }
      const reason = caps().notReadyReasons[0];
      if (caps().agentStates.includes('notReady') && reason) {
        await run({ type: 'setAgentState', state: 'notReady', reason: reason.id });
        await waitFor(
          (s) => s.agent.kind === 'notReady' && s.agent.reason === reason.id,
          'not ready with a reason',
        );
      }
      if (caps().agentStates.includes('ready')) {
        await run({ type: 'setAgentState', state: 'ready' });
        await waitFor((s) => s.agent.kind === 'ready', 'ready again');
      }
    });

    it('rings an inbound call with the caller, answers it and hangs up', async ({ skip }) => {
      if (!caps().answer || !caps().hangup) skip();
      await sim.inboundCall({ number: '+44 20 7946 0958', name: 'Olivia Bennett', queue: 'Support' });
      const ringing = await waitFor((s) => s.calls.length === 1, 'an inbound call');
      const call = ringing.calls[0]!;
      expect(call).toMatchObject({ direction: 'inbound', state: 'ringing' });
      expect(call.remoteNumber.replace(/\D/g, '')).toContain('2079460958');
      await run({ type: 'answer', callId: call.id });
      const connected = await waitFor((s) => s.calls[0]?.state === 'connected', 'the call to connect');
      expect(connected.calls[0]!.answeredAt).toBeTypeOf('number');
      await run({ type: 'hangup', callId: call.id });
      const ended = await waitFor((s) => s.calls.length === 0, 'the call to end');
      expect(ended.recent[0]).toMatchObject({ id: call.id, state: 'ended', endReason: 'hangup' });
    });

    it('declines a ringing call', async ({ skip }) => {
      if (!caps().reject) skip();
      await sim.inboundCall({ number: '+1 415 555 0132' });
      const call = (await waitFor((s) => s.calls.length === 1, 'an inbound call')).calls[0]!;
      await run({ type: 'reject', callId: call.id });
      const ended = await waitFor((s) => s.calls.length === 0, 'the call to end');
      expect(ended.recent[0]!.endReason).toBe('rejected');
    });

    it('marks a call missed when the caller gives up while it rings', async () => {
      await sim.inboundCall({ number: '+39 02 4869 1234' });
      await waitFor((s) => s.calls.length === 1, 'an inbound call');
      await sim.farEndHangup();
      const ended = await waitFor((s) => s.calls.length === 0, 'the call to end');
      expect(ended.recent[0]!.endReason).toBe('missed');
    });

    it('holds and resumes', async ({ skip }) => {
      if (!caps().answer || !caps().hold) skip();
      const call = await ringAndAnswer();
      await run({ type: 'hold', callId: call.id });
      await waitFor((s) => s.calls[0]?.state === 'held', 'hold');
      await run({ type: 'resume', callId: call.id });
      await waitFor((s) => s.calls[0]?.state === 'connected', 'resume');
    });

    it('mutes and unmutes', async ({ skip }) => {
      if (!caps().answer || !caps().mute) skip();
      const call = await ringAndAnswer();
      await run({ type: 'mute', callId: call.id });
      await waitFor((s) => s.calls[0]?.muted === true, 'mute');
      await run({ type: 'unmute', callId: call.id });
      await waitFor((s) => s.calls[0]?.muted === false, 'unmute');
    });

    it('sends DTMF tones', async ({ skip }) => {
      if (!caps().answer || !caps().dtmf) skip();
      const call = await ringAndAnswer();
      await run({ type: 'dtmf', callId: call.id, digits: '12#' });
      await waitFor((s) => s.calls[0]?.dtmf === '12#', 'tones recorded');
    });

    it('dials out; the far end answers, then hangs up', async ({ skip }) => {
      if (!caps().dial) skip();
      await run({ type: 'dial', number: '+33 1 70 36 39 50' });
      const dialing = await waitFor((s) => s.calls.length === 1, 'an outbound call');
      expect(dialing.calls[0]).toMatchObject({ direction: 'outbound' });
      expect(dialing.calls[0]!.remoteNumber.replace(/\D/g, '')).toContain('170363950');
      await sim.farEndAnswer();
      await waitFor((s) => s.calls[0]?.state === 'connected', 'the far end to answer');
      await sim.farEndHangup();
      const ended = await waitFor((s) => s.calls.length === 0, 'the far end to hang up');
      expect(ended.recent[0]!.endReason).toBe('remoteHangup');
    });

    it('refuses to dial something that is not a number, with a message', async ({ skip }) => {
      if (!caps().dial) skip();
      await expect(run({ type: 'dial', number: 'call me maybe' })).rejects.toThrow(/number/i);
      expect(hub.current.calls).toHaveLength(0);
    });

    it('transfers blind', async ({ skip }) => {
      if (!caps().answer || !caps().blindTransfer) skip();
      const call = await ringAndAnswer();
      await run({ type: 'blindTransfer', callId: call.id, target: '2001' });
      const ended = await waitFor((s) => s.calls.length === 0, 'the transfer to hand the call over');
      expect(ended.recent[0]).toMatchObject({
        endReason: 'transferred',
        transfer: { kind: 'blind', target: '2001' },
      });
    });

    it('consults, then completes the transfer', async ({ skip }) => {
      if (!caps().answer || !caps().attendedTransfer) skip();
      const call = await ringAndAnswer();
      await run({ type: 'attendedTransfer', callId: call.id, target: '2002' });
      await waitFor((s) => s.calls[0]?.transfer?.phase === 'consulting', 'the consultation');
      await run({ type: 'completeTransfer', callId: call.id });
      const ended = await waitFor((s) => s.calls.length === 0, 'the transfer to complete');
      expect(ended.recent[0]).toMatchObject({
        endReason: 'transferred',
        transfer: { kind: 'attended', target: '2002', phase: 'completed' },
      });
    });

    it('consults, then cancels: the agent is back with the caller', async ({ skip }) => {
      if (!caps().answer || !caps().attendedTransfer) skip();
      const call = await ringAndAnswer();
      await run({ type: 'attendedTransfer', callId: call.id, target: '2002' });
      await waitFor((s) => s.calls[0]?.transfer?.phase === 'consulting', 'the consultation');
      await run({ type: 'cancelTransfer', callId: call.id });
      const back = await waitFor(
        (s) => s.calls[0]?.transfer?.phase === 'cancelled' && s.calls[0]?.state === 'connected',
        'the caller back',
      );
      expect(back.calls).toHaveLength(1);
    });

    it('handles two calls at once: answering the second holds the first', async ({ skip }) => {
      if (!caps().answer || !caps().hold) skip();
      const first = await ringAndAnswer('+44 20 7946 0958');
      await sim.inboundCall({ number: '+49 30 12345678', name: 'Lukas Schneider' });
      const two = await waitFor((s) => s.calls.length === 2, 'a second call');
      const second = two.calls.find((c) => c.id !== first.id)!;
      expect(focusedCall(two)!.id).toBe(second.id);
      await run({ type: 'answer', callId: second.id });
      const both = await waitFor(
        (s) => s.calls.find((c) => c.id === second.id)?.state === 'connected',
        'the second call to connect',
      );
      expect(both.calls.find((c) => c.id === first.id)!.state).toBe('held');
      await run({ type: 'hangup', callId: second.id });
      await waitFor((s) => s.calls.length === 1, 'one call left');
      await run({ type: 'resume', callId: first.id });
      await waitFor((s) => s.calls[0]?.state === 'connected', 'the first call back');
    });

    it('refuses a command for a call that has ended, with a message', async ({ skip }) => {
      if (!caps().reject || !caps().hold) skip();
      await sim.inboundCall({ number: '+1 415 555 0132' });
      const call = (await waitFor((s) => s.calls.length === 1, 'a call')).calls[0]!;
      await run({ type: 'reject', callId: call.id });
      await waitFor((s) => s.calls.length === 0, 'the call to end');
      await expect(run({ type: 'hold', callId: call.id })).rejects.toThrow(/ended/);
    });

    it('refuses what the vendor cannot do', async () => {
      const missing = (Object.keys(caps()) as (keyof Capabilities)[]).filter((k) => caps()[k] === false);
      const probe: Partial<Record<keyof Capabilities, Command>> = {
        dial: { type: 'dial', number: '123' },
        hold: { type: 'hold', callId: 'x' },
        mute: { type: 'mute', callId: 'x' },
        dtmf: { type: 'dtmf', callId: 'x', digits: '1' },
        blindTransfer: { type: 'blindTransfer', callId: 'x', target: '1' },
        attendedTransfer: { type: 'attendedTransfer', callId: 'x', target: '1' },
      };
      for (const key of missing) {
        const command = probe[key];
        if (command) await expect(run(command)).rejects.toThrow(/not supported/);
      }
      await expect(run({ type: 'explode' } as unknown as Command)).rejects.toThrow(/Invalid command/);
    });

    it('keeps the call through a dropped connection and says it was reconnecting', async ({ skip }) => {
      if (!caps().answer) skip();
      const call = await ringAndAnswer();
      const seen: string[] = [];
      const unsubscribe = hub.subscribe((s) => seen.push(s.connection.status));
      await sim.dropConnection();
      await waitFor(
        (s) => s.connection.status === 'connected' && seen.includes('reconnecting'),
        'a reconnect',
      );
      unsubscribe();
      expect(hub.current.calls.map((c) => c.id)).toEqual([call.id]);
      await run({ type: 'hangup', callId: call.id });
      await waitFor((s) => s.calls.length === 0, 'hang up after the reconnect');
    });

    it('comes back with the call after the worker restarts (state restored from the session store)', async ({
      skip,
    }) => {
      if (!caps().answer) skip();
      const call = await ringAndAnswer();
      await hub.flush();
      // A new hub on the same store is what a restarted service worker is.
      const restarted = makeHub();
      await restarted.applyConfig(config());
      const deadline = Date.now() + timeout;
      while (restarted.current.connection.status !== 'connected' && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 10));
      }
      expect(restarted.current.calls.map((c) => [c.id, c.state])).toEqual([[call.id, 'connected']]);
      await restarted.execute({ type: 'hangup', callId: call.id });
      await new Promise((r) => setTimeout(r, 50));
      expect(restarted.current.calls).toHaveLength(0);
      await restarted.applyConfig({ ...config(), profiles: [], activeProfile: '' });
    });

    it('logs no unexpected vendor events in a normal call', async ({ skip }) => {
      if (!caps().answer || !caps().hangup) skip();
      const call = await ringAndAnswer();
      await run({ type: 'hangup', callId: call.id });
      await waitFor((s) => s.calls.length === 0, 'the call to end');
      expect(warnings).toEqual([]);
    });
  });
}

function summary(state: HubState) {
  return {
    connection: state.connection.status,
    agent: state.agent.kind,
    calls: state.calls.map((c) => ({ state: c.state, transfer: c.transfer?.phase, muted: c.muted })),
    recent: state.recent.slice(0, 2).map((c) => c.endReason),
  };
}
