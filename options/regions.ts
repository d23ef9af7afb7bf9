import { getCountries } from 'libphonenumber-js/min';

/** One choice of the default-region picker. */
export interface RegionOption {
  /** ISO 3166-1 alpha-2 code, as the configuration stores it: "GB". */
  readonly code: string;
  /** The region's name in the browser's language, or the code when the browser cannot name it. */
  readonly name: string;
}

let cached: readonly RegionOption[] | undefined;

function displayNames(): Intl.DisplayNames | undefined {
  try {
    return new Intl.DisplayNames(typeof navigator === 'undefined' ? undefined : navigator.languages, {
      type: 'region',
    });
  } catch {
    return undefined;
  }
}

/** Every region phone numbers can be read for, named in the browser's language, sorted by name. */
export function regionOptions(): readonly RegionOption[] {
  if (!cached) {
    const names = displayNames();
    cached = getCountries()
      .map((code) => ({ code, name: names?.of(code) ?? code }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }
  return cached;
}
