import { Affordance } from './affordance';
import type { PhoneScan, ScanOptions } from './contract';
import { listenForDialLinks } from './dial-links';
import { joinSelectors } from './dom-rules';
import { makeFinder } from './finder';
import { trackFocus } from './focus';
import { Lookup } from './lookup';
import { PerfMarks } from './perf-marks';
import { trackPointer } from './pointer';

export type { DialRequest, PhoneScan, ScanOptions } from './contract';

/**
 * Makes the phone numbers on the page one click to dial, without reading the page ahead of time and
 * without changing its DOM. The "Call" button is only ever shown for the number under the pointer or in
 * the focused element, so that is the only text ever read: when the agent points (once per animation
 * frame at most) or focuses, the block there is read from the live DOM and searched (`lookup.ts`). At
 * start, only listeners are installed: no walk of the page, no MutationObserver, nothing to keep in sync
 * with a page that re-renders. tel:, callto: and sip: links are handled when clicked (`dial-links.ts`).
 */
export function startPhoneScan(doc: Document, options: ScanOptions): PhoneScan {
  const view = doc.defaultView;
  if (!view) return { stop: () => {} };
  const marks = new PerfMarks();
  marks.start();
  const excludeSelector = joinSelectors(doc, options.excludeSelectors);
  const lookup = new Lookup(doc, makeFinder(options.defaultRegion), excludeSelector, marks);

  const listening = new AbortController();
  const affordance = new Affordance(doc, options.onDial);
  trackPointer(doc, listening.signal, affordance, lookup);
  trackFocus(doc, listening.signal, affordance, lookup);
  listenForDialLinks(doc, listening.signal, {
    defaultRegion: options.defaultRegion,
    skipped: (link) => lookup.skipped(link),
    onDial: options.onDial,
  });
  marks.idle(lookup.counters());

  return {
    stop() {
      listening.abort();
      affordance.remove();
    },
  };
}
