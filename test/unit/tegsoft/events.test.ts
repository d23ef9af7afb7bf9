import { describe, expect, it } from 'vitest';
import type { VendorEvent } from '../../../src/core/vendor-events';
import { KNOWN_EVENTS } from '../../../src/vendors/tegsoft/events';
import { TegsoftTracker } from '../../../src/vendors/tegsoft/tracker';
import { CAMPAIGN_DATA, CTI_SAMPLE, event, INBOUND_DATA, STATUS_SAMPLE, WEBCHAT_DATA } from './samples';

/** The document's "List of Events" (section 3.2), repeats removed. */
const DOCUMENT_EVENTS = [
  'status',
  'OnLogin',
  'OnReady',
  'OnNotready',
  'OnAgentCalled',
  'OnAgentRingNoAnswer',
  'OnBlindTransferInitialized',
  'OnBlindTransferCompleted',
  'OnAttendedTransferInitialized',
  'OnAttendedTransferConnected',
  'OnAttendedTransferCompleted',
  'OnAttendedTransferCancelled',
  'OnAttendedTransferSwitchToPrimarySession',
  'OnAttendedTransferSwitchToSecondarySession',
  'OnHold',
  'OnUnhold',
  'OnMute',
  'OnUnmute',
  'OnIncomingCallAnswered',
  'OnIncomingCallRinging',
  'OnIncomingCallHangup',
  'OnOutgoingCallInitialized',
  'OnOutgoingCallRinging',
  'OnOutgoingCallAnswered',
  'OnOutgoingCallCancelled',
  'OnOutgoingCallHangup',
  'OnWebchatAgentCalled',
  'OnWebchatAgentConnect',
  'OnWebchatAgentComplete',
  'OnInboundAgentCalled',
  'OnInboundAgentConnect',
  'OnInboundAgentComplete',
  'OnCampAgentWaitContact',
  'OnCampAgentWaitConnect',
  'OnCampAgentWaitAcw',
  'OnCampAgentComplete',
  'OnCampAgentWaitComplete',
];

const CALL = INBOUND_DATA.activeCallProperties.CALLID;

function setup() {
  let now = 1_000_000;
  const logs: { level: string; message: string }[] = [];
  const tracker = new TegsoftTracker(
    () => now,
    (level, message) => logs.push({ level, message }),
  );
  const all: VendorEvent[] = [];
  const send = (name: string, data?: unknown) => {
    const out = tracker.handle(event(name, data));
    all.push(...out.events);
    return out;
  };
  /** The normalized events of one message, without `at` and `raw`. */
  const types = (name: string, data?: unknown) =>
    send(name, data).events.map(({ at: _at, raw: _raw, ...rest }) => rest);
  const warnings = () => logs.filter((log) => log.level === 'warn').map((log) => log.message);
  return { tracker, send, types, logs, warnings, all, tick: (ms: number) => (now += ms) };
}

/** The inbound sample, answered (`primarySession` as after an answer). */
const answeredInbound = {
  ...INBOUND_DATA,
  primarySession: {
    ...INBOUND_DATA.primarySession,
    answerDate: '2022-10-26T13:45:20.000Z',
    isAnswered: true,
    statusMessage: 'message_lastmessage10',
  },
  activeCallProperties: { ...INBOUND_DATA.activeCallProperties, answered: true },
};

function ringing() {
  const t = setup();
  t.send('OnIncomingCallRinging', INBOUND_DATA);
  return t;
}

function talking() {
  const t = ringing();
  t.send('OnIncomingCallAnswered', answeredInbound);
  return t;
}

