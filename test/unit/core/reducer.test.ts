import { describe, expect, it, vi } from 'vitest';
import {
  focusedCall,
  type HubState,
  initialHubState,
  MAX_NOTICES,
  RECENT_CALLS,
} from '../../../src/core/hub-state';
import { dismissNotice, reduce } from '../../../src/core/reducer';
import type { VendorCallInfo, VendorEvent } from '../../../src/core/vendor-events';

const T0 = 1_700_000_000_000;
type EventBody = VendorEvent extends infer E ? (E extends unknown ? Omit<E, 'at'> : never) : never;

function run(events: EventBody[], start?: HubState) {
  const warn = vi.fn();
  let state = start ?? initialHubState({ profileId: 'p', vendorId: 'demo', label: 'Demo' }, T0);
  events.forEach((event, i) => {
    state = reduce(state, { ...event, at: T0 + (i + 1) * 1000 } as VendorEvent, {
      defaultRegion: 'GB',
      warn,
    });
  });
  return { state, warn };
}

const inbound = (id: string, extra: Partial<VendorCallInfo> = {}): EventBody => ({
  type: 'callOffered',
  call: { vendorCallId: id, direction: 'inbound', state: 'ringing', remoteNumber: '020 7946 0958', ...extra },
});

describe('connection, capabilities, agent state', () => {
  it('records the connection status with its message and time', () => {
    const { state } = run([{ type: 'connection', status: 'reconnecting', message: 'lost' }]);
    expect(state.connection).toEqual({ status: 'reconnecting', message: 'lost', since: T0 + 1000 });
  });

  it('keeps the same object when nothing changes', () => {
    const { state } = run([{ type: 'connection', status: 'connected' }]);
    const again = reduce(
      state,
      { type: 'connection', status: 'connected', at: T0 + 9000 },
      { warn: vi.fn() },
    );
    expect(again).toBe(state);
  });

  it('sets agent state with a reason and keeps `since` while unchanged', () => {
    const { state } = run([
      { type: 'agentState', state: 'notReady', reason: 'Lunch' },
      { type: 'agentState', state: 'notReady', reason: 'Lunch' },
    ]);
    expect(state.agent).toEqual({ kind: 'notReady', reason: 'Lunch', since: T0 + 1000 });
    const { state: changed } = run([{ type: 'agentState', state: 'notReady', reason: 'Break' }], state);
    expect(changed.agent.reason).toBe('Break');
  });

  it('takes new capabilities', () => {
    const { state } = run([]);
    const caps = { ...state.capabilities, hold: true };
    expect(run([{ type: 'capabilities', capabilities: caps }]).state.capabilities.hold).toBe(true);
  });
});

