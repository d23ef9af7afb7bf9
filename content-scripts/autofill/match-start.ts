import type { AutofillRule } from '../../src/core/config/types';

/** When each rule's window opened on this page: see `trackMatchStart`. */
export type MatchStart = (rule: AutofillRule) => number;

/**
 * Remembers since when each rule, as configured now, has matched the page's URL without a break, and
 * answers the later of that and the page's load. A rule that starts matching late (the configuration
 * changed, a single-page CRM moved to the form, a new URL) starts its window then, not at page load, so a
 * form left open for hours is not filled from a call that ended long ago. Returns the update function:
 * give it the rules that match `href` now, on every look; rules it does not get are forgotten.
 */
export function trackMatchStart(
  loadedAt: number,
): (pageRules: readonly AutofillRule[], href: string, now: number) => MatchStart {
  let lastHref: string | undefined;
  let since: ReadonlyMap<string, number> = new Map();
  return (pageRules, href, now) => {
    // A new URL is a new page for the agent: every rule starts again.
    const kept = href === lastHref ? since : new Map<string, number>();
    const next = new Map<string, number>();
    // By content, not id: an edited rule (other moment, other conditions) is a new rule.
    for (const rule of pageRules) {
      const key = JSON.stringify(rule);
      next.set(key, kept.get(key) ?? Math.max(loadedAt, now));
    }
    lastHref = href;
    since = next;
    return (rule) => next.get(JSON.stringify(rule)) ?? Math.max(loadedAt, now);
  };
}
