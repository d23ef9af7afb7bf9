import { isInline, skipsOwnText } from './dom-rules';

/**
 * The text of one block as a reader sees it, built from the text nodes of the block and of the inline
 * elements inside it, with a map from offsets in that text back to (text node, offset). A number found
 * in the text becomes a DOM range that may span several nodes: `<span>+39</span> <span>02 …</span>`.
 *
 * A lookup reads one block, so a block must never cost more than a few kilobytes of text: a long
 * paragraph, a `<pre>` log, a cell full of notes. Reading stops at `READ_LIMIT`; given an anchor (the
 * text under the pointer), the text read is a window around it, half before and half after.
 */

/** A position inside a text node. */
export interface DomPoint {
  /** The text node. */
  readonly node: Text;
  /** Characters into it. */
  readonly offset: number;
}

/** A run of `length` characters of the segment text copied from `node` starting at `offset`. */
interface Piece {
  /** Where the run starts in the segment text. */
  readonly at: number;
  /** The text node it was copied from. */
  readonly node: Text;
  /** Where the run starts in that node. */
  readonly offset: number;
  /** How many characters it has. */
  readonly length: number;
}

export interface Segment {
  /** Whitespace collapsed as HTML renders it; `BREAK` wherever the line of text is interrupted. */
  readonly text: string;
  /** The text stops short of the block's start (a window of a big block). */
  readonly cutStart: boolean;
  /** The text stops short of the block's end. */
  readonly cutEnd: boolean;
  /** Text nodes read. */
  readonly textNodes: number;
  /** The DOM position of the character at `offset`. */
  pointAt(offset: number): DomPoint;
  /** The DOM position just after the character at `offset - 1` (for a match's exclusive end). */
  pointAfter(offset: number): DomPoint;
  /** The text nodes between two positions, both included, in document order. */
  nodesBetween(first: Text, last: Text): readonly Text[];
}

/**
 * Put between the text on either side of a block, a `<br>` or a skipped element. A newline: the finder
 * never joins digits across it (verified against libphonenumber), and it cannot come from page text,
 * where whitespace is collapsed to spaces first.
 */
export const BREAK = '\n';

/** The most one read takes in: characters of text, and nodes stepped over to find them. */
export const READ_LIMIT = { chars: 4096, nodes: 1024 } as const;

/** Where a read is centred: a text node (and the offset in it, when known) or a skipped element. */
export interface Anchor {
  /** The text node, or the element skipped over. */
  readonly node: Node;
  /** Characters into the text node, when known. */
  readonly offset?: number;
}

type Skips = (inline: Element) => boolean;

/** Text read from a node (all of it, or a slice at a window's edge), or a break. */
type Item = { readonly node: Text; readonly from: number; readonly to: number } | typeof BREAK;

// A page's source indentation ("\n      ") is one space on screen, and the finder rightly gives up on
// numbers broken by long runs of punctuation, so whitespace is collapsed the way HTML renders it.
const isSpace = (code: number) => code === 32 || code === 9 || code === 10 || code === 12 || code === 13;
const CONTROL_SPACE = /[\t\n\f\r]/g;

const isText = (node: Node): node is Text => node.nodeType === Node.TEXT_NODE;
const isElement = (node: Node): node is Element => node.nodeType === Node.ELEMENT_NODE;

/** An element whose text is not part of the block's line: a child block, `<br>`, or a skipped inline. */
const interrupts = (element: Element, skips: Skips) => !isInline(element) || skips(element);

/** The next node of the block's line, in document order, not entering elements that interrupt it. */
function nextInLine(node: Node, block: Element, skips: Skips): Node | null {
  if ((node === block || (isElement(node) && !interrupts(node, skips))) && node.firstChild) {
    return node.firstChild;
  }
  for (let at: Node | null = node; at && at !== block; at = at.parentNode) {
    if (at.nextSibling) return at.nextSibling;
  }
  return null;
}

/** The previous node of the block's line (inline parents are met on the way out, as in reverse order). */
function previousInLine(node: Node, block: Element, skips: Skips): Node | null {
  if (node === block) return null;
  let at = node.previousSibling;
  if (!at) return node.parentNode === block ? null : node.parentNode;
  while (isElement(at) && !interrupts(at, skips) && at.lastChild) at = at.lastChild;
  return at;
}

/**
 * The anchor as an item of the block's line: a text node inside a skipped inline element (a tel: link,
 * an excluded span) is not read, so the outermost such element stands for it.
 */
function lineAnchor(anchor: Anchor, block: Element, skips: Skips): Anchor {
  let found = anchor;
  for (let at = anchor.node.parentElement; at && at !== block; at = at.parentElement) {
    if (interrupts(at, skips)) found = { node: at };
  }
  return found;
}

interface Budget {
  /** Characters the read may still copy. */
  chars: number;
  /** Nodes the read may still visit. */
  nodes: number;
}

/**
 * Items of the block's line from `start` (excluded) in one direction, until the line ends or the budget
 * is spent. Returns whether it stopped short of the end of the line.
 */
function gather(
  start: Node,
  block: Element,
  skips: Skips,
  budget: Budget,
  forward: boolean,
  into: Item[],
): boolean {
  const step = forward ? nextInLine : previousInLine;
  for (let node = step(start, block, skips); node; node = step(node, block, skips)) {
    if (--budget.nodes < 0 || budget.chars <= 0) return true;
    if (isText(node)) {
      const length = node.length;
      if (length > budget.chars) {
        // The last node that fits only in part: the window ends inside it.
        into.push(
          forward ? { node, from: 0, to: budget.chars } : { node, from: length - budget.chars, to: length },
        );
        budget.chars = 0;
        return true;
      }
      budget.chars -= length;
      into.push({ node, from: 0, to: length });
    } else if (isElement(node) && interrupts(node, skips)) {
      into.push(BREAK);
    }
  }
  return false;
}