describe('the tracker and the document', () => {
  it('handles every event of the document list', () => {
    for (const name of DOCUMENT_EVENTS) expect(KNOWN_EVENTS).toContain(name);
  });

  it('ignores malformed messages and unknown events with a warning, never throwing', () => {
    const t = setup();
    for (const bad of [
      null,
      'status',
      42,
      [],
      { type: 'action', group: 'agent', name: 'dial' },
      { type: 'event', group: 'report', name: 'status' },
      { type: 'event', group: 'agent' },
      { type: 'event', group: 'agent', name: 'status', data: 'x' },
    ]) {
      const out = t.tracker.handle(bad);
      expect(out).toEqual({
        accepted: false,
        events: [],
        ringing: false,
        queryStatus: false,
        queryCti: false,
      });
    }
    expect(t.warnings()).toHaveLength(8);
    expect(t.warnings()[4]).toBe('ignored a message from the Tegsoft widget: type is "action", not "event"');
    const unknown = t.tracker.handle(event('OnSomethingNew', {}));
    expect(unknown).toMatchObject({ accepted: true, events: [] });
    expect(t.warnings().at(-1)).toBe('ignored Tegsoft event "OnSomethingNew", which Softbar does not know');
  });

  it('survives odd payloads of known events', () => {
    const t = setup();
    for (const name of DOCUMENT_EVENTS) {
      for (const data of [undefined, {}, { activeCallProperties: 'x', primarySession: 5 }, { agent: 'x' }]) {
        expect(() => t.tracker.handle(event(name, data))).not.toThrow();
      }
    }
    expect(t.tracker.liveCalls()).toEqual([]);
  });
});

describe('status', () => {
  it("reads the document's sample: not ready AFTERLOGIN (the numeric busy is not a call)", () => {
    const t = setup();
    expect(t.types('status', STATUS_SAMPLE.data)[0]).toEqual({
      type: 'agentState',
      state: 'notReady',
      reason: 'AFTERLOGIN',
    });
  });

  it('turns ready, busy and no agent into agent states', () => {
    const t = setup();
    expect(t.types('status', { agent: { ready: true, busy: 0 }, primarySession: null })).toEqual([
      { type: 'agentState', state: 'ready', reason: undefined },
    ]);
    expect(t.types('status', { agent: { ready: true, busy: true }, primarySession: null })).toEqual([
      { type: 'agentState', state: 'busy', reason: undefined },
    ]);
    expect(t.types('status', { agent: null, primarySession: null })).toEqual([
      { type: 'agentState', state: 'offline', reason: undefined },
    ]);
    expect(t.types('status', { agent: null, primarySession: null })).toEqual([]);
    expect(t.types('status', { agent: { busy: 1 } })).toEqual([]);
    expect(t.warnings()).toEqual([
      'Tegsoft status: its agent has no "ready" flag; the agent state is left as it was',
    ]);
  });

  it('becomes a snapshot after a (re)load, with the call on the line', () => {
    const t = setup();
    t.tracker.expectSnapshot();
    const [snapshot] = t.types('status', STATUS_SAMPLE.data);
    expect(snapshot).toMatchObject({
      type: 'snapshot',
      agentState: 'notReady',
      reason: 'AFTERLOGIN',
      calls: [
        {
          direction: 'inbound',
          state: 'connected',
          remoteNumber: '859995',
          muted: false,
          answeredAt: Date.parse('2022-10-12T07:20:58.990Z'),
        },
      ],
    });
    // The next status follows the calls with events again.
    expect(t.types('status', STATUS_SAMPLE.data)).toEqual([]);
  });

  it('keeps the call id through a reload (status carries none): matched by its session', () => {
    const t = talking();
    t.tracker.expectSnapshot();
    const [snapshot] = t.types('status', {
      agent: STATUS_SAMPLE.data.agent,
      primarySession: answeredInbound.primarySession,
    });
    expect(snapshot).toMatchObject({ type: 'snapshot', calls: [{ vendorCallId: CALL, state: 'connected' }] });
    expect(t.tracker.liveCalls().map((call) => call.id)).toEqual([CALL]);
  });

  it('drops calls the widget no longer has in a snapshot, keeping chats it cannot see', () => {
    const t = talking();
    t.send('OnWebchatAgentCalled', WEBCHAT_DATA);
    t.tracker.expectSnapshot();
    const [snapshot] = t.types('status', { agent: { ready: true }, primarySession: null });
    expect(snapshot).toMatchObject({ type: 'snapshot', calls: [{ media: 'chat' }] });
    expect(t.tracker.liveCalls()).toHaveLength(1);
  });

  it('follows hold and mute from a status between events', () => {
    const t = talking();
    const session = { ...answeredInbound.primarySession, isOnHold: true, isMuted: true };
    expect(t.types('status', { agent: { ready: true }, primarySession: session }).map((e) => e.type)).toEqual(
      ['agentState', 'callHeld', 'callMuted'],
    );
  });

  it('a status that shows the lines is the whole voice picture: calls it leaves out end, chats stay', () => {
    const t = ringing();
    t.send('OnWebchatAgentCalled', WEBCHAT_DATA);
    // The caller hung up while the widget was cut off from its server: its end events were never sent.
    expect(t.types('status', { agent: { ready: true }, primarySession: null })).toEqual([
      { type: 'agentState', state: 'ready', reason: undefined },
      { type: 'callEnded', vendorCallId: CALL, reason: 'missed' },
    ]);
    expect(t.tracker.liveCalls().map((call) => call.media)).toEqual(['chat']);
    // A late end event for it is recognised and ignored quietly.
    expect(t.types('OnIncomingCallHangup', INBOUND_DATA)).toEqual([]);
    expect(t.warnings()).toEqual([]);
  });

  it('an answered call the status leaves out ended as the agent asked, else by the other party', () => {
    const asked = talking();
    asked.tracker.expectEnd(CALL, 'hangup');
    expect(asked.types('status', { agent: { ready: true }, primarySession: null }).at(-1)).toEqual({
      type: 'callEnded',
      vendorCallId: CALL,
      reason: 'hangup',
    });
    const remote = talking();
    expect(remote.types('status', { primarySession: null })).toEqual([
      { type: 'callEnded', vendorCallId: CALL, reason: 'remoteHangup' },
    ]);
  });

  it('a status without primarySession says nothing about the calls', () => {
    const t = talking();
    expect(t.types('status', { agent: { ready: true } })).toEqual([
      { type: 'agentState', state: 'ready', reason: undefined },
    ]);
    expect(t.tracker.liveCalls()).toHaveLength(1);
  });

  it('a status during the consultation keeps the call being transferred and skips the consulted line', () => {
    const t = talking();
    t.send('OnAttendedTransferInitialized', { ...answeredInbound, extension: '1003' });
    const events = t.types('status', {
      agent: { ready: true },
      primarySession: { ...answeredInbound.primarySession, isOnHold: true },
      secondarySession: {
        ...INBOUND_DATA.primarySession,
        remoteNumber: '1003',
        sessionStartDate: '2022-10-26T13:47:00.000Z',
      },
    });
    expect(events.map((e) => e.type)).toEqual(['agentState']);
    expect(t.tracker.liveCalls().map((call) => [call.id, call.state])).toEqual([[CALL, 'held']]);
  });

  it('takes a call from a status when the events told nothing', () => {
    const t = setup();
    expect(t.types('status', STATUS_SAMPLE.data).map((e) => e.type)).toEqual(['agentState', 'callOffered']);
    expect(t.tracker.liveCalls()[0]).toMatchObject({ state: 'connected', remoteNumber: '859995' });
  });
});

