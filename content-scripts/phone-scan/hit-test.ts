import { blockOf } from './dom-rules';
import type { FoundNumber, NumberStore } from './store';

/**
 * Finding the number under the pointer or inside a focused element, from the store: the event's target
 * gives the block (no hit-test of the whole page), and only that block's few numbers are measured, with
 * a Range made for the moment and dropped.
 */

// Pointers are not pixel-exact, and a number's rects hug its glyphs.
const SLOP_PX = 2;
// A focused row or card is small; a focused <main> could hold the page. Look this far and no further.
const FOCUS_SEARCH_LIMIT = 400;

const collapse = (text: string) => text.replace(/[\t\n\f\r ]+/g, ' ');

/**
 * A Range over the number, or undefined when the page has changed it since it was read (the re-read is
 * queued; until then the number is not offered, rather than a "Call" over different text).
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
  readonly number: FoundNumber;
  readonly rects: DOMRect[];
}

/** The number drawn at (x, y), given the element the pointer is over. */
export function numberAt(
  doc: Document,
  store: NumberStore,
  target: Element,
  x: number,
  y: number,
): Hit | undefined {
  const block = blockOf(target);
  const entry = block && store.get(block);
  if (!entry) return undefined;
  for (const number of entry.numbers) {
    const rects = rectsOf(doc, number);
    if (rects.some((rect) => contains(rect, x, y))) return { number, rects };
  }
  return undefined;
}

/** The first number inside `element` (a focused row, cell or link), in document order. */
export function firstNumberIn(store: NumberStore, element: Element): FoundNumber | undefined {
  const inside = (number: FoundNumber) => element.contains(number.start.node);
  const own = blockOf(element);
  const first = own && store.get(own)?.numbers.find(inside);
  if (first) return first;
  const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_ELEMENT);
  let seen = 0;
  for (let node = walker.nextNode(); node && seen < FOCUS_SEARCH_LIMIT; node = walker.nextNode(), seen++) {
    const found = store.get(node as Element)?.numbers.find(inside);
    if (found) return found;
  }
  return undefined;
}
