import { hasDigit } from './digits';
import { blockOf, SKIP_SELECTOR, skipsOwnText } from './dom-rules';
import type { Finder, FinderCounts } from './finder';
import { type Hit, numberAt } from './hit-test';
import type { Counters, PerfMarks } from './perf-marks';
import { type FoundNumber, type ReadCounts, readBlock } from './read-block';
import type { Anchor } from './segment';

/**
 * Detection on demand: the numbers of one block, read from the live DOM when the agent points at it or
 * focuses it. Nothing is indexed ahead of time and nothing is kept in sync with the page: a lookup costs
 * one block's text (bounded, see `segment.ts`), one finder call or cache hit, and a Range per number in
 * it. Each lookup is a `softbar-scan-slice` measure followed by a `softbar-scan-idle` mark.
 */

// A focused row or card is small; a focused <main> could hold the page. Look this far and no further.
const FOCUS_TEXT_NODES = 400;
const FOCUS_BLOCKS = 16;
// "Distinct numbers found" is a counter for tests and the benchmark, not worth unbounded memory.
const SEEN_LIMIT = 10_000;

type CaretAt = (x: number, y: number) => { readonly offsetNode: Node; readonly offset: number } | null;

export class Lookup {
  private readonly counts: ReadCounts & { lookups: number } = { lookups: 0, blocksRead: 0, textNodes: 0 };
  private readonly seen = new Set<string>();
  private readonly skipSelector: string;
  private readonly caretAt: CaretAt | undefined;

  constructor(
    private readonly doc: Document,
    private readonly finder: Finder & { readonly counts: FinderCounts },
    private readonly excludeSelector: string,
    private readonly marks: PerfMarks,
  ) {
    this.skipSelector = excludeSelector ? `${SKIP_SELECTOR},${excludeSelector}` : SKIP_SELECTOR;
    // Chromium's hit test to the character: the text node under the pointer, without reading the page.
    const caret = (doc as Partial<Pick<Document, 'caretPositionFromPoint'>>).caretPositionFromPoint;
    this.caretAt = typeof caret === 'function' ? (x, y) => caret.call(doc, x, y) : undefined;
  }

  /** Whether `element` (a block, a link) is in an editor, a skipped or excluded area, or our own UI. */
  skipped(element: Element): boolean {
    return this.doc.designMode === 'on' || element.closest(this.skipSelector) !== null;
  }

  /** The number drawn at (x, y), the pointer being over `target`. */
  at(target: Element, x: number, y: number): Hit | undefined {
    return this.timed(() => {
      const anchor = this.anchorAt(target, x, y);
      return numberAt(this.doc, this.numbersOf(anchor?.node ?? target, anchor), x, y);
    });
  }

  /** The first number inside `element` (a focused row, cell or link), in document order. */
  firstIn(element: Element): FoundNumber | undefined {
    return this.timed(() => {
      const walker = this.doc.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      let blocks = 0;
      let last: Element | null = null;
      for (let i = 0, node = walker.nextNode(); node && i < FOCUS_TEXT_NODES; i++, node = walker.nextNode()) {
        if (!hasDigit((node as Text).data)) continue;
        const block = blockOf(node);
        if (!block || block === last) continue;
        last = block;
        if (++blocks > FOCUS_BLOCKS) return undefined;
        const found = this.numbersOf(node, { node }).find((number) => element.contains(number.start.node));
        if (found) return found;
      }
      return undefined;
    });
  }

  /**
   * The numbers of the block holding `node`, read from the live DOM (around `anchor` if the block is
   * big), in order; none when the block is in an editor, a skipped or excluded area, or our own UI.
   */
  numbersOf(node: Node, anchor?: Anchor): FoundNumber[] {
    const block = blockOf(node);
    if (!block || this.skipped(block)) return [];
    const numbers = readBlock(block, anchor, this.finder, this.skipsInline, this.counts);
    for (const number of numbers) if (this.seen.size < SEEN_LIMIT) this.seen.add(number.e164);
    return numbers;
  }

  /** The counters for the performance marks. */
  counters(): Counters {
    return {
      numbers: this.seen.size,
      lookups: this.counts.lookups,
      blocksRead: this.counts.blocksRead,
      textNodes: this.counts.textNodes,
      finderCalls: this.finder.counts.calls,
      cacheHits: this.finder.counts.cacheHits,
    };
  }

  /** The text node under (x, y), when it belongs to the block of the element the pointer is over. */
  private anchorAt(target: Element, x: number, y: number): Anchor | undefined {
    const caret = this.caretAt?.(x, y);
    const node = caret?.offsetNode;
    if (!node || node.nodeType !== Node.TEXT_NODE) return undefined;
    const block = blockOf(target);
    return block?.contains(node) ? { node, offset: caret.offset } : undefined;
  }

  /** Inline elements inside a block being read: skipped themselves, or excluded by the admin. */
  private readonly skipsInline = (element: Element): boolean =>
    skipsOwnText(element) || (this.excludeSelector !== '' && element.matches(this.excludeSelector));

  private timed<T>(lookup: () => T): T {
    const start = performance.now();
    this.counts.lookups++;
    const result = lookup();
    this.marks.slice(start, performance.now());
    this.marks.idle(this.counters());
    return result;
  }
}