describe('agent events', () => {
  it('OnLogin asks for the status; OnReady and OnNotready set the state', () => {
    const t = setup();
    expect(t.send('OnLogin', { UID: 'u' })).toMatchObject({ events: [], queryStatus: true });
    expect(t.types('OnReady', {})).toEqual([{ type: 'agentState', state: 'ready', reason: undefined }]);
    expect(t.types('OnNotready', { notReadyReason: 'LUNCH' })).toEqual([
      { type: 'agentState', state: 'notReady', reason: 'LUNCH' },
    ]);
    expect(t.types('OnNotready', { reason: 'BREAK' })).toEqual([
      { type: 'agentState', state: 'notReady', reason: 'BREAK' },
    ]);
  });
});

describe('inbound calls', () => {
  it('offers the inbound sample with its caller, skill and raw properties, and says it rings', () => {
    const t = setup();
    const out = t.send('OnIncomingCallRinging', INBOUND_DATA);
    expect(out.ringing).toBe(true);
    expect(out.events).toHaveLength(1);
    expect(out.events[0]).toMatchObject({
      type: 'callOffered',
      call: {
        vendorCallId: '1666791896.1980',
        direction: 'inbound',
        state: 'ringing',
        media: 'voice',
        remoteNumber: '1234567890',
        remoteName: undefined,
        queue: 'Technical Support',
        vendorData: {
          CONTID: 'a219063a-4f04-4fe1-9789-36b8a044056d',
          SKILL: '7000',
          variables: {},
          ctiVariableNames: [],
          logDTMF: [],
        },
      },
    });
    expect(out.events[0]!.raw).toEqual(event('OnIncomingCallRinging', INBOUND_DATA));
  });

  it.each(['OnAgentCalled', 'OnInboundAgentCalled', 'OnIncomingCallRinging'])(
    '%s offers the call',
    (name) => {
      const t = setup();
      expect(t.types(name, INBOUND_DATA).map((e) => e.type)).toEqual(['callOffered']);
    },
  );

  it('takes OnAgentCalled, OnInboundAgentCalled and OnIncomingCallRinging as one call', () => {
    const t = setup();
    t.send('OnAgentCalled', INBOUND_DATA);
    expect(t.types('OnInboundAgentCalled', INBOUND_DATA)).toEqual([]);
    expect(t.types('OnIncomingCallRinging', INBOUND_DATA)).toEqual([]);
    expect(t.tracker.liveCalls()).toHaveLength(1);
  });

  it.each(['OnIncomingCallAnswered', 'OnInboundAgentConnect'])('%s answers it', (name) => {
    const t = ringing();
    const events = t.types(name, answeredInbound);
    expect(events.map((e) => e.type)).toContain('callAnswered');
    expect(t.tracker.call(CALL)).toMatchObject({
      state: 'connected',
      answeredAt: Date.parse('2022-10-26T13:45:20.000Z'),
    });
    expect(t.types('OnInboundAgentConnect', answeredInbound)).toEqual([]);
  });

  it('a hang-up the agent asked for is "hangup"; its repeats are ignored quietly', () => {
    const t = talking();
    t.tracker.expectEnd(CALL, 'hangup');
    expect(t.types('OnIncomingCallHangup', answeredInbound)).toEqual([
      { type: 'callEnded', vendorCallId: CALL, reason: 'hangup' },
    ]);
    expect(t.types('OnInboundAgentComplete', answeredInbound)).toEqual([]);
    expect(t.warnings()).toEqual([]);
  });

  it('the other party hanging up is "remoteHangup"', () => {
    const t = talking();
    expect(t.types('OnInboundAgentComplete', answeredInbound)).toEqual([
      { type: 'callEnded', vendorCallId: CALL, reason: 'remoteHangup' },
    ]);
  });

  it('a caller giving up while it rings, and OnAgentRingNoAnswer, are "missed"', () => {
    const first = ringing();
    expect(first.types('OnIncomingCallHangup', INBOUND_DATA)).toEqual([
      { type: 'callEnded', vendorCallId: CALL, reason: 'missed' },
    ]);
    const second = ringing();
    expect(second.types('OnAgentRingNoAnswer', INBOUND_DATA)).toEqual([
      { type: 'callEnded', vendorCallId: CALL, reason: 'missed' },
    ]);
  });

  it('declining (hangUp on a ringing call) is "rejected"', () => {
    const t = ringing();
    t.tracker.expectEnd(CALL, 'rejected');
    expect(t.types('OnIncomingCallHangup', INBOUND_DATA)).toEqual([
      { type: 'callEnded', vendorCallId: CALL, reason: 'rejected' },
    ]);
  });

  it('forgets an old request: a hang-up long after it is the other party', () => {
    const t = talking();
    t.tracker.expectEnd(CALL, 'hangup');
    t.tick(60_000);
    expect(t.types('OnIncomingCallHangup', answeredInbound)[0]).toMatchObject({ reason: 'remoteHangup' });
  });

  it('gives a call without CALLID a stable id from its session', () => {
    const data = { ...INBOUND_DATA, activeCallProperties: { callerId: '1234567890' } };
    const a = setup();
    const b = setup();
    a.send('OnIncomingCallRinging', data);
    b.tick(5000);
    b.send('OnIncomingCallRinging', data);
    const id = a.tracker.liveCalls()[0]!.id;
    expect(id).toBe(`tegsoft-${Date.parse('2022-10-26T13:45:12.339Z')}-1234567890`);
    expect(b.tracker.liveCalls()[0]!.id).toBe(id);
    // A later event naming the CALLID is the same call.
    a.send('OnIncomingCallAnswered', answeredInbound);
    expect(a.tracker.call(CALL)?.id).toBe(id);
  });
});

