import type { TransferKind } from '../../core/call';

/** How long an agent's request explains the events that follow it. */
export const INTENT_TTL_MS = 30_000;

type EndAsked = 'hangup' | 'rejected';
type Variables = Readonly<Record<string, string>>;

/**
 * What the agent asked the widget lately that its events do not repeat: why a call ended, where a
 * transfer goes, which number was dialed with which data. A request older than `INTENT_TTL_MS`
 * explains nothing any more.
 */
export class PendingRequests {
  private readonly ends = new Map<string, { reason: EndAsked; at: number }>();
  private readonly transfers = new Map<string, { kind: TransferKind; target: string; at: number }>();
  private dial: { number: string; variables?: Variables; at: number } | undefined;

  constructor(private readonly now: () => number) {}

  /** The agent asked to end `callId`, which then ends with `reason`. */
  expectEnd(callId: string, reason: EndAsked): void {
    this.ends.set(callId, { reason, at: this.now() });
  }

  /** Why the agent lately asked to end `callId`, if they did. */
  endReason(callId: string): EndAsked | undefined {
    const asked = this.ends.get(callId);
    return asked && this.recent(asked.at) ? asked.reason : undefined;
  }

  /** The agent asked to transfer `callId` to `target`. */
  expectTransfer(callId: string, kind: TransferKind, target: string): void {
    this.transfers.set(callId, { kind, target, at: this.now() });
  }

  /** Where the agent lately asked to transfer `callId` with `kind`, if they did. */
  transferTarget(callId: string, kind: TransferKind): string | undefined {
    const asked = this.transfers.get(callId);
    return asked && asked.kind === kind && this.recent(asked.at) ? asked.target : undefined;
  }

  /** The transfer of `callId` was cancelled: its target explains nothing more. */
  dropTransfer(callId: string): void {
    this.transfers.delete(callId);
  }

  /** The agent dialed `number`, attaching `variables`. */
  expectDial(number: string, variables?: Variables): void {
    this.dial = { number, variables, at: this.now() };
  }

  /** The dial asked for lately, handed out once: the outgoing call that follows is that one. */
  takeDial(): { readonly number: string; readonly variables?: Variables } | undefined {
    const dial = this.dial;
    this.dial = undefined;
    return dial && this.recent(dial.at) ? dial : undefined;
  }

  /** `callId` is over: what was asked about it is dropped. */
  forget(callId: string): void {
    this.ends.delete(callId);
    this.transfers.delete(callId);
  }

  private recent(at: number): boolean {
    return this.now() - at <= INTENT_TTL_MS;
  }
}
