import type { CustomVariables, FieldSet } from '../protocol';

/**
 * Where a call is: `queued` waits in a queue with no phone ringing, `ringing` rings an agent's phone,
 * `dialing` is an outbound call whose far end has not answered, `up` is connected, `ended` is over.
 */
export type CallState = 'queued' | 'ringing' | 'dialing' | 'up' | 'ended';

/** A call as the simulated Shuttle tracks it; one record serves the realtime events and the Phonebar. */
export interface Call {
  /** Asterisk's uniqueid: the events' `uniqueid`. */
  readonly uniqueid: string;
  /** A queue call (inbound) or an agent's outbound call. */
  readonly kind: 'queue' | 'outbound';
  /** The queue (queue calls only). */
  readonly queue: string | null;
  /** The agent whose phone has the call; null while a queue call waits. */
  peer: string | null;
  /** Queue call: the caller's number; outbound: the number sent to the trunk. */
  readonly callernum: string;
  /** The caller's name (queue calls; empty for outbound). */
  readonly callername: string;
  /** Queue call: the number the caller dialled; outbound: the number the agent dialled. */
  readonly extension: string;
  /** The dialplan context. */
  readonly context: string;
  /** The events' `trunk`. */
  readonly trunk: string;
  /** The events' `channel`. */
  readonly channel: string;
  /** Outbound only: the route's integration id, route id and presented caller id. */
  readonly route: {
    readonly integrationid: string;
    readonly routeid: string;
    readonly callerId: string;
  } | null;
  /** Where the call is. */
  state: CallState;
  /** On hold on the agent's phone. */
  held: boolean;
  /** The Phonebar's session id while the call is on the agent's phone. */
  sessionId: string | null;
  /** When the call joined the queue (outbound: when it was dialled). */
  readonly queuedAt: number;
  /** When the agent's phone started ringing. */
  ringingAt: number | null;
  /** When the call was answered. */
  answeredAt: number | null;
  /** When the call ended. */
  endedAt: number | null;
  /** The call's own field set; null: the server's. */
  readonly fieldSet: FieldSet | null;
  /** Fields this call's events leave out, on top of the field set's. */
  readonly omitFields: readonly string[];
  /** The call's custom variables. */
  customvariables: CustomVariables;
  /** Pending far-end answer of an outbound call. */
  answerTimer: NodeJS.Timeout | null;
}

/** The states in which a call is on the agent's phone. */
export const ON_PHONE: readonly CallState[] = ['ringing', 'dialing', 'up'];

/** Whole seconds between two instants, as the events' `holdtime`/`ringtime`/`talktime` strings. */
export function seconds(from: number | null, to: number | null): string {
  if (from === null || to === null) return '0';
  return String(Math.max(0, Math.floor((to - from) / 1000)));
}