describe('outbound calls', () => {
  const dialed = (answered: boolean) => ({
    primarySession: {
      ...INBOUND_DATA.primarySession,
      remoteNumber: '5551234',
      isRinging: !answered,
      isAnswered: answered,
      answerDate: answered ? '2022-10-26T13:45:30.000Z' : null,
    },
    activeCallProperties: { CALLID: 'out-1', PHONE: '5551234', DIRECTION: 'OUTBOUND', answered },
  });

  it('Initialized offers it dialing (with the CTI data dialed), Ringing keeps it, Answered connects', () => {
    const t = setup();
    t.tracker.expectDial('5551234', { CONTID: 'C-1' });
    expect(t.types('OnOutgoingCallInitialized', dialed(false))).toMatchObject([
      {
        type: 'callOffered',
        call: {
          vendorCallId: 'out-1',
          direction: 'outbound',
          state: 'dialing',
          remoteNumber: '5551234',
          vendorData: { variables: { CONTID: 'C-1' } },
        },
      },
    ]);
    expect(t.types('OnOutgoingCallRinging', dialed(false))).toEqual([]);
    expect(t.types('OnOutgoingCallAnswered', dialed(true)).map((e) => e.type)).toContain('callAnswered');
  });

  it('uses the dialed number when the event has none', () => {
    const t = setup();
    t.tracker.expectDial('5551234');
    t.send('OnOutgoingCallInitialized', { activeCallProperties: { CALLID: 'out-2', DIRECTION: 'OUTBOUND' } });
    expect(t.tracker.call('out-2')?.remoteNumber).toBe('5551234');
  });

  it('hang-ups and cancels: the agent\'s is "hangup", the far end\'s "remoteHangup"', () => {
    const t = setup();
    t.send('OnOutgoingCallInitialized', dialed(false));
    expect(t.types('OnOutgoingCallCancelled', dialed(false))[0]).toMatchObject({ reason: 'remoteHangup' });
    t.send('OnOutgoingCallInitialized', {
      ...dialed(false),
      activeCallProperties: { ...dialed(false).activeCallProperties, CALLID: 'out-3' },
    });
    t.tracker.expectEnd('out-3', 'hangup');
    expect(
      t.types('OnOutgoingCallCancelled', { activeCallProperties: { CALLID: 'out-3' } })[0],
    ).toMatchObject({
      reason: 'hangup',
    });
    const other = {
      ...dialed(true),
      activeCallProperties: { ...dialed(true).activeCallProperties, CALLID: 'out-4' },
    };
    t.send('OnOutgoingCallInitialized', other);
    expect(t.types('OnOutgoingCallHangup', other)[0]).toMatchObject({ reason: 'remoteHangup' });
    // The first call ended: its id offered again is a late repeat, not a new call.
    expect(t.types('OnOutgoingCallInitialized', dialed(false))).toEqual([]);
  });
});

