import { AGENT_STATE_LABELS, type AgentState, type SelectableAgentState } from '../core/agent-state';
import type { Capabilities } from '../core/capabilities';

export interface AgentStateOption {
  /** The `<option>` value: the state, or `notReady:<reason id>`. */
  readonly value: string;
  /** What the agent reads: "Ready", "Not ready — Lunch". */
  readonly label: string;
  /** What choosing it asks the hub for; absent for options the agent cannot pick (busy, unknown reason). */
  readonly choice?: { readonly state: SelectableAgentState; readonly reason?: string };
}

/** The option value that stands for the agent's current state. */
export function agentStateValue(agent: AgentState): string {
  return agent.kind === 'notReady' && agent.reason ? `notReady:${agent.reason}` : agent.kind;
}

/**
 * The options the agent-state select offers: the vendor's selectable states, with "Not ready" split into
 * one option per reason (vendors that take reasons want one). The current state is always present so the
 * select shows the truth even when the agent could not choose it (busy, a reason set on the vendor's side).
 */
export function agentStateOptions(agent: AgentState, caps: Capabilities): AgentStateOption[] {
  const options: AgentStateOption[] = [];
  for (const state of caps.agentStates) {
    if (state === 'notReady' && caps.notReadyReasons.length > 0) {
      for (const reason of caps.notReadyReasons) {
        options.push({
          value: `notReady:${reason.id}`,
          label: `${AGENT_STATE_LABELS.notReady} — ${reason.label}`,
          choice: { state, reason: reason.id },
        });
      }
    } else {
      options.push({ value: state, label: AGENT_STATE_LABELS[state], choice: { state } });
    }
  }
  const current = agentStateValue(agent);
  if (!options.some((option) => option.value === current)) {
    const label =
      agent.kind === 'notReady' && agent.reason
        ? `${AGENT_STATE_LABELS.notReady} — ${agent.reason}`
        : AGENT_STATE_LABELS[agent.kind];
    options.unshift({ value: current, label });
  }
  return options;
}
