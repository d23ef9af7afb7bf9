import type { Call } from '../../src/core/call';
import type { AutofillRule } from '../../src/core/config/types';
import type { HubState } from '../../src/core/hub-state';
import { conditionsHold } from '../../src/core/rules/conditions';
import { momentReached } from '../../src/core/rules/moment';
import { rulesForPage } from './page-rules';

/** A rule that should fill this page from one call. */
export interface DueFill {
  /** The rule, which matches the page's URL. */
  readonly rule: AutofillRule;
  /** The call whose fields fill the form. */
  readonly call: Call;
}

/**
 * How long before the page opened a call may have ended and still fill it: a screen-pop opens the form
 * right after hang-up, but a form the agent opens later is not filled from an old call.
 */
export const ENDED_GRACE_MS = 60_000;

/**
 * Which rules fill the page at `href` from which calls, by level, not by edge (a page opened during a
 * call still fills): `ringing` and `answered` rules from live calls that reached the moment, `ended`
 * rules from calls that ended at most a minute before `pageSince` (when the page, or its current URL,
 * opened). Older calls come first, so with overwriting rules the newest call's values win.
 * `manual` rules are never due: they fill from the bar's button only.
 */
export function dueFills(
  state: HubState,
  rules: readonly AutofillRule[],
  href: string,
  pageSince: number,
): DueFill[] {
  const due: DueFill[] = [];
  for (const rule of rulesForPage(rules, href)) {
    if (rule.on === 'manual') continue;
    const moment = rule.on;
    const calls =
      moment === 'ended'
        ? state.recent
            .filter((call) => (call.endedAt ?? call.createdAt) >= pageSince - ENDED_GRACE_MS)
            .reverse()
        : state.calls;
    for (const call of calls) {
      if (momentReached(call, moment) && conditionsHold(rule.conditions, call)) due.push({ rule, call });
    }
  }
  return due;
}
