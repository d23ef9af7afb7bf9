import { findPhoneNumbers, type PhoneMatch } from '../../src/core/phone/find';
import { hasDigits } from './digits';

export type Finder = (text: string) => readonly PhoneMatch[];

/**
 * Fewer digits than this cannot be a number worth a "Call" button in any region's plan (the shortest
 * subscriber numbers written nationally have five), and most page text stops here without parsing.
 */
export const MIN_DIGITS = 5;

const NONE: readonly PhoneMatch[] = Object.freeze([]);

// The pointer goes back and forth over the same few cells, and every frame it moves in re-reads the
// block under it: the finder's answers for the last texts read are remembered (least recently used
// first out). Texts are at most a read's few kilobytes.
const CACHE_SIZE = 64;

export interface FinderCounts {
  /** Texts handed to `findPhoneNumbers`. */
  calls: number;
  /** Texts answered from the cache. */
  cacheHits: number;
}

/** `findPhoneNumbers` for one region, behind the digit pre-check and a small LRU cache. */
export function makeFinder(
  defaultRegion: string,
  find: typeof findPhoneNumbers = findPhoneNumbers,
): Finder & { readonly counts: FinderCounts } {
  const cache = new Map<string, readonly PhoneMatch[]>();
  const counts: FinderCounts = { calls: 0, cacheHits: 0 };
  const finder = (text: string): readonly PhoneMatch[] => {
    if (!hasDigits(text, MIN_DIGITS)) return NONE;
    const known = cache.get(text);
    if (known) {
      counts.cacheHits++;
      cache.delete(text);
      cache.set(text, known);
      return known;
    }
    counts.calls++;
    const result = find(text, { defaultRegion });
    const found = result.length === 0 ? NONE : result;
    cache.set(text, found);
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
    return found;
  };
  return Object.assign(finder, { counts });
}
