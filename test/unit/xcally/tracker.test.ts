import { describe, expect, it } from 'vitest';
import type { VendorEvent } from '../../../src/core/vendor-events';
import { agentIdentity } from '../../../src/vendors/xcally/identity';
import type { PhonebarCall } from '../../../src/vendors/xcally/phonebar';
import type { MatchField } from '../../../src/vendors/xcally/settings';
import {
  DIAL_LINK_TIMEOUT_MS,
  GONE_GRACE_MS,
  STALE_DIALING_MS,
  STALE_RINGING_MS,
  XcallyTracker,
} from '../../../src/vendors/xcally/tracker';
import {
  ABANDON_SAMPLE,
  ANDREA,
  HANGUP_SAMPLE,
  minimal,
  OUTBOUND_SAMPLE,
  queueCall,
  RINGING_SAMPLE,
  UP_SAMPLE,
} from './samples';

interface Setup {
  peer?: string;
  match?: MatchField;
  sipname?: string;
  agentnum?: string;
  queues?: string[];
  phonebar?: boolean;
}

function tracker(setup: Setup = {}) {
  let now = 1_000_000;
  const logs: { level: string; message: string }[] = [];
  const peer = setup.peer ?? ANDREA;
  const t = new XcallyTracker({
    identity: agentIdentity({
      peer,
      match: setup.match ?? 'peer',
      sipname: setup.sipname ?? peer.slice(peer.indexOf('/') + 1),
      agentnum: setup.agentnum,
    }),
    queues: setup.queues ?? [],
    phonebar: setup.phonebar ?? true,
    now: () => now,
    log: (level, message) => logs.push({ level, message }),
  });
  return {
    t,
    logs,
    warnings: () => logs.filter((l) => l.level === 'warn').map((l) => l.message),
    advance: (ms: number) => {
      now += ms;
    },
  };
}

/** The events without agent-state changes (asserted separately). */
const calls = (events: VendorEvent[]) => events.filter((e) => e.type !== 'agentState');
const types = (events: VendorEvent[]) => calls(events).map((e) => e.type);

