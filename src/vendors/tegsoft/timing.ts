/** The adapter's clocks; internal, and injectable so tests need not wait for them. */
export interface TegsoftTiming {
  /** How often a connected adapter asks the widget for its status, to notice a widget that went quiet. */
  readonly heartbeatMs: number;
  /** How long the widget may take to answer before the bar says Tegsoft is not answering. */
  readonly heartbeatAnswerMs: number;
  /** How many waits may fail on a frame that never sent an event before it is opened afresh. */
  readonly reloadAfterSilentWaits: number;
  /** The first delay of the adapter's own reconnect attempts (after a failed re-login); it doubles. */
  readonly retryBaseMs: number;
  /** The longest delay between those attempts. */
  readonly retryMaxMs: number;
}

/** The timing the extension runs with. */
export const DEFAULT_TIMING: TegsoftTiming = {
  heartbeatMs: 20_000,
  heartbeatAnswerMs: 8_000,
  reloadAfterSilentWaits: 2,
  retryBaseMs: 1_000,
  retryMaxMs: 30_000,
};