describe('webchat', () => {
  it('offers the webchat sample as a chat, connects and completes it', () => {
    const t = setup();
    const out = t.send('OnWebchatAgentCalled', WEBCHAT_DATA);
    expect(out.ringing).toBe(true);
    expect(out.events[0]).toMatchObject({
      type: 'callOffered',
      call: {
        vendorCallId: '52537aa6-e599-48a7-8ab8-6f1f3614f550',
        media: 'chat',
        direction: 'inbound',
        state: 'ringing',
        remoteNumber: '1234567890',
        remoteName: 'Jane Poe',
        queue: 'Test',
        vendorData: { ENGINETYPE: 'WEBUI', skillName: 'Test_Skill' },
      },
    });
    expect(t.types('OnWebchatAgentConnect', WEBCHAT_DATA).map((e) => e.type)).toContain('callAnswered');
    expect(t.types('OnWebchatAgentComplete', WEBCHAT_DATA)[0]).toMatchObject({
      type: 'callEnded',
      reason: 'remoteHangup',
    });
  });

  it('a chat does not put a voice call on hold', () => {
    const t = talking();
    t.send('OnWebchatAgentCalled', WEBCHAT_DATA);
    expect(t.types('OnWebchatAgentConnect', WEBCHAT_DATA).map((e) => e.type)).toEqual(['callAnswered']);
    expect(t.tracker.call(CALL)?.state).toBe('connected');
  });
});

