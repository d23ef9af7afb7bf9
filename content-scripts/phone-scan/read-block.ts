import type { PhoneMatch } from '../../src/core/phone/find';
import type { Finder } from './finder';
import { notRenderedInline } from './inline-check';
import { OneNodeSegment, readSegment, type Segment, soleText } from './segment';
import type { BlockEntry, FoundNumber } from './store';

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
 * Reads one block and finds its numbers: undefined when it has none (the common case, which allocates
 * the least). Returns `previous` itself when the block still holds the same text in the same nodes (a
 * row React moved, not changed), so nothing downstream is redone.
 */
export function readBlock(
  block: Element,
  finder: Finder,
  skipsInline: (inline: Element) => boolean,
  previous?: BlockEntry,
): BlockEntry | undefined {
  // The common cell first, building nothing unless it holds a number.
  const sole = soleText(block, skipsInline);
  if (sole) {
    const text = sole.data;
    if (previous?.segment instanceof OneNodeSegment && previous.segment.holds(sole, text)) return previous;
    const found = finder(text);
    return found.length === 0 ? undefined : entry(new OneNodeSegment(text, sole), found);
  }
  let segment = readSegment(block, skipsInline);
  if (previous?.segment.sameAs(segment)) return previous;
  let found = finder(segment.text);
  if (found.length === 0) return undefined;
  const spanned = multiNodeSpans(segment, found);
  if (spanned.length > 0) {
    // Only a number made of several text nodes needs to know the page really renders them on one line.
    const notInline = notRenderedInline(spanned, block);
    if (notInline.size > 0) {
      segment = readSegment(block, skipsInline, notInline);
      found = finder(segment.text);
      if (found.length === 0) return undefined;
    }
  }
  return entry(segment, found);
}

function entry(segment: Segment, found: readonly PhoneMatch[]): BlockEntry {
  const numbers = found.map(
    (match): FoundNumber => ({
      start: segment.pointAt(match.start),
      end: segment.pointAfter(match.end),
      raw: match.raw,
      e164: match.e164,
    }),
  );
  return { segment, numbers };
}
