import { describe, expect, it } from 'vitest';
import {
  CALL_STATE,
  type CallRecord,
  callObject,
  HANGUP_CAUSE,
  lineParty,
  newCall,
  trunkParty,
} from '../../../sim/ucs/model/call';
import { agentStateOf } from '../../../src/vendors/ucs/agent-status';
import { callbackEvents } from '../../../src/vendors/ucs/callbacks';
import { UcsTracker } from '../../../src/vendors/ucs/tracker';

const AT = 1_700_000_000_000;
const agent = lineParty('Jan Novák', '201', 7, 3, 'jan.novak');

/** A simulator call record, incoming from a trunk unless `outgoing`. */
function record(state: number, outgoing = false): CallRecord {
  const far = trunkParty('603123456', 'ACME s.r.o.');
  return newCall(
    {
      uniqueid: '1700000000.42',
      id: 42,
      direction: outgoing ? 'OUTGOING' : 'INCOMING',
      caller: outgoing ? agent : far,
      called: outgoing ? far : agent,
      data: { ticket: 'T-1' },
      outboundId: 0,
      name: 'ACME s.r.o.',
    },
    state,
    AT - 5000,
  );
}

const none = () => false;
const all = () => true;

describe('UCS callbacks → vendor events', () => {
  it('maps statuses: READY, AUX with reason, ACW, OFFLINE', () => {
    const state = (status: string, reason = '') =>
      callbackEvents('onStateChange', [{ status, reason }], AT, none).map(({ raw, ...event }) => event);
    expect(state('READY')).toEqual([{ type: 'agentState', state: 'ready', at: AT }]);
    expect(state('AUX', 'Lunch')).toEqual([
      { type: 'agentState', state: 'notReady', reason: 'Lunch', at: AT },
    ]);
    expect(state('ACW')).toEqual([{ type: 'agentState', state: 'afterCallWork', at: AT }]);
    expect(state('OFFLINE', 'no connection')).toEqual([{ type: 'agentState', state: 'offline', at: AT }]);
    expect(state('PAUSED')[0]).toMatchObject({ type: 'notice', level: 'warning' });
  });

  it('offers a ringing call once, then follows it to its end', () => {
    const call = record(CALL_STATE.ringing);
    const offered = callbackEvents('onCallRinging', [callObject(call, AT)], AT, none);
    expect(offered).toMatchObject([
      { type: 'callOffered', call: { state: 'ringing', direction: 'inbound' } },
    ]);
    expect(callbackEvents('onCallRinging', [callObject(call, AT)], AT, all)[0]?.type).toBe('callUpdated');
    call.state = CALL_STATE.connected;
    call.connected = AT;
    const id = '1700000000.42';
    const after = (name: string) =>
      callbackEvents(name, [callObject(call, AT)], AT, all).map(({ raw, ...e }) => e);
    expect(after('onCallConnect')).toEqual([{ type: 'callAnswered', vendorCallId: id, at: AT }]);
    expect(after('onCallHold')).toEqual([{ type: 'callHeld', vendorCallId: id, at: AT }]);
    expect(after('onCallResume')).toEqual([{ type: 'callResumed', vendorCallId: id, at: AT }]);
    expect(after('onCallMute')).toEqual([{ type: 'callMuted', vendorCallId: id, muted: true, at: AT }]);
    expect(after('onCallUnmute')).toEqual([{ type: 'callMuted', vendorCallId: id, muted: false, at: AT }]);
    call.cause = HANGUP_CAUSE.callerHungUp;
    expect(after('onCallHangup')).toEqual([
      { type: 'callEnded', vendorCallId: id, reason: 'remoteHangup', at: AT },
    ]);
  });

  it('offers an outgoing call as dialing and reads end reasons by direction', () => {
    const call = record(CALL_STATE.new, true);
    expect(callbackEvents('onCallNew', [callObject(call, AT)], AT, none)).toMatchObject([
      { type: 'callOffered', call: { state: 'dialing', direction: 'outbound', remoteNumber: '603123456' } },
    ]);
    const end = (cause: number, connected: number | null) =>
      callbackEvents('onCallHangup', [callObject({ ...call, cause, connected }, AT)], AT, all)[0];
    expect(end(HANGUP_CAUSE.busy, null)).toMatchObject({ reason: 'failed' });
    expect(end(HANGUP_CAUSE.callerHungUp, AT)).toMatchObject({ reason: 'hangup' });
    expect(end(HANGUP_CAUSE.calledHungUp, AT)).toMatchObject({ reason: 'remoteHangup' });
    expect(end(HANGUP_CAUSE.transfer, AT)).toMatchObject({ reason: 'transferred' });
    const incoming = record(CALL_STATE.ringing);
    const missed = callbackEvents(
      'onCallHangup',
      [callObject({ ...incoming, cause: HANGUP_CAUSE.callerHungUp }, AT)],
      AT,
      all,
    );
    expect(missed[0]).toMatchObject({ reason: 'missed' });
    expect(callbackEvents('onCallHangup', [callObject(incoming, AT)], AT, none)).toEqual([]);
  });

  it('offers a call first heard of mid-way before applying the change', () => {
    const events = callbackEvents('onCallHold', [callObject(record(CALL_STATE.held), AT)], AT, none);
    expect(events.map((event) => event.type)).toEqual(['callOffered', 'callHeld']);
    expect(events[0]).toMatchObject({ call: { state: 'held' } });
  });

  it('turns errors, warnings, login errors and messages into notices', () => {
    const strip = (name: string, args: unknown[]) =>
      callbackEvents(name, args, AT, none).map(({ raw, ...e }) => e);
    expect(strip('onError', ['Cannot connect to the UCS server'])).toEqual([
      { type: 'notice', level: 'error', text: 'Cannot connect to the UCS server', at: AT },
    ]);
    expect(strip('onWarning', ['dial: busy'])).toEqual([
      { type: 'notice', level: 'warning', text: 'dial: busy', at: AT },
    ]);
    expect(strip('onLoginError', [401, 'Invalid credentials'])).toEqual([
      {
        type: 'notice',
        level: 'error',
        text: 'Invalid credentials (code 401)',
        title: 'UCS login failed',
        at: AT,
      },
    ]);
    expect(
      strip('onMessage', [
        { message: 'Logged out: queue limit', type: 'warning', group: 'queues', data: {} },
      ]),
    ).toEqual([
      {
        type: 'notice',
        level: 'warning',
        text: 'Logged out: queue limit',
        title: 'queues',
        desktop: true,
        at: AT,
      },
    ]);
    expect(strip('onDebug', ['x'])).toEqual([]);
    expect(strip('onCallRinging', [null])[0]).toMatchObject({ type: 'notice', level: 'warning' });
  });
});

describe('UCS onReady state → snapshot', () => {
  it('turns an onReady state into a snapshot with the active call', () => {
    const call = record(CALL_STATE.connected);
    call.connected = AT - 1000;
    const event = new UcsTracker().snapshot(
      { status: 'AUX', reason: 'Break', call: callObject(call, AT) },
      agentStateOf('AUX', 'Break') ?? {},
      AT,
    );
    expect(event).toMatchObject({
      type: 'snapshot',
      agentState: 'notReady',
      reason: 'Break',
      calls: [
        {
          vendorCallId: '1700000000.42',
          direction: 'inbound',
          state: 'connected',
          remoteNumber: '603123456',
          remoteName: 'ACME s.r.o.',
          muted: false,
          answeredAt: AT - 1000,
          vendorData: { caller_number_norm: '+420603123456', data: { ticket: 'T-1' } },
        },
      ],
    });
    expect(
      new UcsTracker().snapshot({ status: 'READY', call: null }, agentStateOf('READY', '') ?? {}, AT),
    ).toMatchObject({
      type: 'snapshot',
      agentState: 'ready',
      calls: [],
    });
  });
});
