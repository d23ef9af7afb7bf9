/**
 * The agent's desk beyond calls and state: queue memberships, callers waiting, the phone the session is
 * paired with, and account codes asked after calls. Vendors that report these (UCS) fill it; the bar
 * shows each part only when it is there.
 */
import type { StateReason } from './agent-state';

/** One queue the agent belongs to. */
export interface QueueMembership {
  /** The vendor's queue id, as `setQueueActive` takes it. */
  readonly id: string;
  /** What the agent reads. */
  readonly name: string;
  /** Calls the queue carries: inbound ones to the agent, or outbound (campaign) ones from the agent. */
  readonly direction: 'inbound' | 'outbound';
  /** False while the agent has suspended their service in it. */
  readonly active: boolean;
}

/** A phone the session can be paired with. */
export interface PhoneChoice {
  /** The identifier the vendor pairs by. */
  readonly identifier: string;
  /** What the agent reads (name, extension). */
  readonly label: string;
}

/** The vendor waits for the agent to pair a phone before the session can start. */
export interface PairingRequest {
  /** `choose`: pick one of `devices` or type an identifier; `confirm`: confirm `device`. */
  readonly kind: 'choose' | 'confirm';
  /** The phones offered (may be empty: the agent types the identifier). */
  readonly devices: readonly PhoneChoice[];
  /** The phone paired, for `confirm`. */
  readonly device?: PhoneChoice;
  /** Why the agent is asked again (a refused identifier), when it is a second attempt. */
  readonly message?: string;
}

/** After a call the vendor asks for its account code (UCS call reasons). */
export interface AccountCodeRequest {
  /** The vendor's id of the ended call; `setAccountCode` names it. */
  readonly id: string;
  /** The other party's number as the vendor gave it. */
  readonly remoteNumber: string;
  /** The other party's name, when known. */
  readonly remoteName?: string;
  /** When the call ended (epoch ms). */
  readonly endedAt: number;
  /** The codes the agent may choose from. */
  readonly reasons: readonly StateReason[];
}

/** What the bar shows of the desk. */
export interface AgentDesk {
  /** Queue memberships (empty when the vendor reports none). */
  readonly queues: readonly QueueMembership[];
  /** Callers waiting in the agent's queues, when the vendor reports it. */
  readonly waitingCallers?: number;
  /** The phone the session is paired with, when known. */
  readonly device?: PhoneChoice;
  /** A pairing the agent must do or confirm. */
  readonly pairing?: PairingRequest;
  /** Calls whose account code is asked, newest first. */
  readonly accountCodes: readonly AccountCodeRequest[];
}

/** How many account-code requests the desk keeps (older ones are dropped unanswered). */
export const MAX_ACCOUNT_CODE_REQUESTS = 5;

/** The desk before the vendor said anything. */
export const EMPTY_DESK: AgentDesk = { queues: [], accountCodes: [] };
