import { SimControlError } from '../../shared/control-error';
import type { Phase } from '../protocol';
import { Agent } from './agent';
import { CALL_STATE, callObject, HANGUP_CAUSE, lineParty, newCall, trunkParty, type UcsCall } from './call';
import {
  DEFAULT_AUX_REASONS,
  DEFAULT_CALL_REASONS,
  deviceObject,
  queueObject,
  type UcsDeviceSpec,
  type UcsQueueSpec,
  type UcsUserSpec,
  userObject,
} from './directory';

/** What a session is, as the center sees it. */
export interface SessionLink {
  /** The component's state. */
  readonly phase: Phase;
  /** The agent logged in, or null. */
  readonly agent: Agent | null;
  /** The provider named in `sso`, or null. */
  readonly provider: string | null;
  /** Pushes one callback to the bundle. */
  push(callback: string, args: readonly unknown[]): void;
}

/** The directory the center serves. */
export interface Directory {
  /** Users. */
  readonly users: readonly UcsUserSpec[];
  /** Phones. */
  readonly devices: readonly UcsDeviceSpec[];
  /** Queues. */
  readonly queues: readonly UcsQueueSpec[];
  /** The SSO preshared secret. */
  readonly ssoSecret: string;
}

/** The simulated UCS: agents, calls, waiting callers and the sessions watching them. */
export class UcsCenter {
  /** Live sessions. */
  readonly sessions = new Set<SessionLink>();
  /** Callers waiting in queues. */
  waitingCallers = 0;
  private readonly agents = new Map<string, Agent>();
  private nextId = 1;
  private nextUnique = 1;

  /** `now` is injectable so that tests can fix time (ms). */
  constructor(
    readonly directory: Directory,
    readonly now: () => number = Date.now,
  ) {
    for (const spec of directory.users) this.agents.set(spec.username, new Agent(spec));
  }

  /** The agent for `username`, or undefined. */
  agent(username: string): Agent | undefined {
    return this.agents.get(username);
  }

  /** Every agent. */
  allAgents(): Agent[] {
    return [...this.agents.values()];
  }

  /** The phone with `identifier`, or undefined. */
  device(identifier: string): UcsDeviceSpec | undefined {
    return this.directory.devices.find((device) => device.identifier === identifier);
  }

  /** Pushes to every READY session of `agent`. */
  broadcast(agent: Agent, callback: string, args: readonly unknown[]): void {
    for (const session of this.sessions) {
      if (session.agent === agent && session.phase === 'READY') session.push(callback, args);
    }
  }

  /** The documented User object for `agent`. */
  user(agent: Agent) {
    const user = userObject(agent.spec, agent.status, agent.device);
    const queues: Record<number, unknown> = {};
    for (const queue of this.queuesOf(agent))
      queues[queue.queue_id] = queueObject(queue, agent.suspended.has(queue.queue_id));
    return { ...user, queues };
  }

  /** The onReady / state() object for `agent`. */
  readyState(agent: Agent) {
    const now = this.now();
    const queues: Record<number, unknown> = {};
    for (const queue of this.queuesOf(agent))
      queues[queue.queue_id] = queueObject(queue, agent.suspended.has(queue.queue_id));
    return {
      status: agent.status,
      reason: agent.reason,
      call: agent.call ? callObject(agent.call, now) : null,
      user: this.user(agent),
      device: agent.device ? deviceObject(agent.device) : null,
      auxReasons: { ...DEFAULT_AUX_REASONS },
      callReasons: { ...DEFAULT_CALL_REASONS },
      // ASSUMPTION: queues keyed by queue_id, like the User object's queues.
      queues,
      // ASSUMPTION: groups as id → name, agents as id → display name.
      groups: { 1: 'Operátoři' },
      agents: Object.fromEntries(
        this.allAgents().map((other) => [other.spec.id, `${other.spec.firstname} ${other.spec.lastname}`]),
      ),
      waitingCallers: this.waitingCallers,
      now,
      ringingSound: agent.ringingSound,
    };
  }

  /** The queues `agent` is a member of. */
  queuesOf(agent: Agent): UcsQueueSpec[] {
    return this.directory.queues.filter((queue) => agent.spec.queues.includes(queue.queue_id));
  }

  /** The Call object of `agent`'s call, for pushes. */
  callOf(agent: Agent): UcsCall {
    if (!agent.call) throw new SimControlError('no call');
    return callObject(agent.call, this.now());
  }

