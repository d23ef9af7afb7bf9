import type { PhoneMatch } from '../../src/core/phone/find';
import type { Finder } from './finder';
import { notRenderedInline } from './inline-check';
import { type Anchor, type DomPoint, readSegment, type Segment } from './segment';

/** A number found in page text, located by DOM positions (a Range is made only to measure or check it). */
export interface FoundNumber {
  /** Where its first character is. */
  readonly start: DomPoint;
  /** Just after its last character. */
  readonly end: DomPoint;
  /** As the page shows it, whitespace collapsed. */
  readonly raw: string;
  /** The number in E.164, what a dial sends. */
  readonly e164: string;
}

/** What one read cost, for the counters in the performance marks. */
export interface ReadCounts {
  /** Blocks read. */
  blocksRead: number;
  /** Text nodes visited. */
  textNodes: number;
}

/**
 * What a number cut by the edge of a window looks like from inside it: nothing but digits, spaces and
 * the punctuation of phone numbers between the match and the edge. Such a match may be the tail (or
 * head) of a longer number outside the window, so it is not offered; the pointer is at the window's
 * centre, far from its edges.
 */
const PHONE_CHARS = /^[\p{Nd}\s\p{Pd}+＋()./#*]*$/u;

function whole(segment: Segment, found: readonly PhoneMatch[]): readonly PhoneMatch[] {
  if (!segment.cutStart && !segment.cutEnd) return found;
  const { text } = segment;
  return found.filter(
    (match) =>
      !(segment.cutStart && PHONE_CHARS.test(text.slice(0, match.start))) &&
      !(segment.cutEnd && PHONE_CHARS.test(text.slice(match.end))),
  );
}

/** The text nodes of the matches that span more than one. */
function multiNodeSpans(segment: Segment, found: readonly PhoneMatch[]): Text[] {
  const nodes: Text[] = [];
  for (const match of found) {
    const first = segment.pointAt(match.start).node;
    const last = segment.pointAfter(match.end).node;
    if (first !== last) nodes.push(...segment.nodesBetween(first, last));
  }
  return nodes;
}

/**
 * Reads one block (around `anchor`, when the block is big) and finds its numbers, in order. A match
 * made of several text nodes is kept only if the page really renders those nodes on one line.
 */
export function readBlock(
  block: Element,
  anchor: Anchor | undefined,
  finder: Finder,
  skipsInline: (inline: Element) => boolean,
  counts: ReadCounts,
): FoundNumber[] {
  let segment = readSegment(block, skipsInline, anchor);
  counts.blocksRead++;
  counts.textNodes += segment.textNodes;
  let found = whole(segment, finder(segment.text));
  if (found.length === 0) return [];
  const spanned = multiNodeSpans(segment, found);
  if (spanned.length > 0) {
    const notInline = notRenderedInline(spanned, block);
    if (notInline.size > 0) {
      segment = readSegment(block, skipsInline, anchor, notInline);
      found = whole(segment, finder(segment.text));
    }
  }
  return found.map((match) => ({
    start: segment.pointAt(match.start),
    end: segment.pointAfter(match.end),
    raw: match.raw,
    e164: match.e164,
  }));
}
