import { isInline, skipsOwnText } from './dom-rules';

/**
 * The text of one block as a reader sees it, built from the text nodes of the block and of the inline
 * elements inside it, with a map from offsets in that text back to (text node, offset). A number found
 * in the text becomes a DOM range that may span several nodes: `<span>+39</span> <span>02 …</span>`.
 */

/** A position inside a text node. */
export interface DomPoint {
  readonly node: Text;
  readonly offset: number;
}

/** A run of `length` characters of the segment text copied from `node` starting at `offset`. */
interface Piece {
  readonly at: number;
  readonly node: Text;
  readonly offset: number;
  readonly length: number;
}

export interface Segment {
  /** Whitespace collapsed as HTML renders it; `BREAK` wherever the line of text is interrupted. */
  readonly text: string;
  /** The DOM position of the character at `offset`. */
  pointAt(offset: number): DomPoint;
  /** The DOM position just after the character at `offset - 1` (for a match's exclusive end). */
  pointAfter(offset: number): DomPoint;
  /** The text nodes between two positions, both included, in document order. */
  nodesBetween(first: Text, last: Text): readonly Text[];
  /** Whether `other` holds the same text read from the same nodes (the block did not change). */
  sameAs(other: Segment): boolean;
}

/**
 * Put between the text on either side of a block, a `<br>` or a skipped element. A newline: the finder
 * never joins digits across it (verified against libphonenumber), and it cannot come from page text,
 * where whitespace is collapsed to spaces first.
 */
export const BREAK = '\n';

// A page's source indentation ("\n      ") is one space on screen, and the finder rightly gives up on
// numbers broken by long runs of punctuation, so whitespace is collapsed the way HTML renders it.
const isSpace = (code: number) => code === 32 || code === 9 || code === 10 || code === 12 || code === 13;
const NEEDS_COLLAPSE = /[\t\n\f\r]| {2}|^ /;
const CONTROL_SPACE = /[\t\n\f\r]/g;

/**
 * The common block, `<td>+44 20 7946 0958</td>`: one text node whose text needs no collapsing. Built for
 * every cell with digits on the page, so it allocates nothing it does not need.
 */
export class OneNodeSegment implements Segment {
  constructor(
    readonly text: string,
    private readonly node: Text,
  ) {}

  pointAt(offset: number): DomPoint {
    return { node: this.node, offset };
  }

  pointAfter(offset: number): DomPoint {
    return { node: this.node, offset };
  }

  nodesBetween(): readonly Text[] {
    return [this.node];
  }

  sameAs(other: Segment): boolean {
    return other instanceof OneNodeSegment && other.holds(this.node, this.text);
  }

  /** Whether this is `text` read from `node` (checked before building anything new). */
  holds(node: Text, text: string): boolean {
    return node === this.node && text === this.text;
  }
}

/** Text gathered from several nodes (or collapsed), with the runs it was copied from. */
class PiecewiseSegment implements Segment {
  constructor(
    readonly text: string,
    private readonly nodes: readonly Text[],
    private readonly pieces: readonly Piece[],
  ) {}

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

  sameAs(other: Segment): boolean {
    return (
      other instanceof PiecewiseSegment &&
      other.text === this.text &&
      other.nodes.length === this.nodes.length &&
      other.nodes.every((node, i) => node === this.nodes[i])
    );
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
  readonly pieces: Piece[] = [];
  readonly nodes: Text[] = [];

  addText(node: Text): void {
    this.nodes.push(node);
    const data = node.data;
    let runStart = -1;
    for (let i = 0; i < data.length; i++) {
      const space = isSpace(data.charCodeAt(i));
      if (space && this.afterSpace) {
        if (runStart >= 0) this.copy(node, runStart, i);
        runStart = -1;
        continue;
      }
      if (runStart < 0) runStart = i;
      this.afterSpace = space;
    }
    if (runStart >= 0) this.copy(node, runStart, data.length);
  }

  addBreak(): void {
    if (this.parts[this.parts.length - 1] === BREAK) return;
    this.parts.push(BREAK);
    this.length += 1;
    this.afterSpace = true;
  }

  build(): Segment {
    return new PiecewiseSegment(this.parts.join(''), this.nodes, this.pieces);
  }

  private copy(node: Text, from: number, to: number): void {
    const run = node.data.slice(from, to).replace(CONTROL_SPACE, ' ');
    this.pieces.push({ at: this.length, node, offset: from, length: run.length });
    this.parts.push(run);
    this.length += run.length;
  }
}

/**
 * The one text node that holds all of `block`'s text, directly or through a chain of only-child inline
 * elements (`<td><a href="/c/7"><span>+44 20 7946 0958</span></a></td>`), when its text needs no
 * whitespace collapsing. That is most cells of most CRM tables, and they are read with nothing built.
 */
export function soleText(
  block: Element,
  skips: (inline: Element) => boolean = skipsOwnText,
): Text | undefined {
  let parent: Node = block;
  for (;;) {
    const child = parent.firstChild;
    if (!child || child !== parent.lastChild) return undefined;
    if (child.nodeType === Node.TEXT_NODE) {
      return NEEDS_COLLAPSE.test((child as Text).data) ? undefined : (child as Text);
    }
    if (child.nodeType !== Node.ELEMENT_NODE || !isInline(child as Element) || skips(child as Element)) {
      return undefined;
    }
    parent = child;
  }
}

/**
 * Reads the text of `block`: its own text nodes and those of inline descendants, in order. Child blocks
 * are segments of their own and only leave a break here. Inline elements for which `skips` says so (an
 * editable span, a tel: link, an excluded element) leave a break too; elements in `apart` (inline by
 * tag, but found not to render inline) are read with a break on either side.
 */
export function readSegment(
  block: Element,
  skips: (inline: Element) => boolean = skipsOwnText,
  apart?: ReadonlySet<Element>,
): Segment {
  const sole = apart ? undefined : soleText(block, skips);
  if (sole) return new OneNodeSegment(sole.data, sole);
  const builder = new Builder();
  const visit = (parent: Node) => {
    for (let child = parent.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === Node.TEXT_NODE) {
        builder.addText(child as Text);
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        const element = child as Element;
        if (!isInline(element) || skips(element)) {
          builder.addBreak();
        } else if (apart?.has(element)) {
          builder.addBreak();
          visit(element);
          builder.addBreak();
        } else {
          visit(element);
        }
      }
    }
  };
  visit(block);
  return builder.build();
}
