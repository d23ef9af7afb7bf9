import { parseHttpUrl } from '../http-url';
import { type MatchPattern, parseMatchPattern, urlMatches } from './match-pattern';
import type { AutofillRule, SoftbarConfig } from './types';

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

/** Whether Softbar stays off `url` entirely: not an http(s) page, or a page matching a `block` pattern. */
export function siteBlocked(url: string, sites: SoftbarConfig['sites']): boolean {
  const parsed = parseHttpUrl(url);
  return !parsed || anyMatches(sites.block, parsed);
}

/**
 * Whether click-to-dial dials at once on `url`: an http(s) page not blocked, matching an `allow` pattern,
 * or any such page when `allow` is empty. Elsewhere the agent confirms each number first.
 * Patterns that do not parse match nothing (validation refuses them before they are stored).
 */
export function siteAllowed(url: string, sites: SoftbarConfig['sites']): boolean {
  const parsed = parseHttpUrl(url);
  if (!parsed || anyMatches(sites.block, parsed)) return false;
  return sites.allow.length === 0 || anyMatches(sites.allow, parsed);
}

/** The admin's excluded selectors that apply on `url`. */
export function excludedSelectors(url: string, sites: SoftbarConfig['sites']): string[] {
  const parsed = parseHttpUrl(url);
  if (!parsed) return [];
  return sites.exclude
    .filter((entry) => anyMatches([entry.match], parsed))
    .flatMap((entry) => entry.selectors);
}

/** Whether `url` (any text) is an http(s) URL matching the match pattern `source`. */
export function urlMatchesPattern(url: string, source: string): boolean {
  const parsed = parseHttpUrl(url);
  return parsed !== undefined && anyMatches([source], parsed);
}

/**
 * Autofill rules whose pattern can match a page of `url`'s origin (any path): a CRM moves between its
 * pages without reloading, so the content script gets its site's rules and checks the path itself.
 */
export function autofillRulesFor(url: string, rules: readonly AutofillRule[]): AutofillRule[] {
  const parsed = parseHttpUrl(url);
  if (!parsed) return [];
  return rules.filter((rule) => {
    const pattern = compile(rule.match);
    return pattern !== null && urlMatches({ ...pattern, path: /^/ }, parsed);
  });
}
