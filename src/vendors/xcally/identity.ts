import { text } from './payload';
import type { MatchField, XcallySettings } from './settings';

/** Whose a realtime event is: this agent's, another agent's, or it does not say. */
export type Ownership = 'own' | 'other' | 'unknown';

/** Who the agent is, as the realtime events name agents. */
export interface AgentIdentity {
  /** The agent's interface, e.g. "SIP/andrea.bianco". */
  readonly peer: string;
  /** The field that decides whose a call event is. */
  readonly match: MatchField;
  /** The agent's value of that field. */
  readonly value: string;
}

/** The identity the settings describe. */
export function agentIdentity(
  settings: Pick<XcallySettings, 'peer' | 'match' | 'sipname'> & { readonly agentnum?: string },
): AgentIdentity {
  const value =
    settings.match === 'peer'
      ? settings.peer
      : settings.match === 'sipname'
        ? settings.sipname
        : (settings.agentnum ?? '');
  return { peer: settings.peer, match: settings.match, value };
}

// Interfaces and SIP names are written by hand in the profile: case is not worth a missed call.
const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * Whose the event is, by the configured field. An event without that field (the document's samples are
 * not all complete) falls back to `peer`, which names the agent unambiguously; without either it does
 * not say.
 */
export function ownership(identity: AgentIdentity, data: Readonly<Record<string, unknown>>): Ownership {
  const value = text(data[identity.match]);
  if (value !== undefined) return same(value, identity.value) ? 'own' : 'other';
  const peer = text(data.peer);
  if (peer !== undefined) return same(peer, identity.peer) ? 'own' : 'other';
  return 'unknown';
}

/** Whether a push addressed by `peer` (AgentCTI, AgentCTINotification) is for this agent. */
export function addressedTo(identity: AgentIdentity, peer: unknown): boolean {
  const value = text(peer);
  return value !== undefined && same(value, identity.peer);
}
