import type { FoundNumber } from './read-block';

/**
 * Measuring numbers on screen: a Range made for the moment over the number, its client rects, and
 * whether the pointer is on one of them.
 */

// Pointers are not pixel-exact, and a number's rects hug its glyphs.
const SLOP_PX = 2;

const collapse = (text: string) => text.replace(/[\t\n\f\r ]+/g, ' ');

/**
 * A Range over the number, or undefined when the page has changed it since it was read (a shown button
 * whose number the page rewrote goes away, rather than offer "Call" over different text).
 */
export function rangeFor(doc: Document, number: FoundNumber): Range | undefined {
  const { start, end } = number;
  if (!start.node.isConnected || !end.node.isConnected) return undefined;
  if (start.offset > start.node.length || end.offset > end.node.length) return undefined;
  const range = doc.createRange();
  try {
    range.setStart(start.node, start.offset);
    range.setEnd(end.node, end.offset);
  } catch {
    return undefined;
  }
  return collapse(range.toString()) === number.raw ? range : undefined;
}

/** The number's boxes on screen (one per line it wraps over); empty when it is not rendered. */
export function rectsOf(doc: Document, number: FoundNumber): DOMRect[] {
  const range = rangeFor(doc, number);
  if (!range) return [];
  return Array.from(range.getClientRects()).filter((rect) => rect.width > 0 && rect.height > 0);
}

const contains = (rect: DOMRect, x: number, y: number) =>
  x >= rect.left - SLOP_PX &&
  x <= rect.right + SLOP_PX &&
  y >= rect.top - SLOP_PX &&
  y <= rect.bottom + SLOP_PX;

export interface Hit {
  /** The number under the point. */
  readonly number: FoundNumber;
  /** Its boxes on screen (one per line it wraps over), viewport coordinates. */
  readonly rects: DOMRect[];
}

/** Which of `numbers` is drawn at (x, y). */
export function numberAt(
  doc: Document,
  numbers: readonly FoundNumber[],
  x: number,
  y: number,
): Hit | undefined {
  for (const number of numbers) {
    const rects = rectsOf(doc, number);
    if (rects.some((rect) => contains(rect, x, y))) return { number, rects };
  }
  return undefined;
}
