/**
 * Character classes used by the phone finder, and the length-preserving fold that lets the rest of
 * the finder work on ASCII digits and punctuation only.
 */

/**
 * Fewest digits a phone number has, counting the country code when written: texts with fewer are
 * skipped at once. (A few territories have shorter national numbers; see `NumberValidator.minDigits`.)
 */
export const MIN_DIGITS = 7;

/**
 * Variants folded to ASCII: fullwidth forms (＋３９, （０２）, ｅｘｔ), other decimal digit blocks
 * (Arabic-Indic, Persian, Devanagari, Bengali, Thai), dashes and minus signs, and unusual spaces. Every one is a
 * single UTF-16 unit folded to a single unit, so offsets into the folded text are offsets into the
 * original text.
 */
const FOLDABLE =
  /[\u00a0\u0660-\u0669\u06f0-\u06f9\u0966-\u096f\u09e6-\u09ef\u0e50-\u0e59\u2000-\u200b\u2010-\u2015\u202f\u205f\u2212\u3000\u30fc\uff01-\uff5e]/g;

function foldChar(ch: string, offset: number, text: string): string {
  const c = ch.charCodeAt(0);
  if (c >= 0xff01) return String.fromCharCode(c - 0xfee0);
  if (c >= 0x0660 && c <= 0x0669) return String.fromCharCode(c - 0x0660 + 48);
  if (c >= 0x06f0 && c <= 0x06f9) return String.fromCharCode(c - 0x06f0 + 48);
  if (c >= 0x0966 && c <= 0x096f) return String.fromCharCode(c - 0x0966 + 48);
  if (c >= 0x09e6 && c <= 0x09ef) return String.fromCharCode(c - 0x09e6 + 48);
  if (c >= 0x0e50 && c <= 0x0e59) return String.fromCharCode(c - 0x0e50 + 48);
  if (c >= 0x2010 && c <= 0x2015) return '-';
  if (c === 0x2212) return '-';
  // Katakana prolonged sound mark, used as a dash between digits in Japanese text (03ー1234ー5678).
  if (c === 0x30fc) return offset > 0 && isAnyDigit(text.charCodeAt(offset - 1)) ? '-' : ch;
  return ' ';
}

/** `text` with every foldable character replaced by its ASCII form; same length. */
export function fold(text: string): string {
  return text.replace(FOLDABLE, foldChar);
}

/** An ASCII digit. */
export const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** A decimal digit of any block the fold understands. */
export function isAnyDigit(c: number): boolean {
  if (c < 0x80) return c >= 48 && c <= 57;
  return (
    (c >= 0xff10 && c <= 0xff19) ||
    (c >= 0x0660 && c <= 0x0669) ||
    (c >= 0x06f0 && c <= 0x06f9) ||
    (c >= 0x0966 && c <= 0x096f) ||
    (c >= 0x09e6 && c <= 0x09ef) ||
    (c >= 0x0e50 && c <= 0x0e59)
  );
}

/**
 * Digits and whether the text needs folding, counted in one pass. The count stops being exact
 * once it reaches `enough`, if folding is already known to be needed.
 */
export function digitCensus(text: string, enough: number): { digits: number; foreign: boolean } {
  let digits = 0;
  let foreign = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (c >= 48 && c <= 57) digits++;
    } else {
      foreign = true;
      if (isAnyDigit(c)) digits++;
    }
    if (foreign && digits >= enough) break;
  }
  return { digits, foreign };
}

/** Punctuation that may sit between the digit groups of one number. */
export function isGroupSeparator(c: number): boolean {
  return c === 32 || c === 45 || c === 46 || c === 47 || c === 40 || c === 41;
}

const LETTER = /[\p{L}\p{M}]/u;
/** Scripts written without spaces: a number may touch their letters directly. */
const UNSPACED =
  /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}\p{sc=Bopomofo}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]/u;

/** A letter of a script that separates words with spaces (Latin, Cyrillic, Greek, Arabic, ...). */
export function isWordLetter(c: number): boolean {
  if (c < 0x80) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (c < 0xaa || (c >= 0xd800 && c <= 0xdfff)) return false;
  const ch = String.fromCharCode(c);
  return LETTER.test(ch) && !UNSPACED.test(ch);
}

/** A letter of a script written without spaces (CJK, Thai, ...). */
export function isUnspacedLetter(c: number): boolean {
  return c >= 0x0e00 && c < 0xd800 && UNSPACED.test(String.fromCharCode(c));
}

/** Any letter, spaced or not. */
export function isLetter(c: number): boolean {
  if (c < 0x80) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (c < 0xaa || (c >= 0xd800 && c <= 0xdfff)) return false;
  return LETTER.test(String.fromCharCode(c));
}
