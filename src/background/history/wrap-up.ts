import { toWrapUpItem } from '../../core/history/record';
import type { HubState } from '../../core/hub-state';
import type { Logger } from '../hub';
import { singleFlight } from '../shared/single-flight';
import type { HistoryDb } from './db';
import type { HistoryHub } from './history-hub';
import { awaitingNotes } from './log-store';

/** How many calls waiting for notes the bar lists. */
export const MAX_WRAP_UP = 50;

export interface WrapUpPublisher {
  /** Reads the logs waiting for notes and gives them to the hub when they changed; never rejects. */
  refresh(): Promise<void>;
  /** Checks a hub state: a list that is not the one given (a restored session brought an old one) is redone. */
  follow(state: HubState): void;
}

/** Keeps the hub's wrap-up list equal to the pending and deferred logs in the database. */
export function createWrapUpPublisher(deps: {
  readonly db: () => Promise<HistoryDb>;
  readonly hub: HistoryHub;
  readonly log: Logger;
}): WrapUpPublisher {
  let given: HubState['wrapUp'] | undefined;

  const refresh = singleFlight(async () => {
    try {
      const items = (await awaitingNotes(await deps.db(), MAX_WRAP_UP)).map(toWrapUpItem);
      const shown = deps.hub.current.wrapUp;
      // Equal content: keep the hub's array, so the bar does not get a state that changes nothing.
      if (JSON.stringify(shown) === JSON.stringify(items)) {
        given = shown;
        return;
      }
      given = items;
      deps.hub.setWrapUp(items);
    } catch (error) {
      deps.log('error', 'could not read the calls waiting for notes', error);
    }
  });

  return {
    refresh,
    follow: (state) => {
      if (given !== undefined && state.wrapUp !== given) void refresh();
    },
  };
}
