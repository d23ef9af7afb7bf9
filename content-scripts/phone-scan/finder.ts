import { findPhoneNumbers, type PhoneMatch } from '../../src/core/phone/find';
import { hasDigits } from './digits';

export type Finder = (text: string) => readonly PhoneMatch[];

/**
 * Fewer digits than this cannot be a number worth a "Call" button in any region's plan (the shortest
 * subscriber numbers written nationally have five), and most page text stops here without parsing.
 */
export const MIN_DIGITS = 5;

const NONE: readonly PhoneMatch[] = Object.freeze([]);

// CRM tables repeat short strings (dates, statuses, the same number in several rows; a re-render shows
// the same texts again in new nodes), and the finder is the costliest step per cell, so its answers for
// short texts are remembered. Cleared wholesale when full: simpler than LRU and as good for a working
// set that is "the cells on this page".
const CACHE_LIMIT = 4096;
const CACHEABLE_LENGTH = 64;

/** `findPhoneNumbers` for one region, behind the digit pre-check and a cache. */
export function makeFinder(
  defaultRegion: string,
  find: typeof findPhoneNumbers = findPhoneNumbers,
): Finder & { readonly calls: () => number } {
  const cache = new Map<string, readonly PhoneMatch[]>();
  let calls = 0;
  const finder = (text: string): readonly PhoneMatch[] => {
    if (!hasDigits(text, MIN_DIGITS)) return NONE;
    const cacheable = text.length <= CACHEABLE_LENGTH;
    const known = cacheable ? cache.get(text) : undefined;
    if (known) return known;
    calls++;
    const result = find(text, { defaultRegion });
    const found = result.length === 0 ? NONE : result;
    if (cacheable) {
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(text, found);
    }
    return found;
  };
  return Object.assign(finder, { calls: () => calls });
}