describe('campaign calls', () => {
  const waiting = {
    ...CAMPAIGN_DATA,
    primarySession: { ...CAMPAIGN_DATA.primarySession, isAnswered: false, answerDate: null },
    activeCallProperties: {
      ...CAMPAIGN_DATA.activeCallProperties,
      answered: false,
      eventName: 'campAgentWaitContact',
    },
  };

  it('WaitContact offers the contact dialing; WaitConnect connects it, with the campaign', () => {
    const t = setup();
    expect(t.types('OnCampAgentWaitContact', waiting)).toMatchObject([
      {
        type: 'callOffered',
        call: {
          vendorCallId: '1666791820.1967',
          direction: 'outbound',
          state: 'dialing',
          remoteNumber: '123456789',
          campaign: 'test',
          vendorData: { CAMPAIGNID: '2e321272-cace-442e-b89f-e581b137e38a' },
        },
      },
    ]);
    expect(t.types('OnCampAgentWaitConnect', CAMPAIGN_DATA).map((e) => e.type)).toContain('callAnswered');
  });

  it('the campaign sample alone starts a connected call', () => {
    const t = setup();
    expect(t.types('OnCampAgentWaitConnect', CAMPAIGN_DATA)).toMatchObject([
      {
        type: 'callOffered',
        call: { state: 'connected', campaign: 'test', answeredAt: Date.parse('2022-10-26T13:43:43.310Z') },
      },
    ]);
  });

  it('WaitContact without a contact shows nothing', () => {
    const t = setup();
    expect(t.types('OnCampAgentWaitContact', { UID: 'u' })).toEqual([]);
    expect(t.warnings()).toEqual([]);
  });

  it('WaitAcw ends the call into after-call work; Complete and WaitComplete ask for the status', () => {
    const t = setup();
    t.send('OnCampAgentWaitConnect', CAMPAIGN_DATA);
    expect(t.types('OnCampAgentWaitAcw', CAMPAIGN_DATA)).toEqual([
      { type: 'callEnded', vendorCallId: '1666791820.1967', reason: 'remoteHangup' },
      { type: 'agentState', state: 'afterCallWork', reason: undefined },
    ]);
    expect(t.send('OnCampAgentWaitComplete', CAMPAIGN_DATA)).toMatchObject({ events: [], queryStatus: true });
    expect(t.send('OnCampAgentComplete', CAMPAIGN_DATA)).toMatchObject({ events: [], queryStatus: true });
    expect(t.warnings()).toEqual([]);
  });
});

describe('hold, mute', () => {
  it('OnHold / OnUnhold hold and resume; repeats change nothing', () => {
    const t = talking();
    expect(t.types('OnHold', answeredInbound)).toEqual([{ type: 'callHeld', vendorCallId: CALL }]);
    expect(t.types('OnHold', answeredInbound)).toEqual([]);
    expect(t.types('OnUnhold', answeredInbound)).toEqual([{ type: 'callResumed', vendorCallId: CALL }]);
  });

  it('OnMute / OnUnmute', () => {
    const t = talking();
    expect(t.types('OnMute', answeredInbound)).toEqual([
      { type: 'callMuted', vendorCallId: CALL, muted: true },
    ]);
    expect(t.types('OnUnmute', answeredInbound)).toEqual([
      { type: 'callMuted', vendorCallId: CALL, muted: false },
    ]);
  });

  it('an event without call properties is about the call on the line', () => {
    const t = talking();
    expect(t.types('OnHold')).toEqual([{ type: 'callHeld', vendorCallId: CALL }]);
    expect(t.types('OnUnhold', {})).toEqual([{ type: 'callResumed', vendorCallId: CALL }]);
  });

  it('answering a second call holds the first', () => {
    const t = talking();
    const second = {
      primarySession: answeredInbound.primarySession,
      secondarySession: {
        ...INBOUND_DATA.primarySession,
        remoteNumber: '4930123',
        sessionStartDate: '2022-10-26T13:46:00.000Z',
      },
      activeCallProperties: { CALLID: 'second', callerId: '4930123', DIRECTION: 'INBOUND' },
    };
    expect(t.types('OnIncomingCallRinging', second)).toMatchObject([
      { type: 'callOffered', call: { vendorCallId: 'second', remoteNumber: '4930123' } },
    ]);
    expect(t.tracker.call('second')?.sessionStart).toBe('2022-10-26T13:46:00.000Z');
    expect(t.types('OnIncomingCallAnswered', second)).toEqual([
      { type: 'callAnswered', vendorCallId: 'second' },
      { type: 'callHeld', vendorCallId: CALL },
    ]);
  });
});

