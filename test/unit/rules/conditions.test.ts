import { describe, expect, it } from 'vitest';
import {
  conditionHolds,
  conditionRegExp,
  conditionsHold,
  regExpError,
} from '../../../src/core/rules/conditions';
import { sampleCall } from '../../../src/core/rules/sample-call';

const call = sampleCall({ vendorData: { tier: 'Gold', score: 42 } });

describe('conditionHolds', () => {
  it('equals compares the text exactly, case included', () => {
    expect(conditionHolds({ field: 'direction', equals: 'inbound' }, call)).toBe(true);
    expect(conditionHolds({ field: 'direction', equals: 'outbound' }, call)).toBe(false);
    expect(conditionHolds({ field: 'vendor.tier', equals: 'gold' }, call)).toBe(false);
    expect(conditionHolds({ field: 'vendor.score', equals: '42' }, call)).toBe(true);
  });

  it('matches tests a regular expression anywhere in the text', () => {
    expect(conditionHolds({ field: 'e164', matches: '^\\+44' }, call)).toBe(true);
    expect(conditionHolds({ field: 'e164', matches: '^\\+39' }, call)).toBe(false);
    expect(conditionHolds({ field: 'queue', matches: 'port' }, call)).toBe(true);
    expect(conditionHolds({ field: 'name', matches: '^\\p{Lu}' }, call)).toBe(true);
  });

  it('both given: both must hold', () => {
    expect(conditionHolds({ field: 'vendor.tier', equals: 'Gold', matches: '^G' }, call)).toBe(true);
    expect(conditionHolds({ field: 'vendor.tier', equals: 'Gold', matches: '^S' }, call)).toBe(false);
  });

  it('a missing field never holds, not even against empty text or a match-all', () => {
    const bare = sampleCall({ campaign: undefined });
    expect(conditionHolds({ field: 'campaign', equals: '' }, bare)).toBe(false);
    expect(conditionHolds({ field: 'campaign', matches: '' }, bare)).toBe(false);
    expect(conditionHolds({ field: 'vendor.nothing', matches: '.*' }, bare)).toBe(false);
  });

  it('an expression that does not compile holds for no call', () => {
    expect(conditionHolds({ field: 'queue', matches: '(' }, call)).toBe(false);
  });
});

describe('conditionsHold', () => {
  it('all must hold; none holds for every call', () => {
    expect(conditionsHold([], call)).toBe(true);
    const inboundGold = [
      { field: 'direction', equals: 'inbound' },
      { field: 'vendor.tier', matches: '^(Gold|Platinum)$' },
    ];
    expect(conditionsHold(inboundGold, call)).toBe(true);
    expect(
      conditionsHold(inboundGold, sampleCall({ direction: 'outbound', vendorData: { tier: 'Gold' } })),
    ).toBe(false);
  });
});

describe('regExpError and conditionRegExp', () => {
  it('compile with the u flag, as validation does', () => {
    expect(regExpError('^\\+44')).toBeUndefined();
    expect(regExpError('(')).toMatch(/Invalid regular expression/);
    // Fine without u, refused with it: both sides must agree.
    expect(regExpError('\\-')).toMatch(/Invalid/);
    expect(conditionRegExp('\\-')).toBeNull();
    expect(conditionRegExp('a')?.flags).toBe('u');
  });
});
