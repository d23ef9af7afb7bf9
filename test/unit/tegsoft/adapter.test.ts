import * as v from 'valibot';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Hub } from '../../../src/background/hub';
import type { SoftbarConfig } from '../../../src/core/config/types';
import type { VendorEvent } from '../../../src/core/vendor-events';
import type { AdapterContext, VendorDefinition } from '../../../src/vendors/contract';
import { findVendor } from '../../../src/vendors/registry';
import { tegsoftVendor } from '../../../src/vendors/tegsoft';
import { TegsoftAdapter } from '../../../src/vendors/tegsoft/adapter';
import { EVENTS_PARAMETER, NOT_ANSWERING, SCREEN_DURING_CALL } from '../../../src/vendors/tegsoft/messages';
import { type TegsoftSettings, tegsoftSettingsSchema } from '../../../src/vendors/tegsoft/settings';
import type { TegsoftTiming } from '../../../src/vendors/tegsoft/timing';
import { fakeFrames } from './fake-frames';
import { event, INBOUND_DATA, STATUS_SAMPLE } from './samples';

const CALL = INBOUND_DATA.activeCallProperties.CALLID;
const answered = {
  ...INBOUND_DATA,
  primarySession: {
    ...INBOUND_DATA.primarySession,
    isAnswered: true,
    answerDate: '2022-10-26T13:45:20.000Z',
  },
};
const READY = event('status', { agent: { ready: true, busy: 0 }, primarySession: null });

function settings(extra: Record<string, unknown> = {}): TegsoftSettings {
  return v.parse(tegsoftSettingsSchema, {
    hostname: 'https://tegsoft.example.com',
    token: 'tok&en',
    layout: { autoMaximize: true, style: { height: '600px' } },
    ...extra,
  });
}

function setup(
  extra: Record<string, unknown> = {},
  store = new Map<string, unknown>(),
  timing: Partial<TegsoftTiming> = {},
) {
  const frames = fakeFrames();
  const logs: { level: string; message: string }[] = [];
  const ctx: AdapterContext = {
    store: {
      get: async <T>(key: string) => structuredClone(store.get(key)) as T | undefined,
      set: async (key, value) => void store.set(key, structuredClone(value)),
    },
    now: () => Date.now(),
    log: (level, message) => logs.push({ level, message }),
    frames: frames.host,
  };
  const adapter = new TegsoftAdapter(settings(extra), ctx, timing);
  const events: VendorEvent[] = [];
  adapter.onEvent((e) => events.push(e));
  const types = () => events.map((e) => e.type);
  return { adapter, frames, events, types, logs, store };
}

