/**
 * Extensions written after a number: `ext. 12`, `x12`, `#12`, `;ext=12`, `(ext 12)`, and the
 * labels of other languages (`int.`, `ramal`, `anexo`, `poste`, `Durchwahl`, `доб.`, `内線`, `分机`).
 */

import { isDigit, isWordLetter } from './chars';

/**
 * Sticky, anchored at the end of a run; every part is bounded, so it cannot backtrack badly.
 * Groups: 1 = the optional `(`, 2 = the extension digits.
 */
const EXTENSION =
  /[ \t]{0,3}(?:,[ \t]{0,2})?(\([ \t]?)?(?:;ext=|(?:ext(?:ension|n)?|x|#|int(?:erno)?|ramal|anexo|poste|durchwahl|dw|nebenstelle|wew|toestel|tst|ankn|dahili|kl|mellék|доб|内線|内线|分机|分機|转|轉|내선)\.?[ \t]{0,2}:?[ \t]{0,2})(\d{1,7})/iy;

export interface Extension {
  /** Offset just past the extension (and its closing parenthesis). */
  readonly end: number;
  /** Its digits. */
  readonly digits: string;
}

/** The extension that starts at `at` (just past a number's last digit) in the folded text, if any. */
export function extensionAt(t: string, at: number): Extension | undefined {
  EXTENSION.lastIndex = at;
  const m = EXTENSION.exec(t);
  if (!m) return undefined;
  let end = at + m[0].length;
  const next = t.charCodeAt(end);
  // Digits or letters glued after the digits ("x2b"), or more digit groups ("Durchwahl 069 123456"):
  // not an extension.
  if (isDigit(next) || isWordLetter(next)) return undefined;
  if ((next === 32 || next === 45 || next === 46) && isDigit(t.charCodeAt(end + 1))) return undefined;
  if (m[1] !== undefined) {
    if (t.charCodeAt(end) !== 41) return undefined; // an opened "(ext 12" must close
    end++;
  }
  return { end, digits: m[2]! };
}
