import { signal } from '@preact/signals';
import type { HistoryView } from '../src/core/history/types';
import { send } from '../src/messaging/client';

/** How many calls the history table shows, newest first. */
export const HISTORY_TABLE_LIMIT = 500;

/** The call history as the hub last reported it; `undefined` until loaded. */
export const history = signal<HistoryView | undefined>(undefined);
/** Why the history could not be loaded (the last load failed). */
export const historyError = signal<string | undefined>(undefined);
/** True while the history is on its way. */
export const historyLoading = signal(false);

/** Loads the newest calls; on failure the table keeps what it had and says why. */
export async function loadHistory(): Promise<void> {
  historyLoading.value = true;
  try {
    history.value = await send('getHistory', { limit: HISTORY_TABLE_LIMIT });
    historyError.value = undefined;
  } catch (error) {
    historyError.value = error instanceof Error ? error.message : String(error);
  } finally {
    historyLoading.value = false;
  }
}

/** Forgets the loaded history (tests). */
export function resetHistory(): void {
  history.value = undefined;
  historyError.value = undefined;
  historyLoading.value = false;
}
