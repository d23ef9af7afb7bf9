import { describe, expect, it } from 'vitest';
import type { VendorCommand } from '../../../src/core/commands';
import { type PlanContext, planFor } from '../../../src/vendors/ucs/command-plan';

const context = (extra: Partial<PlanContext> = {}): PlanContext => ({
  settings: {},
  auxReasons: [
    { id: 'Lunch', label: 'Oběd' },
    { id: 'Meeting', label: 'Porada' },
  ],
  muted: () => false,
  consultLeg: () => undefined,
  holdMethod: 'tribute',
  ...extra,
});

const plan = (command: VendorCommand, extra: Partial<PlanContext> = {}) =>
  planFor(command, context(extra)).map((step) => [step.method, step.args]);

const call = (uniqueid: string) => [{ uniqueid }];

describe('UCS command plan', () => {
  it('dials with only the number, or with queue, line and data as positional arguments', () => {
    expect(plan({ type: 'dial', number: '+420 602 123 456' })).toEqual([['dial', ['+420602123456']]]);
    expect(plan({ type: 'dial', number: '602123456', queueId: '2' })).toEqual([['dial', ['602123456', 2]]]);
    // A line without a queue leaves the queue to UCS ("undefined", the document's value).
    expect(
      planFor({ type: 'dial', number: '602123456' }, context({ settings: { dialLine: 101 } }))[0]!.args,
    ).toEqual(['602123456', 'undefined', 101]);
    expect(
      planFor(
        { type: 'dial', number: '602123456', callData: { ticket: 'T-9' } },
        context({ settings: { dialQueue: 'directCall' } }),
      )[0]!.args,
    ).toEqual(['602123456', 'directCall', undefined, { ticket: 'T-9' }]);
    expect(() => plan({ type: 'dial', number: 'call me' })).toThrow(/not a phone number/);
    expect(() => plan({ type: 'dial', number: '+420602123456;ext=12' })).toThrow(/extension/);
  });

  it('confirms each call method by its callback for that call only', () => {
    const [hold] = planFor({ type: 'hold', vendorCallId: 'u1' }, context());
    expect(hold!.method).toBe('tribute');
    expect(hold!.confirmedBy!('onCallHold', call('u1'))).toBe(true);
    expect(hold!.confirmedBy!('onCallHold', call('u2'))).toBe(false);
    expect(hold!.confirmedBy!('onCallResume', call('u1'))).toBe(false);
    expect(plan({ type: 'hold', vendorCallId: 'u1' }, { holdMethod: 'hold' })).toEqual([['hold', []]]);
    expect(plan({ type: 'reject', vendorCallId: 'u1' })).toEqual([['hangup', []]]);
    expect(plan({ type: 'resume', vendorCallId: 'u1' })).toEqual([['unhold', []]]);
  });

  it('sends the mute toggle only when the microphone is not already as asked', () => {
    expect(plan({ type: 'mute', vendorCallId: 'u1' })).toEqual([['mute', []]]);
    expect(plan({ type: 'unmute', vendorCallId: 'u1' })).toEqual([]);
    expect(plan({ type: 'mute', vendorCallId: 'u1' }, { muted: () => true })).toEqual([]);
    expect(plan({ type: 'unmute', vendorCallId: 'u1' }, { muted: () => true })).toEqual([['mute', []]]);
  });

  it('transfers: blind, consultation, finish, and cancel = hang up the leg then unhold', () => {
    expect(plan({ type: 'blindTransfer', vendorCallId: 'u1', target: '2001' })).toEqual([
      ['blindTransfer', ['2001']],
    ]);
    expect(plan({ type: 'attendedTransfer', vendorCallId: 'u1', target: '2002' })).toEqual([
      ['transfer', ['2002']],
    ]);
    const [consult] = planFor({ type: 'attendedTransfer', vendorCallId: 'u1', target: '2002' }, context());
    // Confirmed by the consultation call appearing, not by the hold before it.
    expect(consult!.confirmedBy!('onCallHold', call('u1'))).toBe(false);
    expect(consult!.confirmedBy!('onCallNew', [{ uniqueid: 'leg', direction: 'OUTGOING' }])).toBe(true);
    expect(consult!.confirmedBy!('onCallRinging', [{ uniqueid: 'u1', direction: 'OUTGOING' }])).toBe(false);
    expect(plan({ type: 'completeTransfer', vendorCallId: 'u1' })).toEqual([['finishTransfer', []]]);
    const cancel = planFor(
      { type: 'cancelTransfer', vendorCallId: 'u1' },
      context({ consultLeg: () => 'leg' }),
    );
    expect(cancel.map((step) => step.method)).toEqual(['hangup', 'unhold']);
    expect(cancel[0]!.confirmedBy!('onCallHangup', call('leg'))).toBe(true);
    expect(cancel[0]!.confirmedBy!('onCallHangup', call('u1'))).toBe(false);
  });

  it('changes status with the server AUX reason, by code or label', () => {
    expect(plan({ type: 'setAgentState', state: 'ready' })).toEqual([['changeStatus', ['READY']]]);
    expect(plan({ type: 'setAgentState', state: 'afterCallWork' })).toEqual([['changeStatus', ['ACW']]]);
    expect(plan({ type: 'setAgentState', state: 'offline' })).toEqual([['changeStatus', ['OFFLINE']]]);
    expect(plan({ type: 'setAgentState', state: 'notReady', reason: 'Lunch' })).toEqual([
      ['changeStatus', ['AUX', 'Lunch']],
    ]);
    expect(plan({ type: 'setAgentState', state: 'notReady', reason: 'Porada' })).toEqual([
      ['changeStatus', ['AUX', 'Meeting']],
    ]);
    expect(() => plan({ type: 'setAgentState', state: 'notReady', reason: 'Nap' })).toThrow(
      /"Oběd", "Porada"/,
    );
    expect(() => plan({ type: 'setAgentState', state: 'ready', reason: 'Lunch' })).toThrow(
      /Only "Not ready"/,
    );
    const [step] = planFor({ type: 'setAgentState', state: 'ready' }, context());
    expect(step!.confirmedBy!('onStateChange', [{ status: 'READY' }])).toBe(true);
    expect(step!.confirmedBy!('onStateChange', [{ status: 'AUX' }])).toBe(false);
  });

  it('suspends and resumes a queue by its numeric ID, confirmed for that queue', () => {
    const [suspend] = planFor({ type: 'setQueueActive', queueId: '2', active: false }, context());
    expect([suspend!.method, suspend!.args]).toEqual(['suspend', [2]]);
    expect(suspend!.confirmedBy!('onAgentSuspend', [2])).toBe(true);
    expect(suspend!.confirmedBy!('onAgentSuspend', [1])).toBe(false);
    expect(plan({ type: 'setQueueActive', queueId: '2', active: true })).toEqual([['resume', [2]]]);
    expect(() => plan({ type: 'setQueueActive', queueId: 'sales', active: true })).toThrow(
      /not a UCS queue ID/,
    );
  });

  it('pairs, confirms and changes the phone; sets an account code with the documented arguments', () => {
    expect(plan({ type: 'pairPhone', identifier: 'pc101' })).toEqual([['selectIdentifier', ['pc101']]]);
    expect(plan({ type: 'confirmPhone' })).toEqual([['provision', []]]);
    expect(plan({ type: 'changePhone' })).toEqual([['identify', []]]);
    const [code] = planFor({ type: 'setAccountCode', requestId: '17.3', code: 'SALE' }, context());
    expect([code!.method, code!.args]).toEqual(['setAccountCode', ['17.3', 'SALE', null, false]]);
    // No callback is documented for it: the adapter waits for a refusal instead.
    expect(code!.confirmedBy).toBeUndefined();
    expect(() => plan({ type: 'dtmf', vendorCallId: 'u1', digits: '1' })).toThrow(/no method for dtmf/);
  });
});
