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

/** The number the way it is dialled inside its own country (`020 7946 0018`), or undefined. */
export function formatNational(raw: string, defaultRegion?: Region): string | undefined {
  const parsed = parsePhoneNumberFromString(raw, defaultRegion);
  return parsed?.isPossible() ? parsed.formatNational() : undefined;
}

export { DIALABLE, normalizeDialString } from './dial-string';
