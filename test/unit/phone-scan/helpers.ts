import { makeFinder } from '../../../content-scripts/phone-scan/finder';
import { Lookup } from '../../../content-scripts/phone-scan/lookup';
import { PerfMarks } from '../../../content-scripts/phone-scan/perf-marks';
import type { FoundNumber } from '../../../content-scripts/phone-scan/read-block';

/** A found number, as tests compare it. */
export interface Found {
  /** As the page shows it. */
  readonly raw: string;
  /** In E.164. */
  readonly e164: string;
  /** The text the number's DOM range covers now. */
  readonly rangeText: string;
}

/** A lookup over `document`, with the real finder. */
export function makeLookup(options: { excludeSelector?: string; region?: string } = {}): Lookup {
  return new Lookup(
    document,
    makeFinder(options.region ?? 'US'),
    options.excludeSelector ?? '',
    new PerfMarks(),
  );
}

/** What a lookup finds in the block of each element (pointing at it, or focusing it), in order. */
export function numbersAt(
  targets: string | readonly Element[],
  options: { excludeSelector?: string; region?: string } = {},
): Found[] {
  const lookup = makeLookup(options);
  const elements = typeof targets === 'string' ? [...document.querySelectorAll(targets)] : targets;
  return elements.flatMap((element) => lookup.numbersOf(element).map(found));
}

function found(number: FoundNumber): Found {
  const range = document.createRange();
  range.setStart(number.start.node, number.start.offset);
  range.setEnd(number.end.node, number.end.offset);
  return { raw: number.raw, e164: number.e164, rangeText: range.toString() };
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