describe('xCALLY call events: the document samples', () => {
  it('ringing → an inbound ringing call with the caller, the queue and every raw field', () => {
    const { t } = tracker({ peer: RINGING_SAMPLE.peer });
    const events = t.realtime('ringing', RINGING_SAMPLE);
    expect(events[0]).toMatchObject({
      type: 'callOffered',
      call: {
        vendorCallId: '14370692641599601698.91494',
        direction: 'inbound',
        state: 'ringing',
        remoteNumber: '9981003',
        remoteName: 'telephone',
        queue: 'CC-SIPPSupport',
        vendorData: RINGING_SAMPLE,
      },
      raw: RINGING_SAMPLE,
    });
    // A ringing call does not make the agent busy.
    expect(events).toHaveLength(1);
  });

  it('up → the call answered, its new fields merged', () => {
    const { t } = tracker({ peer: UP_SAMPLE.peer });
    t.realtime('ringing', RINGING_SAMPLE);
    const events = t.realtime('up', UP_SAMPLE);
    expect(types(events)).toEqual(['callUpdated', 'callAnswered']);
    expect(events[0]).toMatchObject({
      vendorData: { holdtime: '2', ringtime: '0', up: true, ringing: true },
    });
    expect(events.at(-1)).toMatchObject({ type: 'agentState', state: 'busy' });
  });

  it('up of a call never seen ringing → offered connected', () => {
    const { t } = tracker({ peer: UP_SAMPLE.peer });
    const [offered] = t.realtime('up', UP_SAMPLE);
    expect(offered).toMatchObject({
      type: 'callOffered',
      call: { state: 'connected', direction: 'inbound', remoteNumber: '9981003', answeredAt: 1_000_000 },
    });
  });

  it('hangup with reason agent → ended by the agent; caller or unknown → by the other party', () => {
    for (const [reason, expected] of [
      ['agent', 'hangup'],
      ['caller', 'remoteHangup'],
      ['transfer', 'transferred'],
      ['whatever', 'remoteHangup'],
      [undefined, 'remoteHangup'],
    ] as const) {
      const { t } = tracker();
      const call = queueCall();
      t.realtime('ringing', call.ringing);
      t.realtime('up', call.up);
      const events = t.realtime('hangup', { ...call.hangup(), reason });
      expect(events.find((e) => e.type === 'callEnded')).toMatchObject({
        vendorCallId: '1599601698.94',
        reason: expected,
      });
      expect(events.at(-1)).toMatchObject({ type: 'agentState', state: 'ready' });
    }
  });

  it('the hangup sample alone (a call not followed) shows nothing', () => {
    const { t, warnings } = tracker();
    expect(t.realtime('hangup', HANGUP_SAMPLE)).toEqual([]);
    expect(warnings()).toEqual([]);
  });

  it('outbound → an outbound dialing call to callernum', () => {
    const { t } = tracker();
    const [offered, agent] = t.realtime('outbound', OUTBOUND_SAMPLE);
    expect(offered).toMatchObject({
      type: 'callOffered',
      call: {
        vendorCallId: '1599601871.98',
        direction: 'outbound',
        state: 'dialing',
        remoteNumber: '123456789',
        vendorData: OUTBOUND_SAMPLE,
      },
    });
    expect(agent).toMatchObject({ type: 'agentState', state: 'busy' });
  });

  it('abandon on a watched queue → a missed queue call in the recent calls', () => {
    const { t } = tracker({ queues: ['support'] });
    const events = t.realtime('abandon', ABANDON_SAMPLE);
    expect(events).toMatchObject([
      {
        type: 'callOffered',
        call: {
          vendorCallId: '1599601824.96',
          direction: 'inbound',
          state: 'ringing',
          remoteNumber: '1003',
          remoteName: 'telephone',
          queue: 'Support',
          vendorData: ABANDON_SAMPLE,
        },
      },
      { type: 'callEnded', vendorCallId: '1599601824.96', reason: 'missed' },
    ]);
    // The same abandon twice is one missed call.
    expect(t.realtime('abandon', ABANDON_SAMPLE)).toEqual([]);
  });

  it('abandon on another queue, or with no queues configured, shows nothing', () => {
    expect(calls(tracker({ queues: ['Sales'] }).t.realtime('abandon', ABANDON_SAMPLE))).toEqual([]);
    expect(calls(tracker().t.realtime('abandon', ABANDON_SAMPLE))).toEqual([]);
  });

  it('abandon of a call ringing here → missed, whatever the queues', () => {
    const { t } = tracker();
    const call = queueCall('1599601824.96');
    t.realtime('ringing', call.ringing);
    const events = t.realtime('abandon', ABANDON_SAMPLE);
    expect(events.find((e) => e.type === 'callEnded')).toMatchObject({ reason: 'missed' });
    expect(t.liveCalls()).toEqual([]);
  });

  it.each([
    ['ringing', RINGING_SAMPLE],
    ['up', UP_SAMPLE],
    ['outbound', OUTBOUND_SAMPLE],
  ] as const)('the minimal field set of %s (no callername, sipname, channel) still works', (name, sample) => {
    const { t } = tracker({ peer: sample.peer });
    const [offered] = t.realtime(name, minimal(sample));
    expect(offered).toMatchObject({ type: 'callOffered', call: { vendorData: minimal(sample) } });
    if (offered?.type === 'callOffered') expect(offered.call.remoteName).toBeUndefined();
  });

  it("matches by sipname: every sample of the document is Andrea's", () => {
    const { t } = tracker({ match: 'sipname' });
    expect(types(t.realtime('ringing', RINGING_SAMPLE))).toEqual(['callOffered']);
    expect(types(t.realtime('up', UP_SAMPLE))).toEqual(['callUpdated', 'callAnswered']);
    expect(types(t.realtime('outbound', OUTBOUND_SAMPLE))).toEqual(['callOffered']);
  });

  it('matching by sipname falls back to peer when the event has no sipname', () => {
    const { t } = tracker({ match: 'sipname' });
    expect(types(t.realtime('outbound', minimal(OUTBOUND_SAMPLE)))).toEqual(['callOffered']);
    expect(types(tracker({ match: 'sipname' }).t.realtime('ringing', minimal(RINGING_SAMPLE)))).toEqual([]);
  });

  it('matches by agent number', () => {
    const { t } = tracker({ match: 'agentnum', agentnum: '1000' });
    expect(types(t.realtime('ringing', queueCall().ringing))).toEqual(['callOffered']);
    expect(types(t.realtime('ringing', RINGING_SAMPLE))).toEqual([]);
  });
});

