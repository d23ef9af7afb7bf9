/** How often to ask, and how long an answer may take. */
export interface HeartbeatTiming {
  /** Between two questions. */
  readonly intervalMs: number;
  /** From an unanswered question to `silent`. */
  readonly answerMs: number;
}

/**
 * Asks the widget for its status at intervals, so a widget that lost its server shows in the bar: when
 * nothing comes back within `answerMs` of a question, it calls `silent`.
 */
export class Heartbeat {
  private interval: ReturnType<typeof setInterval> | undefined;
  private deadline: ReturnType<typeof setTimeout> | undefined;

  /**
   * @param ask posts the question; returns false when no question can be asked now (nothing to time).
   * @param silent the widget did not answer in time.
   */
  constructor(
    private readonly timing: HeartbeatTiming,
    private readonly ask: () => boolean,
    private readonly silent: () => void,
  ) {}

  /** Starts asking; calling it again changes nothing. */
  start(): void {
    this.interval ??= setInterval(() => this.beat(), this.timing.intervalMs);
  }

  /** The widget spoke: it answers. */
  heard(): void {
    clearTimeout(this.deadline);
    this.deadline = undefined;
  }

  /** Stops asking and timing. */
  stop(): void {
    clearInterval(this.interval);
    this.interval = undefined;
    this.heard();
  }

  private beat(): void {
    // An earlier question still unanswered keeps its deadline: the silence is timed from it.
    if (!this.ask() || this.deadline) return;
    this.deadline = setTimeout(() => {
      this.deadline = undefined;
      this.silent();
    }, this.timing.answerMs);
  }
}
