import { useId, useRef, useState } from 'preact/hooks';
import type { AgentState } from '../core/agent-state';
import type { Capabilities } from '../core/capabilities';
import { runCommand } from './actions';
import { agentStateOptions, agentStateValue } from './agent-state-options';
import { formatDuration } from './format';
import { StateDot } from './StateDot';
import { useElapsed } from './use-elapsed';

interface Props {
  /** The agent's state as the hub knows it. */
  readonly agent: AgentState;
  /** Which states and not-ready reasons the vendor offers. */
  readonly caps: Capabilities;
}

/** The agent's availability: a select named "Agent state" plus how long they have been in it. */
export function AgentStateSelect({ agent, caps }: Props) {
  const id = useId();
  const elapsed = useElapsed(agent.since);
  // The agent's pick shows until the hub answers; on failure the select falls back to the real state.
  const [pending, setPending] = useState<string | undefined>(undefined);
  const options = agentStateOptions(agent, caps);
  const current = agentStateValue(agent);
  const select = useRef<HTMLSelectElement>(null);
  const latest = useRef(current);
  latest.current = current;

  const choose = async (value: string) => {
    const choice = options.find((option) => option.value === value)?.choice;
    if (!choice || value === current) return;
    setPending(value);
    const ok = await runCommand(
      choice.reason === undefined
        ? { type: 'setAgentState', state: choice.state }
        : { type: 'setAgentState', state: choice.state, reason: choice.reason },
    );
    setPending(undefined);
    // A refusal that comes back before the pick was ever rendered leaves no state change for Preact to
    // diff, so put the real state back by hand.
    if (!ok && select.current) select.current.value = latest.current;
  };

  return (
    <div class="sb-agent" data-kind={agent.kind}>
      <StateDot kind={agent.kind} />
      <label class="sb-sr" for={id}>
        Agent state
      </label>
      <select
        id={id}
        ref={select}
        class="sb-select"
        value={pending ?? current}
        disabled={caps.agentStates.length === 0}
        onChange={(event) => void choose(event.currentTarget.value)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value} disabled={!option.choice}>
            {option.label}
          </option>
        ))}
      </select>
      <span class="sb-agent-time" title="Time in this state">
        <span class="sb-sr">In this state for </span>
        {formatDuration(elapsed)}
      </span>
    </div>
  );
}
