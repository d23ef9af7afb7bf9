/** An agent as configured for the simulator. */
export interface XcallyAgentOptions {
  /** The agent's SIP name, e.g. `andrea.bianco`. */
  readonly sipname: string;
  /** The agent's interface; default `SIP/<sipname>`. */
  readonly peer?: string;
  /** The agent's full name. */
  readonly agentname: string;
  /** The agent's number. */
  readonly agentnum: string;
  /** The queues the agent is a member of, in the order the simulator picks agents; default none. */
  readonly queues?: readonly string[];
}

/** An agent of the simulated Shuttle. */
export interface XcallyAgent {
  /** The agent's interface, e.g. `SIP/andrea.bianco`: what events and AgentCTI name as `peer`. */
  readonly peer: string;
  /** The agent's SIP name. */
  readonly sipname: string;
  /** The agent's full name. */
  readonly agentname: string;
  /** The agent's number. */
  readonly agentnum: string;
  /** The agent's queues. */
  readonly queues: readonly string[];
}

/** The default agents: the document's Andrea Bianco (Support, Sales) and John Doe (Support). */
export const DEFAULT_AGENTS: readonly XcallyAgentOptions[] = [
  {
    peer: 'SIP/andrea.bianco',
    sipname: 'andrea.bianco',
    agentname: 'Andrea Bianco',
    agentnum: '1000',
    queues: ['Support', 'Sales'],
  },
  { peer: 'SIP/john.doe', sipname: 'john.doe', agentname: 'John Doe', agentnum: '1001', queues: ['Support'] },
];

/** Fills the defaults in; throws on an empty list or a peer given twice. */
export function resolveAgents(options: readonly XcallyAgentOptions[] = DEFAULT_AGENTS): XcallyAgent[] {
  if (options.length === 0) throw new Error('the simulator needs at least one agent');
  const agents = options.map((agent) => ({
    peer: agent.peer ?? `SIP/${agent.sipname}`,
    sipname: agent.sipname,
    agentname: agent.agentname,
    agentnum: agent.agentnum,
    queues: [...(agent.queues ?? [])],
  }));
  const peers = new Set(agents.map((agent) => agent.peer));
  if (peers.size !== agents.length) throw new Error('two agents have the same peer');
  return agents;
}