describe('xCALLY call events: other agents and bad input', () => {
  it("ignores other agents' calls without a warning", () => {
    const { t, warnings } = tracker();
    const john = queueCall('1.1', { peer: 'SIP/john.doe', sipname: 'john.doe', agentname: 'John Doe' });
    expect(t.realtime('ringing', john.ringing)).toEqual([]);
    expect(t.realtime('up', john.up)).toEqual([]);
    expect(t.realtime('hangup', john.hangup())).toEqual([]);
    expect(t.realtime('outbound', { ...OUTBOUND_SAMPLE, peer: 'SIP/john.doe', sipname: 'john.doe' })).toEqual(
      [],
    );
    expect(t.realtime('ringing', RINGING_SAMPLE)).toEqual([]);
    expect(warnings()).toEqual([]);
  });

  it('a call ringing here that another agent answers is missed here', () => {
    const { t } = tracker();
    const mine = queueCall('2.2');
    t.realtime('ringing', mine.ringing);
    const john = queueCall('2.2', { peer: 'SIP/john.doe', sipname: 'john.doe' });
    expect(t.realtime('up', john.up)).toMatchObject([
      { type: 'callEnded', vendorCallId: '2.2', reason: 'missed' },
    ]);
  });

  it('a call that rings again after the agent declined it is offered again', () => {
    const { t } = tracker();
    const call = queueCall('3.3');
    t.realtime('ringing', call.ringing);
    t.endedByCommand('3.3', 'rejected');
    expect(types(t.realtime('ringing', call.ringing))).toEqual(['callOffered']);
  });

  it('logs and ignores malformed events', () => {
    const { t, warnings } = tracker();
    expect(t.realtime('ringing', 'not an object')).toEqual([]);
    expect(t.realtime('ringing', { ...queueCall().ringing, uniqueid: undefined })).toEqual([]);
    expect(t.realtime('up', { ...queueCall().up, event: 'hangup' })).toEqual([]);
    expect(t.realtime('ringing', { event: 'ringing', uniqueid: '9.9', callernum: '1' })).toEqual([]);
    expect(warnings()).toEqual([
      'xCALLY: ignored a malformed ringing event: ringing is not an object',
      'xCALLY: ignored a malformed ringing event: ringing has no uniqueid',
      'xCALLY: ignored a malformed up event: up says it is "hangup"',
      'xCALLY: ignored ringing 9.9: it names no agent (no peer)',
    ]);
  });

  it('reads an event sent as JSON text', () => {
    const { t } = tracker();
    expect(types(t.realtime('ringing', JSON.stringify(queueCall().ringing)))).toEqual(['callOffered']);
  });
});

describe('xCALLY custom variables', () => {
  it('unwraps customvariables[uniqueid] and puts each variable at the top too', () => {
    const { t } = tracker();
    const call = queueCall('4.4', { customvariables: { '4.4': { ordernumber: 'A-17', queue: 'shadowed' } } });
    const [offered] = t.realtime('ringing', call.ringing);
    expect(offered).toMatchObject({
      call: {
        vendorData: {
          ordernumber: 'A-17',
          queue: 'Support',
          customvariables: { ordernumber: 'A-17', queue: 'shadowed' },
        },
      },
    });
  });

  it('reports variables added by a later event', () => {
    const { t } = tracker();
    const call = queueCall('5.5');
    t.realtime('ringing', call.ringing);
    const events = t.realtime('up', { ...call.up, customvariables: { '5.5': { ticket: 'T-1' } } });
    expect(events[0]).toMatchObject({
      type: 'callUpdated',
      vendorData: { ticket: 'T-1', customvariables: { ticket: 'T-1' } },
    });
  });
});

const session = (
  sessionId: string,
  number: string,
  status: PhonebarCall['state'],
  direction?: 'inbound' | 'outbound',
): PhonebarCall => ({
  sessionId,
  number,
  state: status,
  direction,
  raw: {},
});

