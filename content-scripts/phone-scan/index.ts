import { Affordance } from './affordance';
import { joinSelectors } from './classify';
import type { PhoneScan, ScanOptions } from './contract';
import { listenForDialLinks } from './dial-links';
import { SKIP_SELECTOR } from './dom-rules';
import { makeFinder } from './finder';
import { trackFocus } from './focus';
import { IdleRunner } from './idle-runner';
import { PerfMarks } from './perf-marks';
import { trackPointer } from './pointer';
import { Scanner } from './scanner';
import { type FoundNumber, NumberStore } from './store';

export type { DialRequest, PhoneScan, ScanOptions } from './contract';

/**
 * Finds the phone numbers on the page and makes them one click to dial, without changing the page's
 * DOM: numbers are remembered as DOM positions, and the "Call" button is drawn in our own layer.
 *
 * The scan (initial and after every mutation) runs in idle-time slices of a few milliseconds; see
 * `scanner.ts` for the work and `idle-runner.ts` for the slicing.
 */
export function startPhoneScan(doc: Document, options: ScanOptions): PhoneScan {
  const view = doc.defaultView;
  if (!view) return { stop: () => {} };
  const excludeSelector = joinSelectors(doc, options.excludeSelectors);
  const store = new NumberStore();
  const finder = makeFinder(options.defaultRegion);
  const scanner = new Scanner(doc, store, finder, excludeSelector);
  const marks = new PerfMarks();
  const runner = new IdleRunner(
    view,
    (outOfTime) => scanner.run(outOfTime),
    (timing) => {
      marks.slice(timing);
      if (timing.drained) {
        marks.idle({
          numbers: store.numberCount,
          blocks: store.blockCount,
          blocksRead: scanner.stats.blocksRead,
          textNodes: scanner.stats.textNodes,
          finderCalls: finder.calls(),
          mutations: scanner.stats.mutations,
        });
      }
    },
  );
  const observer = new view.MutationObserver((records) => {
    scanner.takeMutations(records);
    runner.kick();
  });
  observer.observe(doc.documentElement, { childList: true, characterData: true, subtree: true });

  marks.start();
  scanner.scanTree(doc.documentElement);
  runner.kick();

  // The scan does not watch attributes: a cell may have become an editor or an excluded area since it
  // was read. One `closest()` when a number is about to be offered settles it.
  const skipSelector = excludeSelector ? `${SKIP_SELECTOR},${excludeSelector}` : SKIP_SELECTOR;
  const skipped = (element: Element) => doc.designMode === 'on' || element.closest(skipSelector) !== null;
  const allowed = (number: FoundNumber) => {
    const parent = number.start.node.parentElement;
    return parent !== null && !skipped(parent);
  };

  const listening = new AbortController();
  const affordance = new Affordance(doc, options.onDial);
  trackPointer(doc, listening.signal, affordance, store, allowed);
  trackFocus(doc, listening.signal, affordance, store, allowed);
  listenForDialLinks(doc, listening.signal, {
    defaultRegion: options.defaultRegion,
    skipped: (link) => skipped(link),
    onDial: options.onDial,
  });

  return {
    stop() {
      observer.disconnect();
      runner.stop();
      listening.abort();
      affordance.remove();
      store.clear();
    },
  };
}
