import { type MatchPattern, parseMatchPattern, urlMatches } from './match-pattern';
import type { SoftbarConfig } from './types';

/** Compiled patterns by source; a site list is small and checked on every page load. */
const compiled = new Map<string, MatchPattern | null>();
const MAX_CACHED = 500;

function compile(source: string): MatchPattern | null {
  let pattern = compiled.get(source);
  if (pattern === undefined) {
    const parsed = parseMatchPattern(source);
    pattern = parsed.ok ? parsed.pattern : null;
    if (compiled.size >= MAX_CACHED) compiled.clear();
    compiled.set(source, pattern);
  }
  return pattern;
}

function anyMatches(patterns: readonly string[], url: URL): boolean {
  return patterns.some((source) => {
    const pattern = compile(source);
    return pattern !== null && urlMatches(pattern, url);
  });
}

/**
 * Whether the bar and click-to-dial run on `url`: only http(s) pages; a page matching any `block`
 * pattern never; otherwise one matching an `allow` pattern, or any page when `allow` is empty.
 * Patterns that do not parse match nothing (validation refuses them before they are stored).
 */
export function siteAllowed(url: string, sites: SoftbarConfig['sites']): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  if (anyMatches(sites.block, parsed)) return false;
  return sites.allow.length === 0 || anyMatches(sites.allow, parsed);
}
