import type { AgentStateKind } from '../core/agent-state';
import { agentTone } from './format';

/** The coloured dot that carries agent state everywhere (bar header, handle, hidden tab); text says it too. */
export function StateDot({ kind, ringing = false }: { kind: AgentStateKind; ringing?: boolean }) {
  return <span class="sb-dot" data-tone={ringing ? 'ring' : agentTone(kind)} aria-hidden="true" />;
}
