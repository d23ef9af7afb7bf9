/** The agent's availability, normalized across vendors. */
export type AgentStateKind = 'offline' | 'ready' | 'notReady' | 'afterCallWork' | 'busy';

/** A vendor's reason for not being ready (Tegsoft not-ready reason, UCS AUX reason, AgentDesktop pause). */
export interface StateReason {
  /** The code the vendor expects back when the agent picks this reason. */
  readonly id: string;
  /** What the agent reads. */
  readonly label: string;
}

export interface AgentState {
  /** The normalized state. */
  readonly kind: AgentStateKind;
  /** The reason code for `notReady` (and vendor sub-states), when the vendor gives one. */
  readonly reason?: string;
  /** When the agent entered this state (epoch ms), for the state timer. */
  readonly since: number;
}

/** States an agent may choose; `busy` is only ever reported by the vendor. */
export type SelectableAgentState = Exclude<AgentStateKind, 'busy'>;

export const AGENT_STATE_LABELS: Record<AgentStateKind, string> = {
  offline: 'Offline',
  ready: 'Ready',
  notReady: 'Not ready',
  afterCallWork: 'After-call work',
  busy: 'Busy',
};
