import type { Call } from '../../core/call';
import type { Command } from '../../core/commands';
import type { HubState } from '../../core/hub-state';
import type { Hub, KeyValueStore, Logger } from '../hub';
import { persistedKeys } from '../shared/persisted-keys';
import { singleFlight } from '../shared/single-flight';
import {
  ANSWER_BUTTON,
  callIdOf,
  callNotification,
  DECLINE_BUTTON,
  notificationId,
} from './call-notification';
import type { NotificationEvents, NotificationsApi } from './notifications-api';

export interface CallNotifierDeps {
  /** The hub: its state and changes, the commands the buttons run, and notices for the bar. */
  readonly hub: Pick<Hub, 'current' | 'subscribe' | 'execute' | 'dispatch'>;
  /** Desktop notifications. */
  readonly notifications: NotificationsApi;
  /** chrome.storage.session: which calls were notified survives a worker restart. */
  readonly store: KeyValueStore;
  /** Whether the agent is looking at a CRM page now (then the bar shows the call and no notification is needed). */
  readonly crmFocused: () => Promise<boolean>;
  /** Brings the agent's CRM tab to the front. */
  readonly focusCrm: () => Promise<void>;
  /** Epoch ms, for the notices of failed actions. */
  readonly now: () => number;
  /** Failures to notify, clear or act are logged here. */
  readonly log: Logger;
}

export interface CallNotifier extends NotificationEvents {
  /** Loads what was notified before a restart, then follows the hub. Call once, after the hub restored its state. */
  start(): Promise<void>;
  /** Looks again (the agent's focus changed, say); resolves when that pass is over. */
  check(): Promise<void>;
  /** Stops following the hub. */
  stop(): void;
}

const SEEN_KEY = 'notifier.seen.v1';
const OPEN_KEY = 'notifier.open.v1';

const ringingInbound = (state: HubState): Map<string, Call> =>
  new Map(
    state.calls.filter((c) => c.direction === 'inbound' && c.state === 'ringing').map((c) => [c.id, c]),
  );

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * A desktop notification with Answer and Decline for each inbound call that rings while the agent is
 * not looking at a CRM page. At most one per call, also across worker restarts: a call is "seen" once
 * notified and never notified again, even after the agent dismissed it. A call that rings while the
 * agent is on a CRM page is not seen yet, so leaving the page while it still rings notifies then
 * (on the next hub state or `check`).
 */
export function createCallNotifier(deps: CallNotifierDeps): CallNotifier {
  const { hub, notifications, log } = deps;
  const seen = persistedKeys(deps.store, SEEN_KEY, 200);
  // Notifications on screen, to clear when their call stops ringing, even one shown before a restart.
  const open = persistedKeys(deps.store, OPEN_KEY, 200);
  let begun = false;
  let loaded!: () => void;
  const ready = new Promise<void>((resolve) => {
    loaded = resolve;
  });
  let unsubscribe: (() => void) | undefined;

  const save = async () => {
    try {
      await Promise.all([seen.save(), open.save()]);
    } catch (error) {
      log('error', 'could not record call notifications', error);
    }
  };

  const clear = async (callIds: readonly string[]) => {
    if (callIds.length === 0) return;
    open.remove(callIds);
    await save();
    for (const callId of callIds) {
      await notifications.clear(notificationId(callId)).catch((error) => {
        log('warn', 'could not clear a call notification', error);
      });
    }
  };

  async function pass(): Promise<void> {
    const ringing = ringingInbound(hub.current);
    await clear([...open.keys].filter((callId) => !ringing.has(callId)));
    if (![...ringing.keys()].some((callId) => !seen.keys.has(callId))) return;
    let focused = false;
    try {
      focused = await deps.crmFocused();
    } catch (error) {
      // Better a notification too many than a call the agent never hears of.
      log('warn', 'could not tell whether a CRM page has the focus', error);
    }
    if (focused) return;
    // The state may have moved on while the browser answered.
    const fresh = [...ringingInbound(hub.current).values()].filter((call) => !seen.keys.has(call.id));
    if (fresh.length === 0) return;
    const ids = fresh.map((call) => call.id);
    // Recorded before it shows, so a restart in between cannot notify twice.
    seen.add(ids);
    open.add(ids);
    await save();
    for (const call of fresh) {
      await notifications.create(notificationId(call.id), callNotification(call)).catch((error) => {
        log('warn', `could not show a notification for call ${call.id}`, error);
      });
    }
  }

  const run = singleFlight(() =>
    pass().catch((error: unknown) => log('error', 'call notification pass failed', error)),
  );

  async function act(callId: string, command: Command, verb: string): Promise<void> {
    try {
      await hub.execute(command);
      await clear([callId]);
    } catch (error) {
      log('warn', `${verb} from the notification failed`, error);
      const text = `Could not ${verb.toLowerCase()} the call: ${message(error)}`;
      hub.dispatch({ type: 'notice', at: deps.now(), level: 'warning', text });
      const call = ringingInbound(hub.current).get(callId);
      if (call && open.keys.has(callId)) {
        await notifications.create(notificationId(callId), callNotification(call, text)).catch(() => {});
      } else {
        await clear([callId]);
      }
    }
  }

  return {
    async start() {
      if (begun) return;
      begun = true;
      try {
        await Promise.all([seen.load(), open.load()]);
      } catch (error) {
        // Not knowing what was notified, treat every call ringing now as notified rather than risk a repeat.
        log('error', 'could not read the call notifications shown before', error);
        seen.add([...ringingInbound(hub.current).keys()]);
      }
      loaded();
      unsubscribe = hub.subscribe(() => void run());
      await run();
    },
    check: () => (begun ? ready.then(run) : Promise.resolve()),
    stop() {
      unsubscribe?.();
      unsubscribe = undefined;
    },
    // Events can wake a stopped worker before `start`: they wait for the restored state.
    async buttonClicked(id, buttonIndex) {
      const callId = callIdOf(id);
      if (callId === undefined) return;
      await ready;
      if (buttonIndex === ANSWER_BUTTON) await act(callId, { type: 'answer', callId }, 'Answer');
      else if (buttonIndex === DECLINE_BUTTON) await act(callId, { type: 'reject', callId }, 'Decline');
    },
    async clicked(id) {
      if (callIdOf(id) === undefined) return;
      await deps.focusCrm().catch((error) => log('warn', 'could not bring the CRM to the front', error));
    },
    async closed(id) {
      const callId = callIdOf(id);
      if (callId === undefined) return;
      await ready;
      if (!open.keys.has(callId)) return;
      open.remove([callId]);
      await save();
    },
  };
}
