/** UCS agent availability (onReady / onStateChange `status`) → the bar's agent state. */
import type { AgentStateKind } from '../../core/agent-state';

/** The documented statuses. */
export const UCS_STATUSES = ['OFFLINE', 'READY', 'ACW', 'AUX'] as const;

/** A documented status. */
export type UcsStatus = (typeof UCS_STATUSES)[number];

const KINDS: Record<UcsStatus, AgentStateKind> = {
  READY: 'ready',
  AUX: 'notReady',
  ACW: 'afterCallWork',
  OFFLINE: 'offline',
};

/** The bar's state for `status` with its AUX `reason`; null for a status the document does not name. */
export function agentStateOf(
  status: unknown,
  reason: unknown,
): { readonly state: AgentStateKind; readonly reason?: string } | null {
  if (typeof status !== 'string' || !(UCS_STATUSES as readonly string[]).includes(status)) return null;
  const state = KINDS[status as UcsStatus];
  // Only AUX carries a reason the agent chose; others may echo a stale one.
  return state === 'notReady' && typeof reason === 'string' && reason !== '' ? { state, reason } : { state };
}
