import type { Call } from '../call';
import type { ScreenPopRule } from '../config/types';
import type { HubState } from '../hub-state';
import { conditionsHold } from './conditions';
import { momentReached } from './moment';

/** Ended calls older than this no longer pop (a rule added later must not pop the whole recent list). */
export const ENDED_POP_WINDOW_MS = 2 * 60_000;

/** One screen-pop to perform. */
export interface DuePop {
  /** The rule that fires. */
  readonly rule: ScreenPopRule;
  /** The call it fires for, as the hub has it now. */
  readonly call: Call;
  /** `ruleId|callId`: performed at most once, across tabs and worker restarts. */
  readonly key: string;
}

export const popKey = (ruleId: string, callId: string) => `${ruleId}|${callId}`;

/**
 * The pops `state` calls for that have not been done yet: for every live or just-ended call, every rule
 * whose moment the call has reached and whose conditions hold (an ended call: `ended` rules only).
 * Rules run in the order written.
 */
export function screenPopsDue(
  state: HubState,
  rules: readonly ScreenPopRule[],
  done: ReadonlySet<string>,
  now: number,
): DuePop[] {
  if (rules.length === 0) return [];
  const ended = state.recent.filter((call) => (call.endedAt ?? 0) >= now - ENDED_POP_WINDOW_MS);
  const due: DuePop[] = [];
  // One pop per key even when the input repeats a rule id or a call (rules not validated yet, a stale list).
  const queued = new Set<string>();
  for (const call of [...state.calls, ...ended]) {
    for (const rule of rules) {
      // A call that is over only pops its `ended` rules; opening its record "on ringing" now would be late.
      if (call.state === 'ended' && rule.on !== 'ended') continue;
      const key = popKey(rule.id, call.id);
      if (
        done.has(key) ||
        queued.has(key) ||
        !momentReached(call, rule.on) ||
        !conditionsHold(rule.conditions, call)
      )
        continue;
      queued.add(key);
      due.push({ rule, call, key });
    }
  }
  return due;
}