describe('xCALLY calls and the Phonebar', () => {
  it('a Phonebar dial is offered at once and linked to the realtime outbound of the same number', () => {
    const { t } = tracker();
    const [offered] = t.dialed('+39 02 4869 1234');
    expect(offered).toMatchObject({
      type: 'callOffered',
      call: { direction: 'outbound', state: 'dialing', remoteNumber: '+39 02 4869 1234' },
    });
    const id = t.liveCalls()[0]!.id;
    expect(id).toMatch(/^dial-/);
    const events = t.realtime('outbound', { ...OUTBOUND_SAMPLE, callernum: '00390248691234' });
    expect(types(events)).toEqual(['callUpdated']);
    expect(events[0]).toMatchObject({ vendorCallId: id });
    expect(t.liveCalls()).toHaveLength(1);
  });

  it("a realtime outbound that overtakes the Phonebar's answer is adopted, not doubled", () => {
    const { t } = tracker();
    t.realtime('outbound', { ...OUTBOUND_SAMPLE, callernum: '0248691234', extension: '0248691234' });
    expect(t.dialed('0248691234', 's-1')).toEqual([]);
    expect(t.liveCalls()).toMatchObject([{ id: '1599601871.98', sessionId: 's-1', dialed: '0248691234' }]);
  });

  it("follows an outbound call's progress: ALERTING, ACTIVE, HOLDING, gone", () => {
    const { t } = tracker();
    t.dialed('0248691234', 's-1');
    const id = t.liveCalls()[0]!.id;
    expect(t.phonebar([session('s-1', '0248691234', 'dialing')])).toEqual([]);
    expect(types(t.phonebar([session('s-1', '0248691234', 'connected')]))).toEqual(['callAnswered']);
    expect(types(t.phonebar([session('s-1', '0248691234', 'held')]))).toEqual(['callHeld']);
    expect(types(t.phonebar([session('s-1', '0248691234', 'connected')]))).toEqual(['callResumed']);
    // One poll without the session may be a stale read: the second miss in a row ends the call.
    expect(t.phonebar([])).toEqual([]);
    expect(t.phonebar([])).toMatchObject([
      { type: 'callEnded', vendorCallId: id, reason: 'remoteHangup' },
      { type: 'agentState', state: 'ready' },
    ]);
  });

  it('RELEASED ends a call as transferred, TERMINATED as hung up by the other side', () => {
    const a = tracker();
    a.t.dialed('111111', 's-1');
    expect(a.t.phonebar([session('s-1', '111111', 'released')])).toMatchObject([
      { reason: 'transferred' },
      {},
    ]);
    const b = tracker();
    b.t.dialed('111111', 's-1');
    expect(b.t.phonebar([session('s-1', '111111', 'terminated')])).toMatchObject([
      { reason: 'remoteHangup' },
      {},
    ]);
  });

  it('links an inbound call to its Phonebar session by number and direction', () => {
    const { t } = tracker();
    t.realtime('ringing', queueCall('6.6').ringing);
    t.phonebar([
      session('s-9', '1003', 'dialing', 'outbound'),
      session('s-2', '+1003', 'ringing', 'inbound'),
    ]);
    expect(t.call('6.6')?.sessionId).toBe('s-2');
  });

  it('gives the realtime hangup a moment to say who hung up an answered queue call', () => {
    const { t, advance } = tracker();
    const call = queueCall('7.7');
    t.realtime('ringing', call.ringing);
    t.realtime('up', call.up);
    t.phonebar([session('s-1', '1003', 'connected')]);
    expect(t.phonebar([])).toEqual([]);
    expect(types(t.realtime('hangup', call.hangup('agent')))).toEqual(['callUpdated', 'callEnded']);
    // Without the hangup, the Phonebar's word stands after the grace period.
    const other = queueCall('8.8');
    t.realtime('ringing', other.ringing);
    t.realtime('up', other.up);
    t.phonebar([session('s-3', '1003', 'connected')]);
    t.phonebar([]);
    advance(GONE_GRACE_MS);
    expect(t.phonebar([])).toMatchObject([{ type: 'callEnded', reason: 'remoteHangup' }, {}]);
  });

  it('gives up a dial the Phonebar never shows, with a notice', () => {
    const { t, advance } = tracker();
    t.dialed('0248691234');
    advance(DIAL_LINK_TIMEOUT_MS + 1);
    expect(types(t.phonebar([]))).toEqual(['callEnded', 'notice']);
  });

  it('without a Phonebar, a call ringing with no news for long is missed', () => {
    const { t, advance } = tracker({ phonebar: false });
    t.realtime('ringing', queueCall('9.1').ringing);
    advance(STALE_RINGING_MS - 1);
    expect(t.expire()).toEqual([]);
    advance(1);
    expect(t.expire()).toMatchObject([{ type: 'callEnded', reason: 'missed' }]);
  });

  it('answered by a command without a session: connected at once', () => {
    const { t } = tracker();
    t.realtime('ringing', queueCall('9.2').ringing);
    expect(types(t.answeredByCommand('9.2'))).toEqual(['callAnswered']);
    // The realtime up that follows changes nothing more.
    expect(types(t.realtime('up', queueCall('9.2').up))).toEqual(['callUpdated']);
  });

  it('remembers its calls across a worker restart', () => {
    const { t } = tracker();
    t.realtime('ringing', queueCall('9.3').ringing);
    const again = new XcallyTracker(
      {
        identity: agentIdentity({ peer: ANDREA, match: 'peer', sipname: 'andrea.bianco' }),
        queues: [],
        phonebar: true,
        now: () => 2_000_000,
        log: () => {},
      },
      structuredClone(t.memory()),
    );
    expect(again.snapshot()).toMatchObject({
      type: 'snapshot',
      agentState: 'ready',
      calls: [{ vendorCallId: '9.3', state: 'ringing' }],
    });
    expect(types(again.realtime('up', queueCall('9.3').up))).toEqual(['callUpdated', 'callAnswered']);
  });
});

