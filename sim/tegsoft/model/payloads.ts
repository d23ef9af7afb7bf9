import { type AgentRecord, agentPayload } from './agent';
import type { Line, SimCall } from './call';
import { type SessionPayload, sessionPayload } from './session';

const lineSession = (agent: AgentRecord, line: Line, now: number): SessionPayload | undefined => {
  const call = agent.calls.find((candidate) => candidate.slot === line);
  return call ? sessionPayload(call.session, now) : undefined;
};

/**
 * The `status` event's data: `{ agent, primarySession }` as in the document.
 *
 * ASSUMPTION: `primarySession` is null when no phone call is up; `secondarySession` is added while a
 * second line is in use (a consultation or a second call); after `logout` the agent is null too.
 */
export function statusPayload(agent: AgentRecord, now: number): Record<string, unknown> {
  if (!agent.loggedIn) return { agent: null, primarySession: null };
  const secondary = lineSession(agent, 'secondary', now);
  return {
    agent: agentPayload(agent, now),
    primarySession: lineSession(agent, 'primary', now) ?? null,
    ...(secondary ? { secondarySession: secondary } : {}),
  };
}

/**
 * A call event's data: the document's Inbound / Outbound (Campaign) / Webchat Event shape,
 * `{ primarySession, UID, EXTEN, activeCallProperties }` (a webchat's has no session).
 *
 * ASSUMPTION: `primarySession` is always the primary line's session, even for an event about the call
 * on the secondary line, which is added as `secondarySession`; `activeCallProperties` are those of the
 * call the event is about. `extra` (the transfer events' `extension`) goes at the top level.
 */
export function callEventPayload(
  agent: AgentRecord,
  call: SimCall,
  now: number,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const common = {
    UID: agent.user.uid,
    EXTEN: agent.user.exten,
    activeCallProperties: structuredClone(call.props),
    ...extra,
  };
  if (call.slot === 'chat') return common;
  const secondary = lineSession(agent, 'secondary', now);
  return {
    primarySession: lineSession(agent, 'primary', now) ?? null,
    ...(secondary ? { secondarySession: secondary } : {}),
    ...common,
  };
}

/**
 * The data of OnLogin, OnReady and OnNotready.
 *
 * ASSUMPTION: the document gives no sample; the simulator sends the agent's ids and state, named as in
 * the status event.
 */
export function agentEventPayload(agent: AgentRecord): Record<string, unknown> {
  return {
    UID: agent.user.uid,
    EXTEN: agent.user.exten,
    USERCODE: agent.user.usercode,
    ready: agent.ready,
    notReadyReason: agent.notReadyReason,
  };
}
