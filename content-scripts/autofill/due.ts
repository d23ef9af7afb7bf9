import type { Call } from '../../src/core/call';
import type { AutofillRule, CallMoment } from '../../src/core/config/types';
import type { HubState } from '../../src/core/hub-state';
import { conditionsHold } from '../../src/core/rules/conditions';
import { momentReached } from '../../src/core/rules/moment';
import type { MatchStart } from './match-start';
import { rulesForPage } from './page-rules';

/** A rule that should fill this page from one call. */
export interface DueFill {
  /** The rule, which matches the page's URL. */
  readonly rule: AutofillRule;
  /** The call whose fields fill the form. */
  readonly call: Call;
}

/**
 * How long before a rule's window opened (the page loaded, or the rule began to match it) a call may
 * have ended and still fill it: a screen-pop opens the form right after hang-up, but a form the agent
 * opens later is not filled from an old call.
 */
export const ENDED_GRACE_MS = 60_000;

/** When `call` reached `moment`, epoch ms; undefined if it has not. */
function reachedAt(call: Call, moment: CallMoment): number | undefined {
  if (!momentReached(call, moment)) return undefined;
  if (moment === 'ringing') return call.createdAt;
  if (moment === 'answered') return call.answeredAt;
  return call.endedAt ?? call.createdAt;
}

/**
 * Which rules fill the page at `href`, each from one call: the newest that reached the rule's moment and
 * meets its conditions. By level, not by edge (a page opened during a call still fills): `ringing` and
 * `answered` rules take live calls, `ended` rules calls that ended at most ENDED_GRACE_MS before the
 * rule's window opened (`matchStart`). `manual` rules are never due: they fill from the bar's button only.
 */
export function dueFills(
  state: HubState,
  rules: readonly AutofillRule[],
  href: string,
  matchStart: MatchStart,
): DueFill[] {
  const due: DueFill[] = [];
  for (const rule of rulesForPage(rules, href)) {
    if (rule.on === 'manual') continue;
    const moment = rule.on;
    const earliest = moment === 'ended' ? matchStart(rule) - ENDED_GRACE_MS : Number.NEGATIVE_INFINITY;
    let newest: { readonly call: Call; readonly at: number } | undefined;
    for (const call of moment === 'ended' ? state.recent : state.calls) {
      const at = reachedAt(call, moment);
      if (at === undefined || at < earliest || (newest && at <= newest.at)) continue;
      if (conditionsHold(rule.conditions, call)) newest = { call, at };
    }
    if (newest) due.push({ rule, call: newest.call });
  }
  return due;
}
