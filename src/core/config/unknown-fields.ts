import { formatPath, type PathSegment } from './paths';
import type { ConfigIssue } from './types';
import { didYouMean, quote } from './wording';

/**
 * Fields of `object` that are not in `known`, each named with the known list: most are typos, and valibot's
 * `object` would drop them without a word.
 */
export function unknownFields(
  object: Readonly<Record<string, unknown>>,
  known: readonly string[],
  at: readonly PathSegment[],
  knownIntro: string,
): ConfigIssue[] {
  return Object.keys(object)
    .filter((key) => !known.includes(key))
    .map((key) => ({
      path: formatPath([...at, key]),
      message: `unknown field ${quote(key)}${didYouMean(key, known)}; ${knownIntro}: ${known.join(', ')}`,
    }));
}
