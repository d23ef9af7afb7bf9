import { makeFinder } from '../../../content-scripts/phone-scan/finder';
import { Scanner } from '../../../content-scripts/phone-scan/scanner';
import { type FoundNumber, NumberStore } from '../../../content-scripts/phone-scan/store';

export interface Found {
  readonly raw: string;
  readonly e164: string;
  /** The text the number's DOM range covers now. */
  readonly rangeText: string;
}

/** A scanner over `document`, with the real finder, run by hand. */
export function makeScanner(options: { excludeSelector?: string; region?: string } = {}) {
  const store = new NumberStore();
  const finder = makeFinder(options.region ?? 'US');
  const scanner = new Scanner(document, store, finder, options.excludeSelector ?? '');
  return { store, scanner, finder };
}

/** Scans the whole document to the end and lists what was found. */
export function scanPage(options: { excludeSelector?: string; region?: string } = {}): Found[] {
  const { store, scanner } = makeScanner(options);
  scanner.scanTree(document.documentElement);
  scanner.run(() => false);
  return found(store);
}

/** The numbers in the store, in document order. */
export function found(store: NumberStore): Found[] {
  const numbers = [...store.entries()].flatMap(([, entry]) => entry.numbers);
  // Document order by one walk (happy-dom's compareDocumentPosition is slow on big pages).
  const order = new Map<Node, number>();
  const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) order.set(node, order.size);
  const rank = (node: Node) => order.get(node) ?? -1;
  numbers.sort((a, b) => rank(a.start.node) - rank(b.start.node) || a.start.offset - b.start.offset);
  return numbers.map((number) => ({ raw: number.raw, e164: number.e164, rangeText: textBetween(number) }));
}

/**
 * The text from a number's start to its end, read without a Range: happy-dom keeps every Range it made
 * alive and slows down with thousands of them (browsers do not).
 */
function textBetween({ start, end }: FoundNumber): string {
  if (!start.node.isConnected || !end.node.isConnected) return '(stale)';
  if (start.node === end.node) return start.node.data.slice(start.offset, end.offset);
  const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_TEXT);
  walker.currentNode = start.node;
  let text = start.node.data.slice(start.offset);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (node === end.node) return text + node.data.slice(0, end.offset);
    text += node.data;
  }
  return '(stale)';
}

export const e164s = (list: readonly Found[]) => list.map((number) => number.e164);

/** happy-dom has no layout: give every range one box, so hit-testing has something to measure. */
export function fakeRects(rect = { left: 10, top: 10, width: 120, height: 16 }): () => void {
  const original = Range.prototype.getClientRects;
  Range.prototype.getClientRects = function (this: Range) {
    const box = new DOMRect(rect.left, rect.top, rect.width, rect.height);
    return Object.assign([box], { item: (i: number) => (i === 0 ? box : null) }) as unknown as DOMRectList;
  };
  return () => {
    Range.prototype.getClientRects = original;
  };
}

/** An event that claims to come from the user. happy-dom lets tests set `isTrusted`; browsers do not. */
export function trusted<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}
