import type { HubState } from '../../core/hub-state';

/** The part of the hub the call history uses; the `Hub` fits. */
export interface HistoryHub {
  /** The live state now. */
  readonly current: HubState;
  /** Calls `listener` with every new state; returns the unsubscribe. */
  subscribe(listener: (state: HubState) => void): () => void;
  /** Replaces the calls waiting for notes that the bar shows. */
  setWrapUp(items: HubState['wrapUp']): void;
}