describe('xCALLY tracker: review fixes', () => {
  it('without a Phonebar, an outbound call left dialing is ended by the next call, or after long silence', () => {
    const { t } = tracker({ phonebar: false });
    t.realtime('outbound', OUTBOUND_SAMPLE);
    expect(t.liveCalls()).toHaveLength(1);
    const next = queueCall('9.9');
    expect(calls(t.realtime('ringing', next.ringing))).toMatchObject([
      { type: 'callEnded', vendorCallId: OUTBOUND_SAMPLE.uniqueid, reason: 'hangup' },
      { type: 'callOffered' },
    ]);
    const lone = tracker({ phonebar: false });
    lone.t.realtime('outbound', OUTBOUND_SAMPLE);
    lone.advance(STALE_DIALING_MS - 1);
    expect(lone.t.expire()).toEqual([]);
    lone.advance(1);
    expect(calls(lone.t.expire())).toMatchObject([{ type: 'callEnded', reason: 'lost' }]);
  });

  it('with a Phonebar, the next call does not end an outbound call (the Phonebar judges it)', () => {
    const { t } = tracker();
    t.realtime('outbound', OUTBOUND_SAMPLE);
    t.realtime('ringing', queueCall('9.9').ringing);
    expect(t.liveCalls()).toHaveLength(2);
  });

  it("ringall: another agent's ringing does not end ours; their up does", () => {
    const { t } = tracker();
    const mine = queueCall('5.5');
    t.realtime('ringing', mine.ringing);
    const theirs = queueCall('5.5', { peer: 'SIP/other', sipname: 'other', agentnum: '2000' });
    expect(t.realtime('ringing', theirs.ringing)).toEqual([]);
    expect(t.liveCalls()).toHaveLength(1);
    expect(calls(t.realtime('up', theirs.up))).toMatchObject([{ type: 'callEnded', reason: 'missed' }]);
  });

  it("links a phone-placed outbound call to the Phonebar session showing the sample's extension", () => {
    const { t } = tracker();
    t.realtime('outbound', OUTBOUND_SAMPLE);
    t.phonebar([session('s-9', OUTBOUND_SAMPLE.extension, 'dialing')]);
    expect(t.liveCalls()[0]?.sessionId).toBe('s-9');
  });

  it('a Phonebar dial adopts the single early outbound call even when the route rewrote the number', () => {
    const { t } = tracker();
    t.realtime('outbound', OUTBOUND_SAMPLE);
    expect(t.dialed('0248691234', 's-1')).toEqual([]);
    expect(t.liveCalls()).toHaveLength(1);
    expect(t.liveCalls()[0]).toMatchObject({ dialed: '0248691234', sessionId: 's-1' });
  });

  it('match agentnum: an own outbound call (agentnum is the route caller id) is followed by peer', () => {
    const { t } = tracker({ match: 'agentnum', agentnum: '1000' });
    expect(types(t.realtime('outbound', OUTBOUND_SAMPLE))).toEqual(['callOffered']);
    const other = tracker({ match: 'agentnum', agentnum: '1000' });
    expect(other.t.realtime('outbound', { ...OUTBOUND_SAMPLE, peer: 'SIP/other' })).toEqual([]);
  });

  it('abandon of a call already ended here adds no second missed entry', () => {
    const { t } = tracker({ queues: ['Support'] });
    const call = queueCall(ABANDON_SAMPLE.uniqueid, { queue: 'Support' });
    t.realtime('ringing', call.ringing);
    t.endedByCommand(ABANDON_SAMPLE.uniqueid, 'rejected');
    expect(t.realtime('abandon', ABANDON_SAMPLE)).toEqual([]);
  });
});
