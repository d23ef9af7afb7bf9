/**
 * The single linear pass that finds candidate spans: runs of digit groups joined by the punctuation
 * people put inside phone numbers. No regular expression, no backtracking: each character is looked
 * at a bounded number of times.
 */
import { isDigit, isGroupSeparator } from './chars';

/** Most separator characters tolerated between two digit groups (`") - "`, `" / "`). */
const MAX_GAP = 4;

/** Digit groups of one run, as parallel offset arrays into the folded text. */
export interface Run {
  /** Offset of the `+`, when the run starts with one (possibly after a `(`), else -1. */
  readonly plus: number;
  /** First offset of each digit group. */
  readonly starts: number[];
  /** Offset just past each digit group. */
  readonly ends: number[];
}

const PLUS = 43;
const OPEN = 40;
const SPACE = 32;

/** Offset of the digit that starts a run at `i` (after `+`, `(`, `(+`, `+ `), or -1. */
function runDigitAt(t: string, i: number): number {
  let j = i;
  if (t.charCodeAt(j) === OPEN) j++;
  if (t.charCodeAt(j) === PLUS) {
    j++;
    if (t.charCodeAt(j) === SPACE) j++;
  }
  return isDigit(t.charCodeAt(j)) ? j : -1;
}

/**
 * Calls `onRun` for every run of at least `minDigits` digits in `t`, in order. A run starts at a
 * digit, `+digit`, `(digit` or `(+digit`; it goes on through digits and group separators (at most
 * `MAX_GAP` in a row) and stops at anything else, including a second `+` (which starts a new run).
 */
export function scanRuns(t: string, minDigits: number, onRun: (run: Run) => void): void {
  const n = t.length;
  let i = 0;
  while (i < n) {
    const c = t.charCodeAt(i);
    if (!(isDigit(c) || c === PLUS || c === OPEN)) {
      i++;
      continue;
    }
    const first = runDigitAt(t, i);
    if (first < 0) {
      i++;
      continue;
    }
    // First pass: the extent and digit count only; most runs (years, prices) stop here.
    let digits = 0;
    let end = first;
    let gap = 0;
    for (let k = first; k < n; k++) {
      const d = t.charCodeAt(k);
      if (isDigit(d)) {
        digits++;
        gap = 0;
        end = k + 1;
      } else if (isGroupSeparator(d) && ++gap <= MAX_GAP) {
        // keep going
      } else {
        break;
      }
    }
    if (digits >= minDigits) onRun(collect(t, i, first, end));
    i = end;
  }
}

function collect(t: string, start: number, first: number, end: number): Run {
  let plus = -1;
  for (let k = start; k < first; k++) if (t.charCodeAt(k) === PLUS) plus = k;
  const starts: number[] = [];
  const ends: number[] = [];
  let k = first;
  while (k < end) {
    const s = k;
    while (k < end && isDigit(t.charCodeAt(k))) k++;
    starts.push(s);
    ends.push(k);
    while (k < end && !isDigit(t.charCodeAt(k))) k++;
  }
  return { plus, starts, ends };
}