  /** Rings `agent` with an incoming call from `number`; returns its uniqueid. */
  ringIncoming(agent: Agent, spec: IncomingCallSpec): string {
    if (!agent.device) throw new SimControlError(`${agent.spec.username} has no paired phone`);
    if (agent.call) throw new SimControlError(`${agent.spec.username} already has a call`);
    // ASSUMPTION: queue calls reach only READY, unsuspended members; direct calls ring any paired phone.
    if (spec.queueId !== undefined) {
      if (!agent.spec.queues.includes(spec.queueId))
        throw new SimControlError(`not a member of queue ${spec.queueId}`);
      if (agent.status !== 'READY')
        throw new SimControlError(`${agent.spec.username} is ${agent.status}, not READY`);
      if (agent.suspended.has(spec.queueId)) throw new SimControlError(`queue ${spec.queueId} is suspended`);
    }
    const device = agent.device;
    agent.call = newCall(
      {
        ...this.ids(),
        direction: 'INCOMING',
        caller: trunkParty(spec.number, spec.name ?? ''),
        called: lineParty(
          this.displayName(agent),
          device.extension,
          device.line_id,
          agent.spec.id,
          agent.spec.username,
        ),
        data: spec.data ?? {},
        outboundId: 0,
        name: spec.name ?? '',
      },
      CALL_STATE.ringing,
      this.now(),
    );
    this.broadcast(agent, 'onCallRinging', [this.callOf(agent)]);
    return agent.call.uniqueid;
  }

  /** Starts an outgoing call from `agent`'s phone to `number`: new, then ringing. */
  dialOut(agent: Agent, number: string, queue: unknown, data: Record<string, unknown>): void {
    const device = agent.device;
    if (!device) throw new SimControlError('no paired phone to dial from');
    if (agent.call) throw new SimControlError('a call is already in progress');
    agent.call = newCall(
      {
        ...this.ids(),
        direction: 'OUTGOING',
        caller: lineParty(
          this.displayName(agent),
          device.extension,
          device.line_id,
          agent.spec.id,
          agent.spec.username,
        ),
        called: trunkParty(number, ''),
        data,
        outboundId: typeof queue === 'number' ? queue : 0,
        name: '',
      },
      CALL_STATE.new,
      this.now(),
    );
    this.broadcast(agent, 'onCallNew', [this.callOf(agent)]);
    agent.call.state = CALL_STATE.ringing;
    this.broadcast(agent, 'onCallRinging', [this.callOf(agent)]);
  }

  /** Connects `agent`'s ringing call (agent answers, or the far end answers an outgoing one). */
  connect(agent: Agent): void {
    const call = agent.call;
    if (!call || call.state !== CALL_STATE.ringing) throw new SimControlError('no ringing call');
    call.state = CALL_STATE.connected;
    call.connected = this.now();
    this.broadcast(agent, 'onCallConnect', [this.callOf(agent)]);
  }

  /** Ends `agent`'s call with `cause`. */
  hangup(agent: Agent, cause: number): void {
    const call = agent.call;
    if (!call) throw new SimControlError('no call');
    call.cause = cause;
    call.disconnected = this.now();
    const last = this.callOf(agent);
    agent.call = null;
    this.broadcast(agent, 'onCallHangup', [last]);
  }

  /** The far party hangs up `agent`'s call. */
  farHangup(agent: Agent): void {
    const call = agent.call;
    if (!call) throw new SimControlError(`${agent.spec.username} has no call`);
    this.hangup(agent, call.direction === 'INCOMING' ? HANGUP_CAUSE.callerHungUp : HANGUP_CAUSE.calledHungUp);
  }

  /** Sets the waiting callers and tells every READY session. */
  setWaitingCallers(count: number): void {
    this.waitingCallers = count;
    for (const session of this.sessions) {
      if (session.phase === 'READY') session.push('onWaitingCallersChange', [count]);
    }
  }

  /** The agent whose call has `uniqueid`, or undefined. */
  agentWithCall(uniqueid: string): Agent | undefined {
    return this.allAgents().find((agent) => agent.call?.uniqueid === uniqueid);
  }

  private ids() {
    const id = this.nextId;
    // The document: ids rotate in 1-65535.
    this.nextId = id === 65535 ? 1 : id + 1;
    return { id, uniqueid: `${Math.floor(this.now() / 1000)}.${this.nextUnique++}` };
  }

  private displayName(agent: Agent): string {
    return `${agent.spec.firstname} ${agent.spec.lastname}`;
  }
}

/** An incoming call the control API plays. */
export interface IncomingCallSpec {
  /** The caller's number. */
  readonly number: string;
  /** The caller's name, if looked up. */
  readonly name?: string;
  /** A queue call: the agent must be READY and not suspended in it. Absent: a direct call. */
  readonly queueId?: number;
  /** Call metadata. */
  readonly data?: Record<string, unknown>;
}
