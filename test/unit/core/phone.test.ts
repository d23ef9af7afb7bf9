import { describe, expect, it } from 'vitest';
import { formatForDisplay, isRegion, normalizeDialString, toE164 } from '../../../src/core/phone/number';

describe('phone numbers', () => {
  it('puts numbers in E.164 with the default region', () => {
    expect(toE164('020 7946 0958', 'GB')).toBe('+442079460958');
    expect(toE164('(415) 555-0132', 'US')).toBe('+14155550132');
    expect(toE164('+39 02 4869 1234')).toBe('+390248691234');
    expect(toE164('12', 'US')).toBeUndefined();
    expect(toE164('anonymous', 'US')).toBeUndefined();
  });

  it('formats for display, or keeps the raw text', () => {
    expect(formatForDisplay('+442079460958')).toBe('+44 20 7946 0958');
    expect(formatForDisplay('2001')).toBe('2001');
  });

  it('cleans what an agent types to dial', () => {
    expect(normalizeDialString(' +33 1 70-36.39/50 ')).toBe('+33170363950');
    expect(normalizeDialString('(201) 555-0100')).toBe('2015550100');
    expect(normalizeDialString('*72#')).toBe('*72#');
    expect(normalizeDialString('2001')).toBe('2001');
    expect(normalizeDialString('call me')).toBeUndefined();
    expect(normalizeDialString('')).toBeUndefined();
    expect(normalizeDialString('+')).toBeUndefined();
    expect(normalizeDialString('1'.repeat(50))).toBeUndefined();
  });

  it('knows region codes', () => {
    expect(isRegion('IT')).toBe(true);
    expect(isRegion('XX')).toBe(false);
  });
});

describe('extensions', () => {
  it('keeps an RFC 3966 extension when cleaning a number to dial', () => {
    expect(normalizeDialString('+14155550132;ext=12')).toBe('+14155550132;ext=12');
    expect(normalizeDialString('+1 415 555 0132;ext=')).toBeUndefined();
    expect(normalizeDialString(';ext=12')).toBeUndefined();
  });
});
