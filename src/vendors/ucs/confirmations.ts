/**
 * Method calls waiting for UCS to confirm them. The bundle's methods return nothing: success shows as a
 * callback (onCallHold after `tribute`), a refusal as an onWarning/onError whose text starts with the
 * method's name. A confirmed call resolves, a refused one rejects with UCS's words, and a method with no
 * documented callback resolves after a short wait in which no refusal came.
 */
import type { MethodStep } from './command-plan';

interface Waiting {
  readonly step: MethodStep;
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
  readonly timer: ReturnType<typeof setTimeout>;
}

/** How long waits last. */
export interface ConfirmTiming {
  /** For a confirming callback (ms). */
  readonly confirmMs: number;
  /** For a refusal of a method without one (ms). */
  readonly graceMs: number;
}

export class Confirmations {
  private readonly waiting = new Set<Waiting>();

  constructor(
    private readonly timing: ConfirmTiming,
    private readonly timeoutMessage: (step: MethodStep) => string,
  ) {}

  /** Waits for `step`'s outcome; call right before sending the method. */
  expect(step: MethodStep): Promise<void> {
    return new Promise((resolve, reject) => {
      const confirmed = step.confirmedBy !== undefined;
      const timer = setTimeout(
        () => {
          if (!this.waiting.delete(entry)) return;
          if (confirmed) reject(new Error(this.timeoutMessage(step)));
          else resolve();
        },
        confirmed ? this.timing.confirmMs : this.timing.graceMs,
      );
      const entry: Waiting = { step, resolve, reject, timer };
      this.waiting.add(entry);
    });
  }

  /** A callback arrived: resolves the calls it confirms. */
  callback(name: string, args: readonly unknown[]): void {
    for (const entry of [...this.waiting]) {
      if (entry.step.confirmedBy?.(name, args)) this.settle(entry).resolve();
    }
  }

  /** A warning or error text: rejects the call it refuses; true when one took it (no notice needed). */
  refusal(text: string): boolean {
    for (const entry of this.waiting) {
      const method = entry.step.method;
      if (text === method || text.startsWith(`${method}:`) || text.startsWith(`${method} `)) {
        const reason = text.startsWith(`${method}:`) ? text.slice(method.length + 1).trim() : text;
        this.settle(entry).reject(new Error(`UCS refused ${method}: ${reason}`));
        return true;
      }
    }
    return false;
  }

  /** Rejects everything still waiting (the page closed, the adapter was disposed). */
  failAll(message: string): void {
    for (const entry of [...this.waiting]) this.settle(entry).reject(new Error(message));
  }

  /** Stops waiting for `step` (its send failed). */
  cancel(step: MethodStep): void {
    for (const entry of [...this.waiting]) if (entry.step === step) this.settle(entry);
  }

  private settle(entry: Waiting): Waiting {
    this.waiting.delete(entry);
    clearTimeout(entry.timer);
    return entry;
  }
}