/** Connects: the widget answers the first queryStatus with `status`. */
async function connected(
  extra: Record<string, unknown> = {},
  store?: Map<string, unknown>,
  timing?: Partial<TegsoftTiming>,
) {
  const t = setup(extra, store, timing);
  const connecting = t.adapter.connect(new AbortController().signal);
  await vi.waitFor(() => expect(t.frames.names()).toContain('queryStatus'));
  t.frames.send(READY);
  await connecting;
  t.events.length = 0;
  t.frames.posted.length = 0;
  return t;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('Tegsoft adapter: connecting', () => {
  it('is in the registry as "Tegsoft", with its settings form', () => {
    expect(findVendor('tegsoft')).toBe(tegsoftVendor);
    expect(tegsoftVendor.label).toBe('Tegsoft');
    expect(tegsoftVendor.settingsForm?.length).toBeGreaterThan(0);
  });

  it('opens the widget frame, asks for its status and connects on its first event', async () => {
    const t = setup();
    const connecting = t.adapter.connect(new AbortController().signal);
    await vi.waitFor(() => expect(t.frames.specs).toHaveLength(1));
    expect(t.frames.specs[0]).toEqual({
      key: 'tegsoft',
      url: 'https://tegsoft.example.com/Tobe/forms/TegsoftVue/?fileName=forms/TegsoftTelecom/tegsoftWidget&sessiontype=agent&token=tok%26en',
      origin: 'https://tegsoft.example.com',
      allow: 'microphone; camera; autoplay',
      screen: expect.objectContaining({ title: 'Tegsoft', autoMaximize: true, height: '600px' }),
    });
    expect(t.frames.posted).toEqual([{ type: 'action', group: 'agent', name: 'queryStatus' }]);
    t.frames.send(event('status', STATUS_SAMPLE.data));
    await connecting;
    expect(t.types()).toEqual(['connection', 'snapshot', 'connection']);
    expect(t.events[0]).toMatchObject({ status: 'connecting' });
    expect(t.events[1]).toMatchObject({
      agentState: 'notReady',
      reason: 'AFTERLOGIN',
      calls: [{ state: 'connected' }],
    });
    expect(t.events[2]).toMatchObject({ status: 'connected' });
  });

  it("offers what the widget can do, with the profile's reasons", () => {
    const { adapter } = setup({ notReadyReasons: ['LUNCH', 'TRAINING'] });
    expect(adapter.capabilities).toMatchObject({
      dial: true,
      answer: true,
      reject: true,
      dtmf: true,
      setCallData: true,
      chat: true,
      video: true,
      switchLine: true,
      vendorScreen: true,
      agentStates: ['ready', 'notReady', 'offline'],
      notReadyReasons: [
        { id: 'LUNCH', label: 'LUNCH' },
        { id: 'TRAINING', label: 'TRAINING' },
      ],
    });
  });

  it('names the missing integration parameter when no event comes, timed from the last load', async () => {
    vi.useFakeTimers();
    const t = setup({ eventTimeoutMs: 5000 });
    const connecting = t.adapter.connect(new AbortController().signal);
    const failed = expect(connecting).rejects.toThrow(
      `The Tegsoft widget sent no events within 5 s of loading. Ask your Tegsoft admin to add the integration parameter (Login URL) ${EVENTS_PARAMETER} to your user account; or the login may have failed: open the Tegsoft screen from the bar to see its login page.`,
    );
    await vi.advanceTimersByTimeAsync(4000);
    t.frames.load();
    expect(t.frames.names()).toEqual(['queryStatus', 'queryStatus']);
    await vi.advanceTimersByTimeAsync(4000);
    expect(t.frames.listening()).toBe(1);
    await vi.advanceTimersByTimeAsync(1001);
    await failed;
    // A retry keeps the frame (the agent may be logging in on its screen) and waits again.
    const retry = t.adapter.connect(new AbortController().signal);
    t.frames.send(READY);
    await retry;
    expect(t.frames.opened()).toBe(1);
    expect(
      t.events.filter((e) => e.type === 'connection').map((e) => (e as { status: string }).status),
    ).toEqual(['connecting', 'connected']);
  });

  it('stops waiting when the hub aborts', async () => {
    const t = setup();
    const abort = new AbortController();
    const connecting = t.adapter.connect(abort.signal);
    await vi.waitFor(() => expect(t.frames.names()).toContain('queryStatus'));
    abort.abort(new Error('switched profile'));
    await expect(connecting).rejects.toThrow('switched profile');
  });

  it('passes on a frame host that cannot open the widget', async () => {
    const t = setup();
    t.frames.host.open = async () => {
      throw new Error('This vendor needs a page host, which is not available here.');
    };
    await expect(t.adapter.connect(new AbortController().signal)).rejects.toThrow(/page host/);
  });

  it('says it is reconnecting when the widget reloads, and takes its picture again', async () => {
    const t = await connected();
    t.frames.send(event('OnIncomingCallRinging', INBOUND_DATA));
    t.frames.send(event('OnIncomingCallAnswered', answered));
    t.events.length = 0;
    t.frames.posted.length = 0;
    t.frames.load();
    expect(t.events).toMatchObject([{ type: 'connection', status: 'reconnecting' }]);
    expect(t.frames.names()).toEqual(['queryStatus']);
    await expect(t.adapter.execute({ type: 'hold', vendorCallId: CALL })).rejects.toThrow(/not connected/);
    t.frames.send(event('status', { agent: { ready: true }, primarySession: answered.primarySession }));
    expect(t.events.slice(1)).toMatchObject([
      { type: 'snapshot', calls: [{ vendorCallId: CALL, state: 'connected' }] },
      { type: 'connection', status: 'connected' },
    ]);
  });

  it('logs a malformed message and goes on', async () => {
    const t = await connected();
    t.frames.send({ hello: 'world' });
    t.frames.send('junk');
    expect(t.events).toEqual([]);
    expect(t.logs.filter((log) => log.level === 'warn')).toHaveLength(2);
  });
});

describe('Tegsoft adapter: calls', () => {
  it('rings the screen window and turns widget events into hub events', async () => {
    const t = await connected();
    t.frames.send(event('OnIncomingCallRinging', INBOUND_DATA));
    expect(t.frames.channel.ringing).toHaveBeenCalledTimes(1);
    expect(t.events[0]).toMatchObject({
      type: 'callOffered',
      call: { vendorCallId: CALL, remoteNumber: '1234567890' },
    });
  });

  it("answers, holds, mutes, sends tones and hangs up with the document's actions", async () => {
    const t = await connected();
    t.frames.send(event('OnIncomingCallRinging', INBOUND_DATA));
    await t.adapter.execute({ type: 'answer', vendorCallId: CALL });
    t.frames.send(event('OnIncomingCallAnswered', answered));
    await t.adapter.execute({ type: 'hold', vendorCallId: CALL });
    t.frames.send(event('OnHold', answered));
    await t.adapter.execute({ type: 'resume', vendorCallId: CALL });
    t.frames.send(event('OnUnhold', answered));
    await t.adapter.execute({ type: 'mute', vendorCallId: CALL });
    await t.adapter.execute({ type: 'dtmf', vendorCallId: CALL, digits: '12' });
    await t.adapter.execute({ type: 'hangup', vendorCallId: CALL });
    t.frames.send(event('OnIncomingCallHangup', answered));
    expect(t.frames.names()).toEqual([
      'answer',
      // Once answered, the call's CTI data set elsewhere (IVR, campaign) is asked for.
      'getCtiData',
      'hold',
      'unhold',
      'mute',
      'sendDTMF',
      'sendDTMF',
      'hangUp',
    ]);
    expect(t.events.filter((e) => e.type === 'callDtmf')).toMatchObject([{ digits: '12' }]);
    expect(t.events.at(-1)).toMatchObject({ type: 'callEnded', vendorCallId: CALL, reason: 'hangup' });
  });

  it('declines a ringing call with hangUp, and the end says rejected', async () => {
    const t = await connected();
    t.frames.send(event('OnIncomingCallRinging', INBOUND_DATA));
    await t.adapter.execute({ type: 'reject', vendorCallId: CALL });
    t.frames.send(event('OnIncomingCallHangup', INBOUND_DATA));
    expect(t.frames.names()).toEqual(['hangUp']);
    expect(t.events.at(-1)).toMatchObject({ type: 'callEnded', reason: 'rejected' });
  });

  it('dials with call data; the outgoing call carries the number and the data', async () => {
    const t = await connected();
    await t.adapter.execute({ type: 'dial', number: '+33 1 70 36 39 50', callData: { CONTID: 'C-9' } });
    expect(t.frames.posted).toEqual([
      {
        type: 'action',
        group: 'agent',
        name: 'dial',
        data: { numberToDial: '+33170363950', ctiData: { variables: { CONTID: 'C-9' } } },
      },
    ]);
    t.frames.send(
      event('OnOutgoingCallInitialized', { activeCallProperties: { CALLID: 'o1', DIRECTION: 'OUTBOUND' } }),
    );
    expect(t.events.at(-1)).toMatchObject({
      type: 'callOffered',
      call: {
        direction: 'outbound',
        state: 'dialing',
        remoteNumber: '+33170363950',
        vendorData: { variables: { CONTID: 'C-9' } },
      },
    });
    await expect(t.adapter.execute({ type: 'dial', number: 'call me maybe' })).rejects.toThrow(
      /not a phone number/,
    );
  });

  it('sets and clears call data, showing it on the call at once', async () => {
    const t = await connected();
    t.frames.send(event('OnIncomingCallRinging', INBOUND_DATA));
    t.frames.send(event('OnIncomingCallAnswered', answered));
    t.events.length = 0;
    await t.adapter.execute({ type: 'setCallData', vendorCallId: CALL, variables: { ticket: 'T-1' } });
    expect(t.frames.posted.at(-1)).toEqual({
      type: 'action',
      group: 'agent',
      name: 'setCtiData',
      data: { ctiData: { variables: { ticket: 'T-1' }, ctiVariableNames: [], logDTMF: [] } },
    });
    expect(t.events).toMatchObject([
      { type: 'callUpdated', vendorData: { ticket: 'T-1', variables: { ticket: 'T-1' } } },
    ]);
    await t.adapter.execute({ type: 'setCallData', vendorCallId: CALL, variables: { note: 'n' } });
    expect((t.frames.posted.at(-1)!.data as { ctiData: unknown }).ctiData).toMatchObject({
      variables: { ticket: 'T-1', note: 'n' },
    });
    await t.adapter.execute({ type: 'clearCallData', vendorCallId: CALL });
    expect(t.frames.names().at(-1)).toBe('removeCtiData');
    expect(t.events.at(-1)).toMatchObject({ vendorData: { variables: {}, ticket: undefined } });
  });

  it('transfers: blind and attended, with the target the agent gave', async () => {
    const t = await connected();
    t.frames.send(event('OnIncomingCallRinging', INBOUND_DATA));
    t.frames.send(event('OnIncomingCallAnswered', answered));
    await t.adapter.execute({ type: 'attendedTransfer', vendorCallId: CALL, target: '2002' });
    t.frames.send(event('OnAttendedTransferInitialized', answered));
    await expect(t.adapter.execute({ type: 'resume', vendorCallId: CALL })).rejects.toThrow(/switch lines/);
    await t.adapter.execute({ type: 'switchLine', vendorCallId: CALL });
    await t.adapter.execute({ type: 'camera', vendorCallId: CALL, action: 'off' });
    await t.adapter.execute({ type: 'cancelTransfer', vendorCallId: CALL });
    t.frames.send(event('OnAttendedTransferCancelled', answered));
    await t.adapter.execute({ type: 'blindTransfer', vendorCallId: CALL, target: '2001' });
    t.frames.send(event('OnBlindTransferInitialized', answered));
    t.frames.send(event('OnBlindTransferCompleted', answered));
    expect(t.frames.names()).toEqual([
      'getCtiData',
      'attendedTransfer',
      'changeActiveLine',
      'turnOfCamera',
      'cancelAttendedTransfer',
      'blindTransfer',
    ]);
    expect(t.events.filter((e) => e.type === 'transferStarted')).toMatchObject([
      { kind: 'attended', target: '2002' },
      { kind: 'blind', target: '2001' },
    ]);
    expect(t.events.at(-1)).toMatchObject({ type: 'callEnded', reason: 'transferred' });
  });

  it('refuses clearly what cannot be done now', async () => {
    const t = setup();
    await expect(t.adapter.execute({ type: 'dial', number: '123' })).rejects.toThrow(
      'Tegsoft is not connected right now; try again in a moment.',
    );
    const c = await connected();
    await expect(c.adapter.execute({ type: 'hold', vendorCallId: 'gone' })).rejects.toThrow(
      'That call has ended on Tegsoft.',
    );
    c.frames.send(event('OnIncomingCallRinging', INBOUND_DATA));
    await expect(c.adapter.execute({ type: 'hold', vendorCallId: CALL })).rejects.toThrow(
      /Only a connected call/,
    );
    await expect(c.adapter.execute({ type: 'dtmf', vendorCallId: CALL, digits: '1' })).rejects.toThrow(
      /connected call/,
    );
    await expect(c.adapter.execute({ type: 'completeTransfer', vendorCallId: CALL })).rejects.toThrow(
      /no consultation/,
    );
    await expect(
      c.adapter.execute({ type: 'setAgentState', state: 'notReady', reason: 'NAP' }),
    ).rejects.toThrow(/not a not-ready reason/);
    await expect(c.adapter.execute({ type: 'setAgentState', state: 'offline' })).rejects.toThrow(
      'End your calls before logging out of Tegsoft.',
    );
    // A second call ringing while the agent talks: the widget's hangUp would end the wrong one.
    c.frames.send(event('OnIncomingCallAnswered', answered));
    c.frames.send(
      event('OnIncomingCallRinging', {
        primarySession: answered.primarySession,
        secondarySession: {
          ...INBOUND_DATA.primarySession,
          remoteNumber: '555',
          sessionStartDate: '2022-10-26T14:00:00Z',
        },
        activeCallProperties: { CALLID: 'second', callerId: '555', DIRECTION: 'INBOUND' },
      }),
    );
    await expect(c.adapter.execute({ type: 'reject', vendorCallId: 'second' })).rejects.toThrow(
      /answer this call, or let it ring/,
    );
    // Only the answered call's CTI query went out: nothing refused was sent.
    expect(c.frames.names()).toEqual(['getCtiData']);
  });

  it('logs the agent out, and logs in again by reloading the widget', async () => {
    const t = await connected();
    await t.adapter.execute({ type: 'setAgentState', state: 'offline' });
    expect(t.frames.names()).toEqual(['logout', 'queryStatus']);
    t.frames.send(event('status', { agent: null, primarySession: null }));
    // The status asked for after a logout is the whole picture.
    expect(t.events.at(-1)).toMatchObject({ type: 'snapshot', agentState: 'offline', calls: [] });
    t.frames.posted.length = 0;
    const ready = t.adapter.execute({ type: 'setAgentState', state: 'ready' });
    await vi.waitFor(() => expect(t.frames.opened()).toBe(2));
    expect(t.frames.closed()).toBe(1);
    t.frames.send(
      event('status', { agent: { ready: false, notReadyReason: 'AFTERLOGIN' }, primarySession: null }),
    );
    await ready;
    expect(t.frames.names()).toEqual(['queryStatus', 'ready']);
  });

  it('shows the Tegsoft screen; on dispose releases the frame (kept for the next adapter), not closes it', async () => {
    const t = await connected();
    await t.adapter.openScreen();
    expect(t.frames.channel.showScreen).toHaveBeenCalledTimes(1);
    await t.adapter.dispose();
    expect(t.frames.channel.release).toHaveBeenCalledTimes(1);
    expect(t.frames.closed()).toBe(0);
    expect(t.frames.listening()).toBe(0);
  });

  it('keeps its calls across a worker restart (a new adapter on the same store)', async () => {
    const store = new Map<string, unknown>();
    const first = await connected({}, store);
    first.frames.send(event('OnIncomingCallRinging', INBOUND_DATA));
    first.frames.send(event('OnIncomingCallAnswered', answered));
    await vi.waitFor(() => expect(store.size).toBe(1));
    const second = setup({}, store);
    const connecting = second.adapter.connect(new AbortController().signal);
    await vi.waitFor(() => expect(second.frames.names()).toContain('queryStatus'));
    // A status carries no CALLID: the call is recognised by its session.
    second.frames.send(event('status', { agent: { ready: true }, primarySession: answered.primarySession }));
    await connecting;
    expect(second.events.find((e) => e.type === 'snapshot')).toMatchObject({
      calls: [{ vendorCallId: CALL, state: 'connected' }],
    });
  });
});

describe('Tegsoft adapter: staying connected', () => {
  const connections = (events: VendorEvent[]) =>
    events.filter((e) => e.type === 'connection') as Extract<VendorEvent, { type: 'connection' }>[];

  it('opens the frame afresh after two silent waits on a frame that never spoke (an error page)', async () => {
    vi.useFakeTimers();
    const t = setup({ eventTimeoutMs: 1000 });
    for (const _attempt of [1, 2]) {
      const failed = expect(t.adapter.connect(new AbortController().signal)).rejects.toThrow(/no events/);
      await vi.advanceTimersByTimeAsync(1001);
      await failed;
    }
    expect(t.frames.opened()).toBe(1);
    expect(t.frames.closed()).toBe(0);
    const third = t.adapter.connect(new AbortController().signal);
    await vi.advanceTimersByTimeAsync(0);
    expect(t.frames.closed()).toBe(1);
    expect(t.frames.opened()).toBe(2);
    t.frames.send(READY);
    await third;
    expect(connections(t.events).at(-1)).toMatchObject({ status: 'connected' });
  });

  it('does not reload the frame under an agent who opened the Tegsoft screen to log in', async () => {
    vi.useFakeTimers();
    const t = setup({ eventTimeoutMs: 1000 });
    for (const _attempt of [1, 2]) {
      const failed = expect(t.adapter.connect(new AbortController().signal)).rejects.toThrow(/no events/);
      await vi.advanceTimersByTimeAsync(1001);
      await failed;
    }
    await t.adapter.openScreen();
    const retry = t.adapter.connect(new AbortController().signal);
    await vi.advanceTimersByTimeAsync(0);
    expect(t.frames.closed()).toBe(0);
    t.frames.send(READY);
    await retry;
  });

  it('asks for the status every 20 s; says Tegsoft is not answering after 8 s of silence, then is back', async () => {
    vi.useFakeTimers();
    const t = await connected();
    await vi.advanceTimersByTimeAsync(20_000);
    expect(t.frames.names()).toEqual(['queryStatus']);
    t.frames.send(READY);
    expect(t.events).toEqual([]);
    await vi.advanceTimersByTimeAsync(20_000 + 7_999);
    expect(t.frames.names()).toEqual(['queryStatus', 'queryStatus']);
    expect(t.events).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(connections(t.events)).toMatchObject([{ status: 'reconnecting', message: NOT_ANSWERING }]);
    expect(NOT_ANSWERING).toBe('Tegsoft is not answering; waiting for it to come back.');
    await expect(t.adapter.execute({ type: 'setAgentState', state: 'ready' })).rejects.toThrow(
      /not connected/,
    );
    // It keeps asking while silent; the next event brings it back.
    await vi.advanceTimersByTimeAsync(12_000);
    expect(t.frames.names()).toHaveLength(3);
    t.frames.send(READY);
    expect(connections(t.events).at(-1)).toMatchObject({ status: 'connected' });
    await t.adapter.dispose();
  });

  it('times the heartbeat as injected', async () => {
    vi.useFakeTimers();
    const t = await connected({}, undefined, { heartbeatMs: 1000, heartbeatAnswerMs: 300 });
    await vi.advanceTimersByTimeAsync(1300);
    expect(t.frames.names()).toEqual(['queryStatus']);
    expect(connections(t.events)).toMatchObject([{ status: 'reconnecting', message: NOT_ANSWERING }]);
    await t.adapter.dispose();
  });

  it('a re-login that times out says so and reconnects by itself once the widget answers', async () => {
    vi.useFakeTimers();
    const t = await connected({ eventTimeoutMs: 1000 });
    await t.adapter.execute({ type: 'setAgentState', state: 'offline' });
    t.frames.send(event('status', { agent: null, primarySession: null }));
    t.events.length = 0;
    const ready = expect(t.adapter.execute({ type: 'setAgentState', state: 'ready' })).rejects.toThrow(
      /sent no events within 1 s/,
    );
    await vi.advanceTimersByTimeAsync(1001);
    await ready;
    expect(connections(t.events)).toMatchObject([
      {
        status: 'reconnecting',
        message: expect.stringMatching(/sent no events within 1 s.*Retrying in 1 s\.$/),
      },
    ]);
    t.frames.posted.length = 0;
    await vi.advanceTimersByTimeAsync(1000);
    expect(t.frames.names()).toEqual(['queryStatus']);
    // Still silent: the next attempt waits twice as long.
    await vi.advanceTimersByTimeAsync(1000);
    expect(connections(t.events).at(-1)?.message).toMatch(/Retrying in 2 s\.$/);
    await vi.advanceTimersByTimeAsync(2000);
    t.frames.send(
      event('status', { agent: { ready: false, notReadyReason: 'AFTERLOGIN' }, primarySession: null }),
    );
    expect(connections(t.events).at(-1)).toMatchObject({ status: 'connected' });
    await t.adapter.execute({ type: 'setAgentState', state: 'ready' });
    expect(t.frames.names().at(-1)).toBe('ready');
    await t.adapter.dispose();
  });

  it('refuses to open the Tegsoft screen while a call is up: moving the frame reloads the widget', async () => {
    const t = await connected();
    t.frames.send(event('OnIncomingCallRinging', INBOUND_DATA));
    await expect(t.adapter.openScreen()).rejects.toThrow(SCREEN_DURING_CALL);
    expect(SCREEN_DURING_CALL).toBe(
      'Opening the Tegsoft screen reloads the widget, which would cut the call: open it between calls.',
    );
    expect(t.frames.channel.showScreen).not.toHaveBeenCalled();
    t.frames.send(event('OnIncomingCallHangup', INBOUND_DATA));
    await t.adapter.openScreen();
    expect(t.frames.channel.showScreen).toHaveBeenCalledTimes(1);
  });

  it('asks for the CTI data once a call is answered and after a snapshot with a live call', async () => {
    const t = await connected();
    t.frames.send(event('OnIncomingCallRinging', INBOUND_DATA));
    expect(t.frames.names()).toEqual([]);
    t.frames.send(event('OnIncomingCallAnswered', answered));
    expect(t.frames.names()).toEqual(['getCtiData']);
    t.frames.send(event('ctiData', { ctiData: { variables: { CONTID: 'C-77' }, logDTMF: ['OPTION1: 2'] } }));
    expect(t.events.at(-1)).toMatchObject({
      type: 'callUpdated',
      vendorCallId: CALL,
      vendorData: { variables: { CONTID: 'C-77' }, logDTMF: ['OPTION1: 2'] },
    });
    t.frames.posted.length = 0;
    t.frames.load();
    t.frames.send(event('status', { agent: { ready: true }, primarySession: answered.primarySession }));
    expect(t.frames.names()).toEqual(['queryStatus', 'getCtiData']);
  });

  it('turns the camera on, off and over on a connected voice call', async () => {
    const t = await connected();
    t.frames.send(event('OnIncomingCallRinging', INBOUND_DATA));
    await expect(t.adapter.execute({ type: 'camera', vendorCallId: CALL, action: 'on' })).rejects.toThrow(
      /once the call is answered/,
    );
    t.frames.send(event('OnIncomingCallAnswered', answered));
    t.frames.posted.length = 0;
    for (const cameraAction of ['on', 'off', 'toggle'] as const)
      await t.adapter.execute({ type: 'camera', vendorCallId: CALL, action: cameraAction });
    expect(t.frames.names()).toEqual(['turnOnCamera', 'turnOfCamera', 'toggleCamera']);
  });
});

describe('Tegsoft through the hub', () => {
  it('connects a profile and shows a ringing call', async () => {
    const frames = fakeFrames();
    const hub = new Hub({
      vendors: [tegsoftVendor as VendorDefinition],
      sessionStore: { get: async () => undefined, set: async () => {} },
      now: Date.now,
      log: () => {},
      frames: frames.host,
    });
    const config: SoftbarConfig = {
      version: 1,
      profiles: [
        {
          id: 't',
          vendor: 'tegsoft',
          label: 'Tegsoft',
          settings: { hostname: 'tegsoft.example.com', token: 't' },
        },
      ],
      activeProfile: 't',
      defaultRegion: 'GB',
      sites: { allow: [], block: [], exclude: [] },
      screenPop: [],
      autofill: [],
      callLog: { prompt: true, dispositions: [] },
    };
    const applying = hub.applyConfig(config);
    await vi.waitFor(() => expect(frames.names()).toContain('queryStatus'));
    frames.send(READY);
    await applying;
    expect(hub.current.connection.status).toBe('connected');
    expect(hub.current.agent.kind).toBe('ready');
    frames.send(event('OnIncomingCallRinging', INBOUND_DATA));
    expect(hub.current.calls[0]).toMatchObject({
      state: 'ringing',
      remoteNumber: '1234567890',
      queue: 'Technical Support',
    });
    await hub.execute({ type: 'answer', callId: hub.current.calls[0]!.id });
    expect(frames.names().at(-1)).toBe('answer');
    await hub.applyConfig({ ...config, profiles: [], activeProfile: '' });
  });
});
