import { AGENT_EMIT_NAMES, type CallEvent, type CallEventName } from '../protocol';
import type { ClientInfo, RealtimeServer } from './realtime-server';

/** A call event the server emitted. */
export interface SentEvent {
  /** The event name (`ringing`, `up`, …). */
  readonly name: CallEventName;
  /** The payload as sent. */
  readonly payload: CallEvent;
  /** How many clients were connected to get it (0 while the server is down). */
  readonly clients: number;
  /** When (ms since the epoch). */
  readonly at: number;
}

/** Who sent an emit: a connected client, or null for the control playing an integration service. */
export type EmitSender = Pick<ClientInfo, 'id' | 'peer' | 'protocol'> | null;

/** An emit the server received (or the control pushed). */
export interface ReceivedEmit {
  /** The event name (`AgentCTI`, `AgentCTINotification`, `RealtimeCTI`, or anything else a client sent). */
  readonly name: string;
  /** The first argument. */
  readonly payload: unknown;
  /** The arguments after the first, if any (ack callbacks left out). */
  readonly extra: readonly unknown[];
  /** Who sent it. */
  readonly from: EmitSender;
  /** How many clients of the named peer it was forwarded to (always 0 for anything but the agent emits). */
  readonly deliveredTo: number;
  /** When (ms since the epoch). */
  readonly at: number;
}

const AGENT_EMITS: ReadonlySet<string> = new Set(AGENT_EMIT_NAMES);

/** The peer an agent emit names, if it names one. */
function namedPeer(payload: unknown): string | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const peer = (payload as Record<string, unknown>).peer;
  return typeof peer === 'string' && peer !== '' ? peer : null;
}

/** What goes through the realtime server, both ways, and the log of it. */
export class Traffic {
  /** The call events sent, oldest first. */
  readonly sent: SentEvent[] = [];
  /** The emits received, oldest first. */
  readonly received: ReceivedEmit[] = [];

  constructor(private readonly server: RealtimeServer) {}

  /** Emits a call event to every client: the integration service sees every agent's calls. */
  send(event: CallEvent): void {
    const clients = this.server.broadcast(event.event, event);
    this.sent.push({ name: event.event, payload: event, clients, at: Date.now() });
  }

  /**
   * Records an emit and forwards `AgentCTI` / `AgentCTINotification`, unchanged, to the clients of the
   * peer it names. `RealtimeCTI` feeds the Administrator's dashboard, which is not simulated: recorded only.
   */
  receive(from: ClientInfo | null, name: string, args: readonly unknown[]): ReceivedEmit {
    const [payload, ...extra] = args;
    const peer = AGENT_EMITS.has(name) ? namedPeer(payload) : null;
    const deliveredTo = peer === null ? 0 : this.server.toPeer(peer, name, payload);
    const sender = from && { id: from.id, peer: from.peer, protocol: from.protocol };
    const emit = { name, payload, extra, from: sender, deliveredTo, at: Date.now() };
    this.received.push(emit);
    return emit;
  }

  /** Forgets the log. */
  clear(): void {
    this.sent.length = 0;
    this.received.length = 0;
  }
}