describe('transfers', () => {
  it('blind: Initialized starts it, Completed hands the call over; the hang-up after is quiet', () => {
    const t = talking();
    expect(t.types('OnBlindTransferInitialized', { ...answeredInbound, extension: '1003' })).toEqual([
      { type: 'transferStarted', vendorCallId: CALL, kind: 'blind', target: '1003' },
    ]);
    expect(t.types('OnBlindTransferCompleted', { ...answeredInbound, extension: '1003' })).toEqual([
      { type: 'transferCompleted', vendorCallId: CALL },
      { type: 'callEnded', vendorCallId: CALL, reason: 'transferred' },
    ]);
    expect(t.types('OnIncomingCallHangup', answeredInbound)).toEqual([]);
    expect(t.warnings()).toEqual([]);
  });

  it('blind: the target the agent asked for when the event names none; Completed alone still starts it', () => {
    const t = talking();
    t.tracker.expectTransfer(CALL, 'blind', '2001');
    expect(t.types('OnBlindTransferCompleted', answeredInbound)).toEqual([
      { type: 'transferStarted', vendorCallId: CALL, kind: 'blind', target: '2001' },
      { type: 'transferCompleted', vendorCallId: CALL },
      { type: 'callEnded', vendorCallId: CALL, reason: 'transferred' },
    ]);
  });

  it('attended: the caller waits on hold, the consulted party answers, then it completes', () => {
    const t = talking();
    expect(t.types('OnAttendedTransferInitialized', { ...answeredInbound, extension: '1003' })).toEqual([
      { type: 'transferStarted', vendorCallId: CALL, kind: 'attended', target: '1003' },
      { type: 'callHeld', vendorCallId: CALL },
    ]);
    expect(t.types('OnAttendedTransferConnected', { ...answeredInbound, extension: '1003' })).toEqual([
      { type: 'notice', level: 'info', text: '1003 answered: complete the transfer or cancel it.' },
    ]);
    expect(t.types('OnAttendedTransferSwitchToPrimarySession', answeredInbound)).toEqual([
      { type: 'callResumed', vendorCallId: CALL },
    ]);
    expect(t.types('OnAttendedTransferSwitchToSecondarySession', answeredInbound)).toEqual([
      { type: 'callHeld', vendorCallId: CALL },
    ]);
    expect(t.types('OnAttendedTransferCompleted', answeredInbound)).toEqual([
      { type: 'transferCompleted', vendorCallId: CALL },
      { type: 'callEnded', vendorCallId: CALL, reason: 'transferred' },
    ]);
  });

  it('attended: cancelling gives the agent the caller back', () => {
    const t = talking();
    t.send('OnAttendedTransferInitialized', { ...answeredInbound, extension: '1003' });
    expect(t.types('OnAttendedTransferCancelled', answeredInbound)).toEqual([
      { type: 'transferCancelled', vendorCallId: CALL },
      { type: 'callResumed', vendorCallId: CALL },
    ]);
  });

  it('a status during the consultation does not take the consulted line for a call', () => {
    const t = talking();
    t.send('OnAttendedTransferInitialized', { ...answeredInbound, extension: '1003' });
    t.tracker.expectSnapshot();
    const [snapshot] = t.types('status', {
      agent: { ready: true },
      primarySession: { ...answeredInbound.primarySession, isOnHold: true },
      secondarySession: {
        ...INBOUND_DATA.primarySession,
        remoteNumber: '1003',
        sessionStartDate: '2022-10-26T13:47:00.000Z',
      },
    });
    expect(snapshot).toMatchObject({ type: 'snapshot', calls: [{ vendorCallId: CALL, state: 'held' }] });
  });
});

