import { urlMatchesPattern } from '../../src/core/config/site-match';
import type { AutofillRule } from '../../src/core/config/types';

/**
 * The rules whose pattern matches `href`, the page's URL right now. The hub sends the rules for the
 * whole origin; a CRM changes its path without reloading, so the path is checked here, each time.
 */
export function rulesForPage(rules: readonly AutofillRule[], href: string): AutofillRule[] {
  return rules.filter((rule) => urlMatchesPattern(href, rule.match));
}
