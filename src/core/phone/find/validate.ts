/**
 * Is this digit string a real phone number? libphonenumber's `isValid()` for the region, plus the
 * plausibility rule its text matcher (leniency VALID) skips: a national number written without
 * the trunk prefix its format requires (`2345678` in Germany, `612345678` in France) is not a
 * phone number but some other figure. The metadata says which formats require it, so the rule
 * holds for every region, not just the ones tested.
 */
import {
  type CountryCode,
  getCountryCallingCode,
  Metadata,
  type MetadataJson,
  parsePhoneNumberFromString,
} from 'libphonenumber-js/core';
import { MIN_DIGITS } from './chars';

/** The parts of libphonenumber's runtime `Metadata` API used here (its typings omit them). */
interface FormatView {
  pattern(): string;
  leadingDigitsPatterns(): string[];
  nationalPrefixIsMandatoryWhenFormattingInNationalFormat(): boolean;
}
interface PlanView {
  formats(): FormatView[];
  nationalPrefix(): string | undefined;
  possibleLengths(): number[];
}

interface CompiledFormat {
  readonly leading: RegExp | undefined;
  readonly pattern: RegExp;
  readonly mandatoryPrefix: boolean;
}

/** A country's formats, whether any of them requires the trunk prefix, and its shortest number. */
interface CompiledPlan {
  readonly formats: readonly CompiledFormat[];
  readonly anyMandatory: boolean;
  readonly minLength: number;
  readonly maxLength: number;
}

/** Results kept before the cache is dropped: enough for a page's repeated numbers, small in memory. */
const CACHE_LIMIT = 4096;

export class NumberValidator {
  private readonly cache = new Map<string, string>();
  private readonly plans = new Map<string, CompiledPlan>();
  private readonly callingCodes = new Map<string, string>();

  constructor(private readonly metadata: MetadataJson) {}

  /**
   * The E.164 form of `digits`, or undefined when they are not a valid number. `international`:
   * they follow a `+`. Otherwise they are read in `region`'s national format (or after an
   * international call prefix such as `00`/`011`).
   */
  e164(digits: string, international: boolean, region: CountryCode | undefined): string | undefined {
    const key = international ? `+${digits}` : `${region ?? ''}:${digits}`;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit || undefined;
    let result: string | undefined;
    if (international) result = this.international(digits);
    else {
      // Too short for the region: no need to ask libphonenumber (which is slow to say no).
      if (region && digits.length >= this.plan(region).minLength) result = this.national(digits, region);
      // "00" is the international prefix of most of the world, whatever the page's region says.
      if (!result && digits.startsWith('00') && digits.charCodeAt(2) !== 48) {
        result = this.international(digits.slice(2));
      }
    }
    // E.164 numbers have 7 to 15 digits; permissive regional patterns (min metadata) can stray.
    if (result !== undefined && (result.length > 16 || result.length < 8)) result = undefined;
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(key, result ?? '');
    return result;
  }

  private international(digits: string): string | undefined {
    const parsed = parsePhoneNumberFromString(`+${digits}`, { extract: false }, this.metadata);
    return parsed?.isValid() ? parsed.number : undefined;
  }

  private national(digits: string, region: CountryCode): string | undefined {
    const parsed = parsePhoneNumberFromString(
      digits,
      { defaultCountry: region, extract: false },
      this.metadata,
    );
    if (!parsed?.isValid()) return undefined;
    const national = parsed.nationalNumber as string;
    // Nothing was stripped: no trunk prefix, no international prefix.
    if (national === digits && parsed.countryCallingCode === this.callingCode(region)) {
      if (this.requiresTrunkPrefix(parsed.country ?? region, national)) return undefined;
    }
    return parsed.number;
  }

  private callingCode(region: CountryCode): string {
    let code = this.callingCodes.get(region);
    if (code === undefined) {
      code = getCountryCallingCode(region, this.metadata) as string;
      this.callingCodes.set(region, code);
    }
    return code;
  }

  /**
   * Whether `national` is written, in its country, with the trunk prefix (`0`, `8`, `06`...). A
   * number no format fits is held to the country's custom: if any format requires the prefix,
   * so does it (German `1234560` is no more dialable than `2345678`).
   */
  private requiresTrunkPrefix(country: CountryCode, national: string): boolean {
    const plan = this.plan(country);
    for (const format of plan.formats) {
      if (format.leading && !format.leading.test(national)) continue;
      if (!format.pattern.test(national)) continue;
      return format.mandatoryPrefix;
    }
    return plan.anyMandatory;
  }

  /**
   * Fewest digits worth scanning for in `region`: `MIN_DIGITS`, except in the few territories whose
   * numbers are all short (Faroe Islands, Andorra, Cook Islands... at most 9 digits, some under 7).
   */
  minDigits(region: CountryCode | undefined): number {
    if (!region) return MIN_DIGITS;
    const plan = this.plan(region);
    return plan.maxLength < 10 ? Math.max(4, Math.min(MIN_DIGITS, plan.minLength)) : MIN_DIGITS;
  }

  private plan(country: CountryCode): CompiledPlan {
    let compiled = this.plans.get(country);
    if (compiled) return compiled;
    const metadata = new Metadata(this.metadata);
    metadata.selectNumberingPlan(country);
    const plan = (metadata as unknown as { numberingPlan?: PlanView }).numberingPlan;
    const formats: CompiledFormat[] = plan?.nationalPrefix()
      ? plan.formats().map((format) => {
          const leading = format.leadingDigitsPatterns();
          const last = leading[leading.length - 1];
          return {
            leading: last ? new RegExp(`^(?:${last})`) : undefined,
            pattern: new RegExp(`^(?:${format.pattern()})$`),
            mandatoryPrefix: format.nationalPrefixIsMandatoryWhenFormattingInNationalFormat(),
          };
        })
      : [];
    const lengths = plan?.possibleLengths() ?? [];
    compiled = {
      formats,
      anyMandatory: formats.some((format) => format.mandatoryPrefix),
      minLength: lengths.length > 0 ? Math.min(...lengths) : 0,
      maxLength: lengths.length > 0 ? Math.max(...lengths) : 0,
    };
    this.plans.set(country, compiled);
    return compiled;
  }
}
