import { describe, expect, it } from 'vitest';
import type { VendorEvent } from '../../../src/core/vendor-events';
import { accountCodeRequest, UcsTracker } from '../../../src/vendors/ucs/tracker';

const AT = 1_700_000_000_000;

/** A documented Call object with the fields the tracker reads. */
const call = (uniqueid: string, state: number, extra: Record<string, unknown> = {}) => ({
  uniqueid,
  id: 1,
  direction: 'INCOMING',
  number: '602123456',
  caller_number: '602123456',
  name: 'Petr Malý',
  state,
  cause: -1,
  connected: state === 3 || state === 5 ? AT - 1000 : null,
  ...extra,
});

const types = (events: VendorEvent[]) => events.map((event) => event.type);

describe('UCS call tracker', () => {
  it('offers, answers, holds, mutes and ends a call; reports the ended call once', () => {
    const tracker = new UcsTracker();
    expect(types(tracker.callback('onCallRinging', [call('u1', 2)], AT))).toEqual(['callOffered']);
    expect(tracker.isLive('u1')).toBe(true);
    expect(types(tracker.callback('onCallConnect', [call('u1', 3)], AT))).toEqual(['callAnswered']);
    expect(types(tracker.callback('onCallMute', [call('u1', 3)], AT))).toEqual(['callMuted']);
    expect(tracker.muted('u1')).toBe(true);
    expect(types(tracker.callback('onCallHold', [call('u1', 5)], AT))).toEqual(['callHeld']);
    expect(types(tracker.callback('onCallHangup', [call('u1', 5, { cause: 3 })], AT))).toEqual(['callEnded']);
    expect(tracker.isLive('u1')).toBe(false);
    expect(tracker.takeEnded()).toEqual([
      { id: 'u1', remoteNumber: '602123456', remoteName: 'Petr Malý', answered: true },
    ]);
    expect(tracker.takeEnded()).toEqual([]);
  });

  it('folds a consultation leg into the transferred call: finish ends only the call, as transferred', () => {
    const tracker = new UcsTracker();
    tracker.callback('onCallRinging', [call('u1', 2)], AT);
    tracker.callback('onCallConnect', [call('u1', 3)], AT);
    tracker.startTransfer('u1', 'attended', '2002');
    expect(types(tracker.callback('onCallHold', [call('u1', 5)], AT))).toEqual(['callHeld']);
    const leg = (state: number, extra = {}) =>
      call('leg', state, { direction: 'OUTGOING', number: '2002', ...extra });
    expect(tracker.callback('onCallNew', [leg(0)], AT)).toEqual([]);
    expect(tracker.callback('onCallRinging', [leg(2)], AT)).toEqual([]);
    expect(tracker.consultLeg('u1')).toBe('leg');
    expect(tracker.isLive('leg')).toBe(false);
    expect(tracker.callback('onCallConnect', [leg(3)], AT)).toEqual([]);
    // UCS hangs both up with cause 8; the call's own hang-up is what ends it in the bar.
    expect(tracker.callback('onCallHangup', [leg(3, { cause: 8 })], AT)).toEqual([]);
    const ended = tracker.callback('onCallHangup', [call('u1', 5, { cause: 8 })], AT);
    expect(ended).toMatchObject([{ type: 'callEnded', vendorCallId: 'u1', reason: 'transferred' }]);
  });

  it('the leg ending before finish: cancelled when the agent cancelled, failed otherwise', () => {
    for (const cancelled of [true, false]) {
      const tracker = new UcsTracker();
      tracker.callback('onCallRinging', [call('u1', 2)], AT);
      tracker.callback('onCallConnect', [call('u1', 3)], AT);
      tracker.startTransfer('u1', 'attended', '2002');
      tracker.callback('onCallRinging', [call('leg', 2, { direction: 'OUTGOING' })], AT);
      if (cancelled) tracker.cancelling('u1');
      const events = tracker.callback(
        'onCallHangup',
        [call('leg', 2, { direction: 'OUTGOING', cause: 4 })],
        AT,
      );
      expect(types(events)).toEqual([cancelled ? 'transferCancelled' : 'transferFailed']);
      if (!cancelled) expect(events[0]).toMatchObject({ message: expect.stringContaining('did not take') });
      expect(tracker.consultLeg('u1')).toBeUndefined();
      expect(tracker.isLive('u1')).toBe(true);
    }
  });

  it('a new outgoing call with no transfer pending is a call of its own', () => {
    const tracker = new UcsTracker();
    const events = tracker.callback(
      'onCallNew',
      [call('o1', 0, { direction: 'OUTGOING', number: '800123456' })],
      AT,
    );
    expect(events).toMatchObject([
      { type: 'callOffered', call: { direction: 'outbound', state: 'dialing' } },
    ]);
  });

  it('snapshot: the state call plus a held call beside it; a leg in the state shows its transferred call', () => {
    const tracker = new UcsTracker();
    tracker.callback('onCallRinging', [call('u1', 2)], AT);
    tracker.callback('onCallConnect', [call('u1', 3)], AT);
    tracker.callback('onCallHold', [call('u1', 5)], AT);
    tracker.callback('onCallRinging', [call('u2', 2, { number: '777' })], AT);
    tracker.callback('onCallConnect', [call('u2', 3, { number: '777' })], AT);
    const both = tracker.snapshot({ call: call('u2', 3) }, { state: 'ready' }, AT);
    expect(both).toMatchObject({ type: 'snapshot', agentState: 'ready' });
    expect(both.type === 'snapshot' && both.calls.map((c) => [c.vendorCallId, c.state])).toEqual([
      ['u2', 'connected'],
      ['u1', 'held'],
    ]);
    // No call in the state: everything ended while the bar was away.
    const none = tracker.snapshot({ call: null }, {}, AT);
    expect(none.type === 'snapshot' && none.calls).toEqual([]);
    expect(tracker.liveIds()).toEqual([]);

    const saved = new UcsTracker();
    saved.callback('onCallRinging', [call('u1', 2)], AT);
    saved.callback('onCallConnect', [call('u1', 3)], AT);
    saved.startTransfer('u1', 'attended', '2002');
    saved.callback('onCallHold', [call('u1', 5)], AT);
    saved.callback('onCallRinging', [call('leg', 2, { direction: 'OUTGOING' })], AT);
    // A restarted worker: the memory comes back from the store.
    const restored = new UcsTracker(structuredClone(saved.save()));
    const picture = restored.snapshot({ call: call('leg', 2, { direction: 'OUTGOING' }) }, {}, AT);
    expect(picture.type === 'snapshot' && picture.calls.map((c) => [c.vendorCallId, c.state])).toEqual([
      ['u1', 'held'],
    ]);
    expect(restored.consultLeg('u1')).toBe('leg');
  });

  it('asks for an account code only for a call the agent talked on, when the server has codes', () => {
    const reasons = [{ id: 'SALE', label: 'Prodej' }];
    const talked = { id: 'u1', remoteNumber: '602123456', answered: true };
    expect(accountCodeRequest(talked, reasons, AT)).toMatchObject({
      type: 'accountCodeAsked',
      request: { id: 'u1', remoteNumber: '602123456', reasons, endedAt: AT },
    });
    expect(accountCodeRequest({ ...talked, answered: false }, reasons, AT)).toBeUndefined();
    expect(accountCodeRequest(talked, [], AT)).toBeUndefined();
  });
});
