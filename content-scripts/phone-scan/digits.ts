/**
 * Cheap digit tests that run before anything costlier (the finder, reading a focused element's blocks).
 * They accept the digits libphonenumber reads: ASCII, fullwidth, Arabic-Indic and Eastern Arabic-Indic.
 */

function isDigit(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0xff10 && code <= 0xff19) ||
    (code >= 0x660 && code <= 0x669) ||
    (code >= 0x6f0 && code <= 0x6f9)
  );
}

export function hasDigit(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isDigit(text.charCodeAt(i))) return true;
  return false;
}

/** True when `text` has at least `min` digits (stops counting there). */
export function hasDigits(text: string, min: number): boolean {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    if (isDigit(text.charCodeAt(i)) && ++count >= min) return true;
  }
  return false;
}
