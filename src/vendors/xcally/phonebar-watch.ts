import type { PhonebarCall, PhonebarClient } from './phonebar';

/** How often the Phonebar's call list is read while a call is live. */
export const POLL_INTERVAL_MS = 1_000;

/** What the watch asks and tells its owner. */
export interface WatchListener {
  /** Whether there is anything to watch (a live call); the watch stops when not. */
  active(): boolean;
  /** The Phonebar's current call list. */
  calls(calls: readonly PhonebarCall[]): void;
  /** Reading the list failed; `streak` counts the failures in a row. */
  failed(error: unknown, streak: number): void;
}

/**
 * Reads the Phonebar's call list every POLL_INTERVAL_MS while a call is live, and stops when the agent
 * is idle: the realtime events say nothing of an outbound call's progress, a declined call, or hold.
 */
export class PhonebarWatch {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private streak = 0;
  private stopped = false;
  /** Counts the changes of the calls; a list read before the latest change is stale. */
  private generation = 0;

  constructor(
    private readonly client: Pick<PhonebarClient, 'calls'>,
    private readonly listener: WatchListener,
    private readonly intervalMs = POLL_INTERVAL_MS,
  ) {}

  /** Starts polling if there is something to watch and it is not polling already. */
  wake(): void {
    if (this.stopped || this.timer !== undefined || !this.listener.active()) return;
    this.timer = setTimeout(() => void this.tick(), this.intervalMs);
  }

  /** The calls changed (a dial, a realtime event): lists being read now may predate it. */
  changed(): void {
    this.generation += 1;
  }

  /**
   * Reads the list now and hands it over, unless the calls changed while it was read (it would then
   * miss a call just placed); rejects with the Phonebar's message when it fails.
   */
  async now(): Promise<readonly PhonebarCall[]> {
    const started = this.generation;
    const calls = await this.client.calls();
    if (!this.stopped && started === this.generation) this.listener.calls(calls);
    return calls;
  }

  /** Stops for good. */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private async tick(): Promise<void> {
    try {
      await this.now();
      this.streak = 0;
    } catch (error) {
      this.streak += 1;
      if (!this.stopped) this.listener.failed(error, this.streak);
    }
    this.timer = undefined;
    this.wake();
  }
}
