import { backoffDelay } from '../../core/backoff';

/** Delays between reconnect attempts: `baseMs`, doubling up to `maxMs`, the hub's own schedule. */
export class Backoff {
  private attempt = 0;

  constructor(
    private readonly baseMs: number,
    private readonly maxMs: number,
  ) {}

  /** The delay before the next attempt. */
  next(): number {
    return backoffDelay(this.attempt++, this.baseMs, this.maxMs);
  }

  /** An attempt succeeded: the next failure starts from `baseMs` again. */
  reset(): void {
    this.attempt = 0;
  }
}