describe('CTI data', () => {
  it('keeps CTI data in vendorData, whole and flattened, the call properties winning', () => {
    const t = setup();
    const out = t.send('OnIncomingCallRinging', { ...INBOUND_DATA, ctiData: CTI_SAMPLE });
    const call = (out.events[0] as Extract<VendorEvent, { type: 'callOffered' }>).call;
    expect(call.vendorData).toMatchObject({
      variables: CTI_SAMPLE.variables,
      ctiVariableNames: ['sample1', 'sample2'],
      logDTMF: ['OPTION1: valueOPT1', 'OPTION2: valueOPT2'],
      sample1: 'value1',
      CONTID: 'a219063a-4f04-4fe1-9789-36b8a044056d',
    });
  });

  it('updates the call from a getCtiData answer (ctiData event) and clears it on none', () => {
    const t = talking();
    const [update] = t.types('ctiData', { ctiData: CTI_SAMPLE });
    expect(update).toMatchObject({
      type: 'callUpdated',
      vendorCallId: CALL,
      vendorData: { variables: CTI_SAMPLE.variables, sample3: 'value3' },
    });
    const [cleared] = t.types('ctiData', { ctiData: null });
    expect(cleared).toMatchObject({ type: 'callUpdated', vendorData: { variables: {}, sample3: undefined } });
    expect(Object.hasOwn((cleared as { vendorData: object }).vendorData, 'sample3')).toBe(true);
  });

  it('asks for the CTI data when a call is answered, and after a snapshot with an answered call', () => {
    const t = ringing();
    expect(t.send('OnIncomingCallAnswered', answeredInbound).queryCti).toBe(true);
    expect(t.send('OnHold', answeredInbound).queryCti).toBe(false);
    t.tracker.expectSnapshot();
    expect(
      t.send('status', { agent: { ready: true }, primarySession: answeredInbound.primarySession }).queryCti,
    ).toBe(true);
    const idle = setup();
    idle.tracker.expectSnapshot();
    expect(idle.send('status', { agent: { ready: true }, primarySession: null }).queryCti).toBe(false);
    const rings = setup();
    rings.tracker.expectSnapshot();
    expect(
      rings.send('status', { agent: { ready: true }, primarySession: INBOUND_DATA.primarySession }).queryCti,
    ).toBe(false);
  });

  it('drops a getCtiData answer asked for before the agent changed the data here', () => {
    const t = talking();
    t.tracker.expectCtiAnswer();
    t.tracker.setCti(CALL, { variables: { ticket: 'T-7' }, ctiVariableNames: [], logDTMF: [] });
    // The answer to the earlier question carries the data from before the change.
    expect(t.types('ctiData', { ctiData: null })).toEqual([]);
    expect(t.tracker.call(CALL)?.cti.variables).toEqual({ ticket: 'T-7' });
    // The answer to a question asked after the change counts.
    t.tracker.expectCtiAnswer();
    expect(t.types('ctiData', { ctiData: CTI_SAMPLE })).toMatchObject([
      { type: 'callUpdated', vendorData: { variables: CTI_SAMPLE.variables } },
    ]);
  });

  it('setCti replaces the CTI data and reports the change once', () => {
    const t = talking();
    const events = t.tracker.setCti(CALL, { variables: { a: '1' }, ctiVariableNames: [], logDTMF: [] });
    expect(events).toHaveLength(1);
    expect(t.tracker.setCti(CALL, { variables: { a: '1' }, ctiVariableNames: [], logDTMF: [] })).toEqual([]);
    expect(t.tracker.setCti('nope', { variables: {}, ctiVariableNames: [], logDTMF: [] })).toEqual([]);
  });
});

describe('memory', () => {
  it('comes back after a restart with the same calls', () => {
    const t = talking();
    const memory = JSON.parse(JSON.stringify(t.tracker.memory()));
    const restored = new TegsoftTracker(
      () => 0,
      () => {},
      memory,
    );
    expect(restored.call(CALL)?.state).toBe('connected');
    restored.expectSnapshot();
    const out = restored.handle(
      event('status', { agent: { ready: true }, primarySession: answeredInbound.primarySession }),
    );
    expect(out.events[0]).toMatchObject({ type: 'snapshot', calls: [{ vendorCallId: CALL }] });
  });

  it('recognises the end of a call that ended before the restart', () => {
    const t = talking();
    t.send('OnIncomingCallHangup', answeredInbound);
    const logs: string[] = [];
    const restored = new TegsoftTracker(
      () => 0,
      (level, message) => logs.push(`${level} ${message}`),
      t.tracker.memory(),
    );
    restored.handle(event('OnInboundAgentComplete', answeredInbound));
    expect(logs.filter((log) => log.startsWith('warn'))).toEqual([]);
  });
});
