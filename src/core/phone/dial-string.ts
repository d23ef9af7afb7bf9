// No libphonenumber here: the bar and popup validate typed numbers without loading its metadata.

/** Digits, +, *, # and the usual separators: what a person may type in a dial field. */
export const DIALABLE = /^\+?[0-9*#(][0-9*#()./\s-]{0,40}$/;

/** An extension as RFC 3966 writes it (`;ext=12`), which found numbers and tel: links carry. */
const EXTENSION = /;ext=([0-9]{1,10})$/;

/** Cleans typed input for dialing: drops separators, keeps a leading +, * and #, and an `;ext=` suffix. */
export function normalizeDialString(input: string): string | undefined {
  const trimmed = input.trim();
  const extension = EXTENSION.exec(trimmed);
  const main = extension ? trimmed.slice(0, extension.index) : trimmed;
  if (!DIALABLE.test(main)) return undefined;
  const cleaned = main.replace(/[\s().\-/]/g, '');
  if (!/[0-9]/.test(cleaned)) return undefined;
  return extension ? `${cleaned};ext=${extension[1]}` : cleaned;
}