describe('a call through its life', () => {
  it('rings with the number raw and in E.164, and the vendor data whole', () => {
    const { state } = run([
      inbound('a', { remoteName: 'Olivia', queue: 'Support', vendorData: { crmId: 7 } }),
    ]);
    expect(state.calls).toHaveLength(1);
    const call = state.calls[0]!;
    expect(call).toMatchObject({
      direction: 'inbound',
      state: 'ringing',
      remoteNumber: '020 7946 0958',
      remoteE164: '+442079460958',
      remoteDisplay: '+44 20 7946 0958',
      remoteName: 'Olivia',
      queue: 'Support',
      vendorData: { crmId: 7 },
      muted: false,
      createdAt: T0 + 1000,
    });
    expect(call.answeredAt).toBeUndefined();
  });

  it('leaves E.164 empty for what is not a phone number', () => {
    const { state } = run([inbound('a', { remoteNumber: 'anonymous' })]);
    expect(state.calls[0]!.remoteE164).toBeUndefined();
  });

  it('answers, holds, resumes, mutes, sends tones and hangs up', () => {
    const { state, warn } = run([
      inbound('a'),
      { type: 'callAnswered', vendorCallId: 'a' },
      { type: 'callHeld', vendorCallId: 'a' },
      { type: 'callResumed', vendorCallId: 'a' },
      { type: 'callMuted', vendorCallId: 'a', muted: true },
      { type: 'callDtmf', vendorCallId: 'a', digits: '12' },
      { type: 'callDtmf', vendorCallId: 'a', digits: '#' },
    ]);
    expect(warn).not.toHaveBeenCalled();
    expect(state.calls[0]).toMatchObject({
      state: 'connected',
      answeredAt: T0 + 2000,
      muted: true,
      dtmf: '12#',
    });
    const { state: ended } = run([{ type: 'callEnded', vendorCallId: 'a', reason: 'hangup' }], state);
    expect(ended.calls).toHaveLength(0);
    expect(ended.recent[0]).toMatchObject({ state: 'ended', endReason: 'hangup', dtmf: '12#' });
  });

  it('puts an outbound call from dialing to connected', () => {
    const { state } = run([
      {
        type: 'callOffered',
        call: { vendorCallId: 'o', direction: 'outbound', state: 'dialing', remoteNumber: '+1 415 555 0132' },
      },
      { type: 'callAnswered', vendorCallId: 'o' },
    ]);
    expect(state.calls[0]).toMatchObject({
      state: 'connected',
      direction: 'outbound',
      remoteE164: '+14155550132',
    });
  });

  it('calls an unanswered inbound call that the caller abandons missed', () => {
    const { state } = run([inbound('a'), { type: 'callEnded', vendorCallId: 'a', reason: 'remoteHangup' }]);
    expect(state.recent[0]!.endReason).toBe('missed');
  });

  it('keeps rejected as rejected', () => {
    const { state } = run([inbound('a'), { type: 'callEnded', vendorCallId: 'a', reason: 'rejected' }]);
    expect(state.recent[0]!.endReason).toBe('rejected');
  });

  it('keeps a remote hang-up of an answered call', () => {
    const { state } = run([
      inbound('a'),
      { type: 'callAnswered', vendorCallId: 'a' },
      { type: 'callEnded', vendorCallId: 'a', reason: 'remoteHangup' },
    ]);
    expect(state.recent[0]!.endReason).toBe('remoteHangup');
  });

  it('merges call updates and vendor data', () => {
    const { state } = run([
      inbound('a', { vendorData: { a: 1 } }),
      { type: 'callUpdated', vendorCallId: 'a', remoteName: 'Giulia', vendorData: { b: 2 } },
    ]);
    expect(state.calls[0]).toMatchObject({ remoteName: 'Giulia', vendorData: { a: 1, b: 2 } });
  });

  it('keeps at most RECENT_CALLS ended calls, newest first', () => {
    const events: EventBody[] = [];
    for (let i = 0; i < RECENT_CALLS + 3; i++) {
      events.push(inbound(`c${i}`), { type: 'callEnded', vendorCallId: `c${i}`, reason: 'rejected' });
    }
    const { state } = run(events);
    expect(state.recent).toHaveLength(RECENT_CALLS);
    expect(state.recent[0]!.vendorCallIds).toEqual([`c${RECENT_CALLS + 2}`]);
  });
});

describe('transfers', () => {
  const answered = [inbound('a'), { type: 'callAnswered', vendorCallId: 'a' } as EventBody];

  it('blind: requested, then the call ends transferred and the transfer completed', () => {
    const { state } = run([
      ...answered,
      { type: 'transferStarted', vendorCallId: 'a', kind: 'blind', target: '2001' },
      { type: 'callEnded', vendorCallId: 'a', reason: 'transferred' },
    ]);
    expect(state.recent[0]).toMatchObject({
      endReason: 'transferred',
      transfer: { kind: 'blind', target: '2001', phase: 'completed' },
    });
  });

  it('attended: consulting, then completed', () => {
    const { state } = run([
      ...answered,
      { type: 'callHeld', vendorCallId: 'a' },
      { type: 'transferStarted', vendorCallId: 'a', kind: 'attended', target: '2002' },
    ]);
    expect(state.calls[0]!.transfer).toEqual({ kind: 'attended', target: '2002', phase: 'consulting' });
    const { state: done } = run([{ type: 'transferCompleted', vendorCallId: 'a' }], state);
    expect(done.calls[0]!.transfer!.phase).toBe('completed');
  });

  it('attended, cancelled: the call stays and the transfer says cancelled', () => {
    const { state, warn } = run([
      ...answered,
      { type: 'callHeld', vendorCallId: 'a' },
      { type: 'transferStarted', vendorCallId: 'a', kind: 'attended', target: '2002' },
      { type: 'transferCancelled', vendorCallId: 'a' },
      { type: 'callResumed', vendorCallId: 'a' },
    ]);
    expect(warn).not.toHaveBeenCalled();
    expect(state.calls[0]).toMatchObject({ state: 'connected', transfer: { phase: 'cancelled' } });
  });

  it('a failed transfer leaves a notice for the agent', () => {
    const { state } = run([
      ...answered,
      { type: 'transferStarted', vendorCallId: 'a', kind: 'blind', target: '9' },
      { type: 'transferFailed', vendorCallId: 'a', message: 'Extension 9 is busy' },
    ]);
    expect(state.calls[0]!.transfer!.phase).toBe('failed');
    expect(state.notices.at(-1)).toMatchObject({ level: 'error', text: 'Extension 9 is busy' });
  });

  it('refuses to cancel a transfer that is not in progress', () => {
    const { state, warn } = run([...answered, { type: 'transferCancelled', vendorCallId: 'a' }]);
    expect(warn).toHaveBeenCalledOnce();
    expect(state.calls[0]!.transfer).toBeUndefined();
  });

  it('refuses to transfer a ringing call', () => {
    const { state, warn } = run([
      inbound('a'),
      { type: 'transferStarted', vendorCallId: 'a', kind: 'blind', target: '1' },
    ]);
    expect(warn).toHaveBeenCalledOnce();
    expect(state.calls[0]!.transfer).toBeUndefined();
  });
});

