import type { ScreenPopRule } from '../../core/config/types';
import { type DuePop, screenPopsDue } from '../../core/rules/screen-pops-due';
import type { Hub, KeyValueStore, Logger } from '../hub';
import { persistedKeys } from '../shared/persisted-keys';
import { singleFlight } from '../shared/single-flight';
import type { TabsApi } from '../tabs/tabs-api';
import { openTarget } from './open-target';
import { ruleTarget } from './rule-target';

export interface ScreenPopperDeps {
  /** The hub: its state and changes, the bar's frame panel, and notices for the agent. */
  readonly hub: Pick<Hub, 'current' | 'subscribe' | 'setFrame' | 'dispatch'>;
  /** The rules in force; read afresh on every state, since the configuration can change. */
  readonly rules: () => readonly ScreenPopRule[];
  /** chrome.storage.session: the pops already done survive a worker restart. */
  readonly doneStore: KeyValueStore;
  /** The browser's tabs and windows. */
  readonly tabs: TabsApi;
  /** Epoch ms, for which pops are due and the frame's time. */
  readonly now: () => number;
  /** Pops not performed, and why, are logged here. */
  readonly log: Logger;
  /** Told of each page a rule opened (the hub passes it to vendors that report pops, e.g. xCALLY). */
  readonly onPopped?: (pop: { readonly callId: string; readonly url: string; readonly rule: string }) => void;
}

export interface ScreenPopper {
  /** Loads the pops already done, then pops for the current state and every later one. Call once, after the hub restored its state. */
  start(): Promise<void>;
  /** Looks at the current state again (after the rules changed, say); resolves when that pass is over. */
  check(): Promise<void>;
  /** Stops following the hub. */
  stop(): void;
}

const DONE_KEY = 'screenPop.done.v1';

/**
 * Performs screen-pops: each rule at most once per call, however many tabs are open and across worker
 * restarts. A pop is recorded durably before it opens, so a crash in between loses that pop rather
 * than repeating it.
 */
export function createScreenPopper(deps: ScreenPopperDeps): ScreenPopper {
  const { hub, log } = deps;
  const done = persistedKeys(deps.doneStore, DONE_KEY);
  /** Settles once the done keys are loaded; no pass may run before, or a restarted worker pops again. */
  let loaded: Promise<void> | undefined;
  let unsubscribe: (() => void) | undefined;

  const notice = (text: string, level: 'info' | 'warning' = 'warning') =>
    hub.dispatch({ type: 'notice', at: deps.now(), level, text });

  async function perform({ rule, call }: DuePop): Promise<void> {
    const built = ruleTarget(rule, call);
    if (!built.ok) {
      log('warn', `screen-pop rule ${rule.id} not performed: ${built.error}`);
      notice(`Screen-pop rule "${rule.id}" was not performed: ${built.error}`);
      return;
    }
    try {
      const outcome = await openTarget(built.target, {
        tabs: deps.tabs,
        setFrame: hub.setFrame.bind(hub),
        now: deps.now,
      });
      if (outcome === 'nothing' && built.target.kind === 'focus') {
        notice(
          `Screen-pop rule "${rule.id}": no open tab matches ${built.target.tabPattern}; nothing to focus.`,
          'info',
        );
      } else if ('url' in built.target && built.target.url) {
        deps.onPopped?.({ callId: call.id, url: built.target.url, rule: rule.id });
      }
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      log('warn', `screen-pop rule ${rule.id} failed to open`, error);
      notice(`Screen-pop rule "${rule.id}" could not open its page: ${reason}`);
    }
  }

  async function pass(): Promise<void> {
    const due = screenPopsDue(hub.current, deps.rules(), done.keys, deps.now());
    if (due.length === 0) return;
    done.add(due.map((pop) => pop.key));
    try {
      await done.save();
    } catch (error) {
      // The keys stay in memory, so this worker never repeats them; only a restart could. Popping now is
      // better than dropping a pop the agent is waiting for over a storage hiccup.
      log('error', 'could not record screen-pops as done', error);
    }
    for (const pop of due) await perform(pop);
  }

  const run = singleFlight(() =>
    pass().catch((error: unknown) => log('error', 'screen-pop pass failed', error)),
  );

  return {
    async start() {
      if (loaded) return loaded;
      loaded = done.load().catch((error: unknown) => {
        // Some of what is due now may have popped before the restart: skip it all rather than pop twice.
        log('error', 'could not read the screen-pops already done; skipping the pops due now', error);
        done.add(screenPopsDue(hub.current, deps.rules(), done.keys, deps.now()).map((pop) => pop.key));
      });
      await loaded;
      unsubscribe = hub.subscribe(() => void run());
      await run();
    },
    check: async () => {
      if (!loaded) return;
      await loaded;
      await run();
    },
    stop() {
      unsubscribe?.();
      unsubscribe = undefined;
    },
  };
}