/**
 * Reads the text of `block`: its own text nodes and those of inline descendants, in order. Child blocks
 * only leave a break; so do inline elements for which `skips` says so (an editable span, a tel: link, an
 * excluded element). Elements in `apart` (inline by tag, but found not to render inline) are read with a
 * break on either side. Without an anchor, reads from the block's start; with one, around it.
 */
export function readSegment(
  block: Element,
  skips: Skips = skipsOwnText,
  anchor?: Anchor,
  apart?: ReadonlySet<Element>,
): Segment {
  const budget: Budget = { chars: READ_LIMIT.chars, nodes: READ_LIMIT.nodes };
  let items: Item[] = [];
  let cutStart = false;
  let cutEnd: boolean;
  if (!anchor) {
    cutEnd = gather(block, block, skips, budget, true, items);
  } else {
    const at = lineAnchor(anchor, block, skips);
    const node = at.node;
    let middle: Item = BREAK;
    if (isText(node)) {
      const length = node.length;
      if (length > budget.chars) {
        // One huge text node: a window of it around the offset.
        const from = Math.max(0, Math.min(length - budget.chars, (at.offset ?? 0) - budget.chars / 2));
        const to = from + budget.chars;
        return build([{ node, from, to }], from > 0, to < length);
      }
      budget.chars -= length;
      middle = { node, from: 0, to: length };
    }
    // Half of what is left for the text before the anchor; the rest, and what that half did not use, after.
    const before: Budget = { chars: Math.floor(budget.chars / 2), nodes: READ_LIMIT.nodes / 2 };
    const backward: Item[] = [];
    cutStart = gather(node, block, skips, before, false, backward);
    const after: Budget = {
      chars: budget.chars - (Math.floor(budget.chars / 2) - before.chars),
      nodes: READ_LIMIT.nodes / 2 + Math.max(0, before.nodes),
    };
    items = backward.reverse();
    items.push(middle);
    cutEnd = gather(node, block, skips, after, true, items);
  }
  return build(items, cutStart, cutEnd, apart, block);
}

function build(
  items: readonly Item[],
  cutStart: boolean,
  cutEnd: boolean,
  apart?: ReadonlySet<Element>,
  block?: Element,
): Segment {
  const builder = new Builder();
  let apartFrom: Element | undefined;
  for (const item of items) {
    if (item === BREAK) {
      builder.addBreak();
      continue;
    }
    if (apart && block) {
      // Entering or leaving an element that renders apart from its neighbours breaks the line.
      const owner = nearestIn(item.node, block, apart);
      if (owner !== apartFrom) builder.addBreak();
      apartFrom = owner;
    }
    builder.addText(item.node, item.from, item.to);
  }
  return builder.build(cutStart, cutEnd);
}

function nearestIn(node: Node, block: Element, set: ReadonlySet<Element>): Element | undefined {
  for (let at = node.parentElement; at && at !== block; at = at.parentElement) if (set.has(at)) return at;
  return undefined;
}

/** Text gathered from several nodes, collapsed, with the runs it was copied from. */
class PiecewiseSegment implements Segment {
  constructor(
    readonly text: string,
    readonly cutStart: boolean,
    readonly cutEnd: boolean,
    private readonly nodes: readonly Text[],
    private readonly pieces: readonly Piece[],
  ) {}

  get textNodes(): number {
    return this.nodes.length;
  }

  pointAt(offset: number): DomPoint {
    const piece = this.pieceAt(offset);
    return { node: piece.node, offset: piece.offset + Math.min(offset - piece.at, piece.length) };
  }

  pointAfter(offset: number): DomPoint {
    const piece = this.pieceAt(offset - 1);
    return { node: piece.node, offset: piece.offset + Math.min(offset - piece.at, piece.length) };
  }

  nodesBetween(first: Text, last: Text): readonly Text[] {
    return this.nodes.slice(this.nodes.indexOf(first), this.nodes.indexOf(last) + 1);
  }

  /** The last piece starting at or before `offset` (binary search: pieces are in text order). */
  private pieceAt(offset: number): Piece {
    const pieces = this.pieces;
    let low = 0;
    let high = pieces.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (pieces[mid]!.at <= offset) low = mid;
      else high = mid - 1;
    }
    return pieces[low]!;
  }
}

class Builder {
  private readonly parts: string[] = [];
  private length = 0;
  private afterSpace = true;
  private readonly pieces: Piece[] = [];
  private readonly nodes: Text[] = [];

  addText(node: Text, from: number, to: number): void {
    this.nodes.push(node);
    const data = node.data;
    let runStart = -1;
    for (let i = from; i < to; i++) {
      const space = isSpace(data.charCodeAt(i));
      if (space && this.afterSpace) {
        if (runStart >= 0) this.copy(node, runStart, i);
        runStart = -1;
        continue;
      }
      if (runStart < 0) runStart = i;
      this.afterSpace = space;
    }
    if (runStart >= 0) this.copy(node, runStart, to);
  }

  addBreak(): void {
    if (this.parts[this.parts.length - 1] === BREAK) return;
    this.parts.push(BREAK);
    this.length += 1;
    this.afterSpace = true;
  }

  build(cutStart: boolean, cutEnd: boolean): Segment {
    return new PiecewiseSegment(this.parts.join(''), cutStart, cutEnd, this.nodes, this.pieces);
  }

  private copy(node: Text, from: number, to: number): void {
    const run = node.data.slice(from, to).replace(CONTROL_SPACE, ' ');
    this.pieces.push({ at: this.length, node, offset: from, length: run.length });
    this.parts.push(run);
    this.length += run.length;
  }
}
