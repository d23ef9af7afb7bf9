import { describe, expect, it } from 'vitest';
import { toCallLogRecord, toWrapUpItem } from '../../../src/core/history/record';
import { endedCall, T0 } from './helpers';

const session = { profileId: 'p1', vendorId: 'demo' };

describe('toCallLogRecord', () => {
  it('builds a pending record with the talk time, without the DTMF digits', () => {
    const call = endedCall('c1', 0, { dtmf: '4111111111111111', queue: 'Support' });
    const record = toCallLogRecord(call, session, { prompt: true, dispositions: [] });
    expect(record).toMatchObject({
      callId: 'c1',
      vendorCallId: 'v-c1',
      profileId: 'p1',
      vendorId: 'demo',
      direction: 'inbound',
      remoteNumber: '+44 20 7946 0018',
      queue: 'Support',
      createdAt: T0,
      answeredAt: T0 + 5_000,
      endedAt: T0 + 70_000,
      durationSec: 65,
      endReason: 'remoteHangup',
      notes: '',
      status: 'pending',
      vendorData: { customerId: 'C-1042', priority: 'gold' },
    });
    expect(record.savedAt).toBeUndefined();
    expect(JSON.stringify(record)).not.toContain('4111');
  });

  it('counts no talk time for a call never answered', () => {
    const call = endedCall('c1', 0, { answeredAt: undefined, endReason: 'missed' });
    expect(toCallLogRecord(call, session, undefined)).toMatchObject({ durationSec: 0, status: 'pending' });
  });

  it('is saved when the call ends when the configuration does not prompt', () => {
    const record = toCallLogRecord(endedCall('c1'), session, { prompt: false, dispositions: ['Sale'] });
    expect(record).toMatchObject({ status: 'saved', savedAt: T0 + 70_000 });
  });
});

describe('toWrapUpItem', () => {
  it('carries what the bar shows and whether the agent chose "Later"', () => {
    const record = toCallLogRecord(endedCall('c1'), session, undefined);
    expect(toWrapUpItem(record)).toEqual({
      callId: 'c1',
      direction: 'inbound',
      remoteNumber: '+44 20 7946 0018',
      remoteDisplay: '+44 20 7946 0018',
      remoteName: 'Olivia Bennett',
      endedAt: T0 + 70_000,
      deferred: false,
    });
    expect(toWrapUpItem({ ...record, status: 'deferred' }).deferred).toBe(true);
  });
});