describe('two calls at once', () => {
  it('holds one while the other rings, then is answered; focus follows', () => {
    const { state } = run([
      inbound('a'),
      { type: 'callAnswered', vendorCallId: 'a' },
      inbound('b', { remoteNumber: '+39 02 4869 1234' }),
    ]);
    expect(focusedCall(state)!.vendorCallIds).toEqual(['b']);
    const { state: both } = run(
      [
        { type: 'callHeld', vendorCallId: 'a' },
        { type: 'callAnswered', vendorCallId: 'b' },
      ],
      state,
    );
    expect(both.calls.map((c) => [c.vendorCallIds[0], c.state])).toEqual([
      ['a', 'held'],
      ['b', 'connected'],
    ]);
    expect(focusedCall(both)!.vendorCallIds).toEqual(['b']);
    const { state: one } = run([{ type: 'callEnded', vendorCallId: 'b', reason: 'hangup' }], both);
    expect(focusedCall(one)!.vendorCallIds).toEqual(['a']);
  });
});

describe('odd input is logged and ignored', () => {
  it('an event for an unknown call', () => {
    const { state, warn } = run([{ type: 'callAnswered', vendorCallId: 'ghost' }]);
    expect(state.calls).toHaveLength(0);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('unknown call ghost'), expect.anything());
  });

  it('an event for an already ended call', () => {
    const { state, warn } = run([
      inbound('a'),
      { type: 'callEnded', vendorCallId: 'a', reason: 'rejected' },
      { type: 'callHeld', vendorCallId: 'a' },
      { type: 'callEnded', vendorCallId: 'a', reason: 'hangup' },
    ]);
    expect(warn).toHaveBeenCalledTimes(2);
    expect(warn.mock.calls[0]![0]).toContain('an ended call a');
    expect(state.recent).toHaveLength(1);
    expect(state.recent[0]!.endReason).toBe('rejected');
  });

  it('the same call offered twice', () => {
    const { state, warn } = run([inbound('a'), inbound('a')]);
    expect(state.calls).toHaveLength(1);
    expect(warn).toHaveBeenCalledOnce();
  });

  it('holding, resuming or sending tones on a ringing call', () => {
    const { state, warn } = run([
      inbound('a'),
      { type: 'callHeld', vendorCallId: 'a' },
      { type: 'callDtmf', vendorCallId: 'a', digits: '1' },
      { type: 'callResumed', vendorCallId: 'a' },
    ]);
    expect(warn).toHaveBeenCalledTimes(3);
    expect(state.calls[0]!.state).toBe('ringing');
  });

  it('an event of a type nobody knows, and garbage', () => {
    const { state, warn } = run([{ type: 'teleport' } as unknown as EventBody]);
    expect(state.calls).toHaveLength(0);
    expect(warn).toHaveBeenCalledWith(
      expect.stringContaining('unknown event type teleport'),
      expect.anything(),
    );
  });
});

describe('snapshot after a reconnect', () => {
  it('updates known calls, adds new ones and ends the ones the vendor forgot', () => {
    const { state } = run([inbound('a'), { type: 'callAnswered', vendorCallId: 'a' }, inbound('b')]);
    const before = state.calls.find((c) => c.vendorCallIds[0] === 'a')!;
    const { state: after } = run(
      [
        {
          type: 'snapshot',
          agentState: 'busy',
          calls: [
            { vendorCallId: 'a', direction: 'inbound', state: 'held', remoteNumber: '020 7946 0958' },
            { vendorCallId: 'c', direction: 'outbound', state: 'connected', remoteNumber: '+33170363950' },
          ],
        },
      ],
      state,
    );
    expect(after.agent.kind).toBe('busy');
    expect(after.calls.map((c) => [c.vendorCallIds[0], c.state])).toEqual([
      ['a', 'held'],
      ['c', 'connected'],
    ]);
    expect(after.calls[0]!.id).toBe(before.id);
    expect(after.calls[0]!.answeredAt).toBe(before.answeredAt);
    expect(after.recent[0]).toMatchObject({ vendorCallIds: ['b'], endReason: 'lost' });
  });
});

