import type { AgentStateKind } from '../../core/agent-state';
import { isObject, text } from './payload';

/** The agent's state as the widget reports it. */
export interface TegsoftAgent {
  /** The normalized state. */
  readonly state: AgentStateKind;
  /** The not-ready reason code. */
  readonly reason?: string;
}

/**
 * The `agent` of a `status` event. No agent means nobody is logged in. `busy` counts only when it is
 * `true`: the document's sample has `"busy": 25` on a not-ready agent, a number whose meaning it does not
 * give, so reading it as "on a call" would guess.
 */
export function readAgent(agent: unknown): TegsoftAgent | undefined {
  if (agent === null) return { state: 'offline' };
  if (!isObject(agent) || typeof agent.ready !== 'boolean') return undefined;
  if (agent.ready) return { state: agent.busy === true ? 'busy' : 'ready' };
  return { state: 'notReady', reason: text(agent.notReadyReason) };
}

/** The reason of an `OnNotready` event, wherever the widget put it. */
export function notReadyReason(data: Readonly<Record<string, unknown>>): string | undefined {
  const agent = isObject(data.agent) ? data.agent : {};
  return text(data.notReadyReason) ?? text(data.reason) ?? text(agent.notReadyReason);
}
