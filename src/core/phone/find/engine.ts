/**
 * The finder itself, for a given libphonenumber metadata set: pre-filter, fold, scan runs, then
 * split each run into the phone numbers it holds.
 *
 * A run ("CA 90210 (310) 555-1234", "030 1234567 / 0171 2345678") may hold several numbers, or
 * one number next to other figures. Its digit groups are split only where the gap holds a space or
 * a slash, and the split chosen is the one whose valid numbers cover the most digits (fewest
 * numbers on a tie): a dynamic programme over the groups, bounded by the longest number possible.
 */
import { type CountryCode, isSupportedCountry, type MetadataJson } from 'libphonenumber-js/core';
import type { PhoneMatch } from '../find';
import { digitCensus, fold, isDigit } from './chars';
import { Cue, cueBefore, rejectedAfter } from './context';
import { type Extension, extensionAt } from './extension';
import { type Run, scanRuns } from './scan';
import { blockEmbedded, isCodeRun, isOtherShape } from './shapes';
import { NumberValidator } from './validate';

/** Most digits in one number as written: 15 (E.164) after a 3-digit international prefix. */
const MAX_DIGITS = 18;

export type PhoneFinder = (text: string, options?: { defaultRegion?: string }) => PhoneMatch[];

/** A finder over `metadata` (min, max or mobile); keeps a small cache of validated numbers. */
export function createPhoneFinder(metadata: MetadataJson): PhoneFinder {
  const validator = new NumberValidator(metadata);
  let lastRegionInput: string | undefined;
  let lastRegion: CountryCode | undefined;

  const regionOf = (input: string | undefined): CountryCode | undefined => {
    if (input !== lastRegionInput) {
      lastRegionInput = input;
      const upper = input?.toUpperCase();
      lastRegion =
        upper && isSupportedCountry(upper as CountryCode, metadata) ? (upper as CountryCode) : undefined;
    }
    return lastRegion;
  };

  return (text, options = {}) => {
    const out: PhoneMatch[] = [];
    const region = regionOf(options.defaultRegion);
    const minDigits = validator.minDigits(region);
    const census = digitCensus(text, minDigits);
    if (census.digits < minDigits) return out;
    const t = census.foreign ? fold(text) : text;
    scanRuns(t, minDigits, (run) => splitRun(text, t, run, region, minDigits, validator, out));
    return out;
  };
}

const OPEN = 40;
const CLOSE = 41;

/** Whether the gap after group `k` may separate two numbers (it holds a space or a slash). */
function splittable(t: string, run: Run, k: number): boolean {
  for (let i = run.ends[k]!; i < run.starts[k + 1]!; i++) {
    const c = t.charCodeAt(i);
    if (c === 32 || c === 47) return true;
  }
  return false;
}

/** Whether the gap after group `k` ends a sentence or a list item ("1. 0212…"): no number spans it. */
function closing(t: string, run: Run, k: number): boolean {
  for (let i = run.ends[k]!; i < run.starts[k + 1]! - 1; i++) {
    if (t.charCodeAt(i) === 46 && t.charCodeAt(i + 1) === 32) return true;
  }
  return false;
}

function digitsOf(t: string, run: Run, a: number, b: number): string {
  let s = '';
  for (let k = a; k <= b; k++) s += t.slice(run.starts[k]!, run.ends[k]!);
  return s;
}

/** Digits right after `at` that make the run's last group a fraction or a time ("567,89", "14:30"). */
function fractionAfter(t: string, at: number): boolean {
  const c = t.charCodeAt(at);
  if (c !== 44 && c !== 58) return false; // , :
  let k = at + 1;
  while (k < t.length && isDigit(t.charCodeAt(k))) k++;
  const digits = k - at - 1;
  return c === 58 ? digits > 0 : digits > 0 && digits <= 3;
}