describe('notices', () => {
  it('keeps the last MAX_NOTICES and can dismiss one', () => {
    const events: EventBody[] = [];
    for (let i = 0; i < MAX_NOTICES + 2; i++) events.push({ type: 'notice', level: 'info', text: `n${i}` });
    const { state } = run(events);
    expect(state.notices.map((n) => n.text)).toEqual(
      Array.from({ length: MAX_NOTICES }, (_, i) => `n${i + 2}`),
    );
    const first = state.notices[0]!;
    expect(dismissNotice(state, first.id).notices).not.toContainEqual(first);
  });
});

describe('the bar frame', () => {
  const withFrame = (state: HubState, callId?: string): HubState => ({
    ...state,
    frame: { url: 'https://crm.example.com/contacts/1', title: 'Contact', callId, at: T0 },
  });
  const hangup = (id: string): EventBody => ({ type: 'callEnded', vendorCallId: id, reason: 'hangup' });

  it('stays through wrap-up and closes when the next call is offered', () => {
    const { state: ringing } = run([inbound('a')]);
    const framed = withFrame(ringing, ringing.calls[0]!.id);
    const { state: ended } = run([{ type: 'callAnswered', vendorCallId: 'a' }, hangup('a')], framed);
    expect(ended.frame).toEqual(framed.frame);
    expect(run([inbound('b')], ended).state.frame).toBeUndefined();
  });

  it('stays while its call is live, and when it belongs to no call', () => {
    const { state: ringing } = run([inbound('a')]);
    const tied = withFrame(ringing, ringing.calls[0]!.id);
    expect(run([inbound('b')], tied).state.frame).toEqual(tied.frame);
    const loose = withFrame(ringing);
    expect(run([hangup('a'), inbound('b')], loose).state.frame).toEqual(loose.frame);
  });

  it('closes when a snapshot brings a new call after its call ended, not on a snapshot of known calls', () => {
    const { state: ringing } = run([inbound('a')]);
    const framed = withFrame(ringing, ringing.calls[0]!.id);
    const info = (id: string): VendorCallInfo => ({
      vendorCallId: id,
      direction: 'inbound',
      state: 'ringing',
      remoteNumber: '020 7946 0958',
    });
    const same = run([{ type: 'snapshot', calls: [info('a')] }], framed).state;
    expect(same.frame).toEqual(framed.frame);
    const gone = run([{ type: 'snapshot', calls: [] }], framed).state;
    expect(gone.frame).toEqual(framed.frame);
    const replaced = run([{ type: 'snapshot', calls: [info('b')] }], framed).state;
    expect(replaced.recent[0]?.vendorCallIds).toEqual(['a']);
    expect(replaced.frame).toBeUndefined();
  });
});

describe('the agent desk', () => {
  const queue = { id: '1', name: 'Podpora', direction: 'inbound' as const, active: true };
  const request = (id: string) => ({
    id,
    remoteNumber: '602123456',
    endedAt: T0,
    reasons: [{ id: 'SALE', label: 'Prodej' }],
  });

  it('replaces the parts a desk event names and clears those given as null', () => {
    const { state } = run([
      { type: 'desk', queues: [queue], waitingCallers: 3, device: { identifier: 'pc1', label: 'Linka' } },
      { type: 'desk', pairing: { kind: 'choose', devices: [] } },
      { type: 'desk', waitingCallers: null, pairing: null },
    ]);
    expect(state.desk).toEqual({
      queues: [queue],
      device: { identifier: 'pc1', label: 'Linka' },
      accountCodes: [],
    });
  });

  it('keeps account-code requests newest first, once per call, at most five, until settled', () => {
    const events: EventBody[] = ['a', 'b', 'c', 'd', 'e', 'f', 'b'].map((id) => ({
      type: 'accountCodeAsked',
      request: request(id),
    }));
    const { state } = run(events);
    expect(state.desk.accountCodes.map((each) => each.id)).toEqual(['b', 'f', 'e', 'd', 'c']);
    const settled = reduce(state, { type: 'accountCodeSettled', id: 'f', at: T0 }, { warn: vi.fn() });
    expect(settled.desk.accountCodes.map((each) => each.id)).toEqual(['b', 'e', 'd', 'c']);
    expect(reduce(settled, { type: 'accountCodeSettled', id: 'zz', at: T0 }, { warn: vi.fn() })).toBe(
      settled,
    );
  });
});
