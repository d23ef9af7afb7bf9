import { type CountryCode, isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/min';

/** An ISO 3166 region code for libphonenumber (e.g. "US", "IT"). */
export type Region = CountryCode;

export const isRegion = (value: string): value is Region => isSupportedCountry(value);

/** The number in E.164, or undefined when it does not parse as a possible number. */
export function toE164(raw: string, defaultRegion?: Region): string | undefined {
  const parsed = parsePhoneNumberFromString(raw, defaultRegion);
  return parsed?.isPossible() ? parsed.number : undefined;
}

/** The number the way people of its country write it internationally, or the raw text. */
export function formatForDisplay(raw: string, defaultRegion?: Region): string {
  const parsed = parsePhoneNumberFromString(raw, defaultRegion);
  return parsed?.isPossible() ? parsed.formatInternational() : raw;
}

/** Digits, +, *, # and the usual separators: what a person may type in a dial field. */
export const DIALABLE = /^\+?[0-9*#(][0-9*#()./\s-]{0,40}$/;

/** Cleans typed input for dialing: drops separators, keeps a leading +, * and #. */
export function normalizeDialString(input: string): string | undefined {
  const trimmed = input.trim();
  if (!DIALABLE.test(trimmed)) return undefined;
  const cleaned = trimmed.replace(/[\s().\-/]/g, '');
  return /[0-9]/.test(cleaned) ? cleaned : undefined;
}
