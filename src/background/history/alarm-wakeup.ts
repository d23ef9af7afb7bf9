import type { Logger } from '../hub';
import type { WakeUpScheduler } from './wake-up';

/** The one alarm the call history uses. */
export const HISTORY_ALARM = 'softbar.history.outbox';

/** The part of `chrome.alarms` the wake-up needs (a fake in tests). */
export type AlarmsApi = Pick<typeof chrome.alarms, 'create' | 'clear'>;

/**
 * A wake-up by `chrome.alarms`: it survives the worker being stopped and starts it again, but Chrome
 * fires it 30 s after it is set at the earliest. Pair it with `timerWakeUp` for shorter delays.
 */
export function alarmWakeUp(log: Logger, alarms: AlarmsApi = chrome.alarms): WakeUpScheduler {
  const failed = (error: unknown) => log('warn', 'could not set the call history alarm', error);
  return {
    wakeAt: (epochMs) => {
      alarms.create(HISTORY_ALARM, { when: epochMs }).catch(failed);
    },
    clear: () => {
      alarms.clear(HISTORY_ALARM).catch(failed);
    },
  };
}

/**
 * For the worker's `chrome.alarms.onAlarm` listener: runs `wake` (the history's) when the alarm is the
 * history's, and returns its promise; returns undefined for any other alarm.
 */
export function wakeOnHistoryAlarm(
  alarm: { readonly name: string },
  wake: () => Promise<void>,
): Promise<void> | undefined {
  return alarm.name === HISTORY_ALARM ? wake() : undefined;
}
