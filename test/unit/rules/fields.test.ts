import { describe, expect, it } from 'vitest';
import { CALL_FIELDS, callField, isCallField } from '../../../src/core/rules/fields';
import { sampleCall } from '../../../src/core/rules/sample-call';

describe('isCallField', () => {
  it('knows every documented field and vendor.FIELD', () => {
    for (const name of Object.keys(CALL_FIELDS)) expect(isCallField(name), name).toBe(true);
    expect(isCallField('vendor.customerId')).toBe(true);
    expect(isCallField('vendor.customer.tier')).toBe(true);
  });

  it('refuses anything else', () => {
    for (const name of ['', 'phone', 'E164', 'vendor.', 'vendor', 'remoteNumber', 'toString', '__proto__']) {
      expect(isCallField(name), name).toBe(false);
    }
  });
});

describe('callField', () => {
  const call = sampleCall({
    vendorCallIds: ['v-1', 'v-2'],
    service: 'Care',
    campaign: 'Spring',
    vendorData: {
      customerId: 'C-1042',
      'customer.tier': 'dotted key',
      customer: { tier: 'nested', score: 7, vip: false, tags: ['a', 'b'], none: null },
    },
  });

  it('reads each call field', () => {
    expect(callField(call, 'number')).toBe('+44 20 7946 0018');
    expect(callField(call, 'e164')).toBe('+442079460018');
    expect(callField(call, 'national')).toBe('020 7946 0018');
    expect(callField(call, 'name')).toBe('Olivia Bennett');
    expect(callField(call, 'callId')).toBe('sample-call-1');
    expect(callField(call, 'vendorCallId')).toBe('v-1');
    expect(callField(call, 'queue')).toBe('Support');
    expect(callField(call, 'service')).toBe('Care');
    expect(callField(call, 'campaign')).toBe('Spring');
    expect(callField(call, 'direction')).toBe('inbound');
    expect(callField(call, 'media')).toBe('voice');
    expect(callField(call, 'state')).toBe('ringing');
  });

  it('falls back to the raw number when it did not parse', () => {
    const raw = sampleCall({ remoteNumber: '4711', remoteE164: undefined, remoteNational: undefined });
    expect(callField(raw, 'e164')).toBe('4711');
    expect(callField(raw, 'national')).toBe('4711');
  });

  it('is undefined for what the call lacks', () => {
    const bare = sampleCall({ remoteName: undefined, queue: undefined });
    expect(callField(bare, 'name')).toBeUndefined();
    expect(callField(bare, 'queue')).toBeUndefined();
    expect(callField(bare, 'campaign')).toBeUndefined();
    expect(callField(bare, 'vendor.nothing')).toBeUndefined();
    expect(callField(bare, 'unknown')).toBeUndefined();
  });

  it('vendor fields: the exact key first (keys may hold dots), then a path into objects', () => {
    expect(callField(call, 'vendor.customerId')).toBe('C-1042');
    expect(callField(call, 'vendor.customer.tier')).toBe('dotted key');
    expect(callField(call, 'vendor.customer.score')).toBe('7');
    expect(callField(call, 'vendor.customer.vip')).toBe('false');
    expect(callField(call, 'vendor.customer.tags')).toBe('["a","b"]');
    expect(callField(call, 'vendor.customer.tags.1')).toBe('b');
    expect(callField(call, 'vendor.customer.none')).toBeUndefined();
    expect(callField(call, 'vendor.customer.tier.x')).toBeUndefined();
  });

  it('never reads inherited properties', () => {
    expect(callField(call, 'vendor.constructor')).toBeUndefined();
    expect(callField(call, 'vendor.customer.toString')).toBeUndefined();
  });
});