function splitRun(
  text: string,
  t: string,
  run: Run,
  region: CountryCode | undefined,
  minDigits: number,
  validator: NumberValidator,
  out: PhoneMatch[],
): void {
  const n = run.starts.length;
  let runStart = run.plus >= 0 ? run.plus : run.starts[0]!;
  if (t.charCodeAt(runStart - 1) === OPEN) runStart--;
  const cue = cueBefore(t, runStart);
  if (cue === Cue.Reject || isCodeRun(t, run)) return;

  const blocked: boolean[] = new Array(n).fill(false);
  blockEmbedded(t, run, blocked);
  // A figure glued on at either end ("14:30 …", "… 4m 32s", "… 567,89 €") spoils only the chunk
  // it touches: the groups up to the first (from the last) gap that could separate two numbers.
  if (cue === Cue.Continued) {
    for (let k = 0; k < n; k++) {
      blocked[k] = true;
      if (k < n - 1 && splittable(t, run, k)) break;
    }
  }
  const lastEnd = run.ends[n - 1]!;
  const ext = extensionAt(t, lastEnd);
  if (!ext && (rejectedAfter(t, lastEnd) || fractionAfter(t, lastEnd))) {
    for (let k = n - 1; k >= 0; k--) {
      blocked[k] = true;
      if (k > 0 && splittable(t, run, k - 1)) break;
    }
  }

  const labelled = cue === Cue.Phone;
  const numberAt = (a: number, b: number): string | undefined =>
    isOtherShape(t, run, a, b, labelled)
      ? undefined
      : validator.e164(digitsOf(t, run, a, b), a === 0 && run.plus >= 0, region);

  // The common case first: the whole run is one number. Nothing covers more digits with fewer numbers.
  let whole = 0;
  for (let k = 0; k < n && whole >= 0; k++) {
    whole = blocked[k] || (k > 0 && closing(t, run, k - 1)) ? -1 : whole + run.ends[k]! - run.starts[k]!;
  }
  if (whole >= minDigits && whole <= MAX_DIGITS) {
    const e164 = numberAt(0, n - 1);
    if (e164 !== undefined) {
      out.push(match(text, t, run, 0, n - 1, e164, ext));
      return;
    }
  }

  // score[i]: best cover of groups i..n-1; pick[i]: last group of the number starting at i, or -1.
  const score = new Array<number>(n + 1).fill(0);
  const pick = new Array<number>(n).fill(-1);
  const found = new Array<string>(n);
  for (let a = n - 1; a >= 0; a--) {
    score[a] = score[a + 1]!;
    if (blocked[a] || (a > 0 && !splittable(t, run, a - 1))) continue;
    let digits = 0;
    for (let b = a; b < n && !blocked[b]; b++) {
      if (b > a && closing(t, run, b - 1)) break;
      digits += run.ends[b]! - run.starts[b]!;
      if (digits > MAX_DIGITS) break;
      if (digits < minDigits || (b < n - 1 && !splittable(t, run, b))) continue;
      if (whole >= 0 && a === 0 && b === n - 1) continue; // already tried
      const total = digits * 16 - 1 + score[b + 1]!;
      if (total <= score[a]!) continue;
      const e164 = numberAt(a, b);
      if (e164 === undefined) continue;
      score[a] = total;
      pick[a] = b;
      found[a] = e164;
    }
  }
  for (let a = 0; a < n; a++) {
    const b = pick[a]!;
    if (b < 0) continue;
    out.push(match(text, t, run, a, b, found[a]!, b === n - 1 ? ext : undefined));
    a = b;
  }
}

function match(
  text: string,
  t: string,
  run: Run,
  a: number,
  b: number,
  e164: string,
  ext: Extension | undefined,
): PhoneMatch {
  let start = a === 0 && run.plus >= 0 ? run.plus : run.starts[a]!;
  let end = run.ends[b]!;
  let open = 0;
  for (let i = start; i < end; i++) {
    const c = t.charCodeAt(i);
    if (c === OPEN) open++;
    else if (c === CLOSE) open--;
  }
  // "(555) 123-4567": the opening parenthesis belongs to the number when it is closed inside it.
  if (t.charCodeAt(start - 1) === OPEN && open < 0) {
    start--;
    open++;
  }
  if (open > 0 && t.charCodeAt(end) === CLOSE) end++;
  if (ext) {
    end = ext.end;
    e164 = `${e164};ext=${ext.digits}`;
  }
  return { start, end, raw: text.slice(start, end), e164 };
}
