/**
 * Shapes of digit groups that are something other than a phone number, whatever libphonenumber
 * would make of their digits: dates, IP addresses, card and account numbers, ISBNs, postal codes,
 * document numbers, decimals and thousands-separated amounts.
 */
import type { Run } from './scan';

/** The separator between group `k` and `k + 1` when it is one character, else 0. */
export function gapChar(t: string, run: Run, k: number): number {
  const s = run.ends[k]!;
  return run.starts[k + 1]! - s === 1 ? t.charCodeAt(s) : 0;
}

function value(t: string, run: Run, k: number): number {
  let v = 0;
  for (let i = run.starts[k]!; i < run.ends[k]!; i++) v = v * 10 + t.charCodeAt(i) - 48;
  return v;
}

const len = (run: Run, k: number): number => run.ends[k]! - run.starts[k]!;

const isYear = (y: number): boolean => y >= 1900 && y <= 2099;
const isMonth = (m: number): boolean => m >= 1 && m <= 12;
const isDay = (d: number): boolean => d >= 1 && d <= 31;

const DASH = 45;
const DOT = 46;
const SLASH = 47;

/** Groups `k..k+2` form a date: `2024-03-15`, `15.03.2024`, `03/15/2024`. */
function isDateAt(t: string, run: Run, k: number): boolean {
  const sep = gapChar(t, run, k);
  if ((sep !== DASH && sep !== DOT && sep !== SLASH) || gapChar(t, run, k + 1) !== sep) return false;
  const a = value(t, run, k);
  const b = value(t, run, k + 1);
  const c = value(t, run, k + 2);
  if (len(run, k) === 4) return isYear(a) && isMonth(b) && isDay(c) && len(run, k + 2) <= 2;
  if (len(run, k + 2) !== 4 || len(run, k) > 2 || len(run, k + 1) > 2) return false;
  return isYear(c) && ((isDay(a) && isMonth(b)) || (isMonth(a) && isDay(b)));
}

/**
 * Groups `k..k+3` form an IPv4 address: exactly four dotted parts (not part of a longer dotted
 * sequence such as 01.23.45.67.89), each up to 255 without leading zeros.
 */
function isIpAt(t: string, run: Run, k: number): boolean {
  if ((k > 0 && gapChar(t, run, k - 1) === DOT) || gapChar(t, run, k + 3) === DOT) return false;
  for (let i = k; i < k + 4; i++) {
    if (len(run, i) > 3 || value(t, run, i) > 255) return false;
    if (len(run, i) > 1 && t.charCodeAt(run.starts[i]!) === 48) return false;
    if (i < k + 3 && gapChar(t, run, i) !== DOT) return false;
  }
  return true;
}

/**
 * Marks the groups that belong to a date or an IP address inside the run (`blocked[k] = true`);
 * no number may include them, but the rest of the run is still searched.
 */
export function blockEmbedded(t: string, run: Run, blocked: boolean[]): void {
  const n = run.starts.length;
  for (let k = 0; k + 2 < n; k++) {
    if (isDateAt(t, run, k)) {
      blocked[k] = blocked[k + 1] = blocked[k + 2] = true;
      k += 2;
    } else if (k + 3 < n && isIpAt(t, run, k)) {
      blocked[k] = blocked[k + 1] = blocked[k + 2] = blocked[k + 3] = true;
      k += 3;
    }
  }
  // A decimal number: one dot, then one or two digits ("1234567.89", "1 234 567.89").
  if (n >= 2 && len(run, n - 1) <= 2 && gapChar(t, run, n - 2) === DOT) {
    let dots = 0;
    for (let k = 0; k + 1 < n; k++) if (gapChar(t, run, k) === DOT) dots++;
    if (dots === 1) blocked[n - 1] = blocked[n - 2] = true;
  }
}

/**
 * The whole run is a single code: a card or account number in blocks of four
 * (`4111 1111 1111 1111`, `9400 1000 0000 0000 0000 00`), an Amex number (4-6-5), or an ISBN-13.
 */
export function isCodeRun(t: string, run: Run): boolean {
  const n = run.starts.length;
  // Four or more blocks of four digits in a row, always joined by the same single character.
  let streak = 0;
  for (let k = 0; k < n; k++) {
    if (len(run, k) !== 4) streak = 0;
    else if (streak === 0) streak = 1;
    else {
      const gap = gapChar(t, run, k - 1);
      if (gap === 0 || (streak >= 2 && gap !== gapChar(t, run, k - 2))) streak = 1;
      else if (++streak >= 4) return true;
    }
  }
  if (n === 3 && len(run, 0) === 4 && len(run, 1) === 6 && len(run, 2) === 5) return true;
  // An ISBN-13 / Bookland EAN, hyphenated or not.
  let digits = 0;
  for (let k = 0; k < n; k++) digits += len(run, k);
  const lead = t.slice(run.starts[0]!, run.starts[0]! + 3);
  if (digits === 13 && (lead === '978' || lead === '979')) return true;
  return false;
}

/**
 * Groups `a..b` are shaped like something other than a phone number. `labelled`: a phone label
 * precedes the run, which overrides the shapes that real numbers sometimes take too.
 */
export function isOtherShape(t: string, run: Run, a: number, b: number, labelled: boolean): boolean {
  const count = b - a + 1;
  const last = gapChar(t, run, b - 1);
  if (count === 2) {
    // ZIP+4 and other 5-4 / 5-3 postal codes: 90210-1234, 01310-100.
    if (last === DASH && len(run, a) === 5 && (len(run, b) === 4 || len(run, b) === 3)) return true;
    // A serial under a year: 2024-000123, 2024/0001234.
    if ((last === DASH || last === SLASH) && len(run, a) === 4 && isYear(value(t, run, a))) {
      if (len(run, b) >= 4 && t.charCodeAt(run.starts[b]!) === 48) return true;
    }
    // A decimal: 45.464211, 3.14159265.
    if (
      !labelled &&
      last === DOT &&
      len(run, a) <= 3 &&
      len(run, b) >= 4 &&
      t.charCodeAt(run.starts[a]!) !== 48
    ) {
      return true;
    }
  }
  if (count >= 3) {
    let dots = 0;
    let dashes = 0;
    let thousands = len(run, a) <= 2 && t.charCodeAt(run.starts[a]!) !== 48;
    for (let k = a; k < b; k++) {
      const gap = gapChar(t, run, k);
      if (gap === DOT) dots++;
      if (gap === DASH) dashes++;
      if (gap !== DOT || len(run, k + 1) !== 3) thousands = false;
    }
    // A check digit after hyphenated parts: ISBN-10 (3-16-148410-0, 0-306-40615-2).
    if (count >= 4 && dashes === count - 1 && len(run, b) === 1) return true;
    // A document number: 123.456.789-09 (CPF), 12.345.678/0001-95 (CNPJ).
    if (dots >= 2 && (last === DASH || last === SLASH)) return true;
    // Thousands separated by dots: 1.234.567, 12.500.000.
    if (thousands) return true;
  }
  // A date without separators: 20240315, 15032024.
  if (count === 1 && len(run, a) === 8 && !labelled) {
    const v = value(t, run, a);
    const hi = Math.floor(v / 10000);
    const lo = v % 10000;
    if (isYear(hi) && isMonth(Math.floor(lo / 100)) && isDay(lo % 100)) return true;
    if (isYear(lo) && isDay(Math.floor(hi / 100)) && isMonth(hi % 100)) return true;
  }
  return false;
}
