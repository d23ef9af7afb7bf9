import type { AgentStatus } from '../protocol';
import type { CallRecord } from './call';
import type { UcsDeviceSpec, UcsUserSpec } from './directory';

/** One user's agent state; it outlives the WebSocket sessions that log in as the user. */
export class Agent {
  /** Availability status. ASSUMPTION: agents start OFFLINE, as after a logout. */
  status: AgentStatus = 'OFFLINE';
  /** AUX reason, '' when none. */
  reason = '';
  /** The paired phone, or null. */
  device: UcsDeviceSpec | null = null;
  /** The call on the agent's phone, or null. */
  call: CallRecord | null = null;
  /** IDs of queues the agent has suspended. */
  readonly suspended = new Set<number>();
  /** The softphone ringtone. */
  ringingSound = 'default';

  /** `spec`: the user from the directory. */
  constructor(readonly spec: UcsUserSpec) {}
}
