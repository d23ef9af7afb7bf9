import { SimControlError } from '../../shared/control-error';
import type { AgentStatus, Phase } from '../protocol';
import { Agent, HISTORY_SIZE } from './agent';
import {
  CALL_STATE,
  type CallRecord,
  callObject,
  HANGUP_CAUSE,
  lineParty,
  newCall,
  trunkParty,
  type UcsCall,
} from './call';
import {
  availableQueueObject,
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
    for (const queue of directory.queues) {
      const seconds = queue.acwSeconds ?? 0;
      if (!Number.isFinite(seconds) || seconds < 0)
        throw new Error(`queue ${queue.queue_id}: acwSeconds must be a number ≥ 0`);
    }
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

  /** The queue with `queueId`, or undefined. */
  queue(queueId: number): UcsQueueSpec | undefined {
    return this.directory.queues.find((queue) => queue.queue_id === queueId);
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
    const active = agent.active();
    return {
      status: agent.status,
      reason: agent.reason,
      call: active ? callObject(active, now) : null,
      user: this.user(agent),
      device: agent.device ? deviceObject(agent.device) : null,
      auxReasons: { ...DEFAULT_AUX_REASONS },
      callReasons: { ...DEFAULT_CALL_REASONS },
      // ASSUMPTION: "available queues" are every queue of the UCS, keyed by queue_id.
      queues: Object.fromEntries(
        this.directory.queues.map((queue) => [queue.queue_id, availableQueueObject(queue)]),
      ),
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

  /** The Call object of `call`, for pushes. */
  view(call: CallRecord): UcsCall {
    return callObject(call, this.now());
  }

  /** Rings `agent` with an incoming call from `number`; returns its uniqueid. */
  ringIncoming(agent: Agent, spec: IncomingCallSpec): string {
    if (!agent.device) throw new SimControlError(`${agent.spec.username} has no paired phone`);
    if (spec.queueId !== undefined) {
      // ASSUMPTION: queue calls reach only READY, unsuspended members with no call at all.
      if (!agent.spec.queues.includes(spec.queueId))
        throw new SimControlError(`not a member of queue ${spec.queueId}`);
      if (agent.status !== 'READY')
        throw new SimControlError(`${agent.spec.username} is ${agent.status}, not READY`);
      if (agent.suspended.has(spec.queueId)) throw new SimControlError(`queue ${spec.queueId} is suspended`);
      if (agent.calls.length > 0) throw new SimControlError(`${agent.spec.username} already has a call`);
    } else if (agent.calls.length > 0) {
      // ASSUMPTION: call waiting: a direct call may ring while the agent's only call is connected
      // (not in transfer mode); any other call in progress makes the phone busy.
      const only = agent.calls.length === 1 ? agent.calls[0] : undefined;
      if (only?.state !== CALL_STATE.connected || agent.transfer)
        throw new SimControlError(`${agent.spec.username} already has a call`);
    }
    const device = agent.device;
    const call = newCall(
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
    if (spec.queueId !== undefined) call.queueId = spec.queueId;
    agent.calls.push(call);
    this.broadcast(agent, 'onCallRinging', [this.view(call)]);
    return call.uniqueid;
  }

  /**
   * Starts an outgoing call from `agent`'s phone to `number`: new, then ringing. In transfer mode
   * with no consultation leg yet, the call is that leg (the document: transfer() then dial).
   */
  dialOut(
    agent: Agent,
    number: string,
    queue: unknown,
    data: Record<string, unknown>,
    line?: number,
  ): CallRecord {
    const transfer = agent.transfer;
    const isLeg = transfer !== null && transfer.leg === null && agent.calls.length === 1;
    if (!isLeg && agent.calls.length > 0) throw new SimControlError('a call is already in progress');
    const device = agent.device;
    if (!device) throw new SimControlError('no paired phone to dial from');
    const call = newCall(
      {
        ...this.ids(),
        direction: 'OUTGOING',
        caller: lineParty(
          this.displayName(agent),
          device.extension,
          // ASSUMPTION: dial's `line` is the caller's line ID (caller_line_id); default the phone's own.
          line ?? device.line_id,
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
    // ASSUMPTION: an outgoing call dialled under a numbered queue (campaign) records it as its queue.
    if (typeof queue === 'number') call.queueId = queue;
    agent.calls.push(call);
    if (isLeg) transfer.leg = call;
    this.broadcast(agent, 'onCallNew', [this.view(call)]);
    call.state = CALL_STATE.ringing;
    this.broadcast(agent, 'onCallRinging', [this.view(call)]);
    return call;
  }

  /** Connects `agent`'s ringing `call` (the agent answers, or the far end answers an outgoing one). */
  connect(agent: Agent, call: CallRecord): void {
    if (call.state !== CALL_STATE.ringing) throw new SimControlError('no ringing call');
    call.state = CALL_STATE.connected;
    call.connected = this.now();
    this.broadcast(agent, 'onCallConnect', [this.view(call)]);
  }

  /** Puts `agent`'s connected `call` on hold. */
  hold(agent: Agent, call: CallRecord): void {
    if (call.state !== CALL_STATE.connected) throw new SimControlError('only a connected call can be held');
    agent.hold(call);
    this.broadcast(agent, 'onCallHold', [this.view(call)]);
  }

  /**
   * Ends `agent`'s `call` with `cause`: onCallHangup, the call joins the history; a consultation
   * leg's end ends transfer mode (the held call stays held); a queue call may start ACW.
   */
  end(agent: Agent, call: CallRecord, cause: number): void {
    const index = agent.calls.indexOf(call);
    if (index < 0) throw new SimControlError(`no call ${call.uniqueid}`);
    const connectedBefore = call.connected !== null;
    call.cause = cause;
    call.disconnected = this.now();
    agent.calls.splice(index, 1);
    // ASSUMPTION: transfer mode ends with either of its calls; if the held call ends first (its
    // caller hung up), the consultation leg stays as an ordinary call.
    if (agent.transfer && (agent.transfer.held === call || agent.transfer.leg === call))
      agent.transfer = null;
    agent.history.unshift(call);
    agent.history.length = Math.min(agent.history.length, HISTORY_SIZE);
    this.broadcast(agent, 'onCallHangup', [this.view(call)]);
    if (call.direction === 'INCOMING' && call.queueId !== undefined && connectedBefore) {
      const seconds = this.queue(call.queueId)?.acwSeconds ?? 0;
      // ASSUMPTION: only an agent still READY goes ACW; one who chose AUX or OFFLINE during the
      // call keeps that status.
      if (seconds > 0 && agent.status === 'READY') this.startAcw(agent, seconds);
    }
  }

  /** The far party hangs up `agent`'s `call`. */
  farHangup(agent: Agent, call: CallRecord): void {
    this.end(
      agent,
      call,
      call.direction === 'INCOMING' ? HANGUP_CAUSE.callerHungUp : HANGUP_CAUSE.calledHungUp,
    );
  }

  /** Sets `agent`'s status and tells its sessions; any after-call-work timer is cancelled. */
  setStatus(agent: Agent, status: AgentStatus, reason: string): void {
    this.stopAcw(agent);
    agent.status = status;
    agent.reason = reason;
    this.broadcast(agent, 'onStateChange', [{ status, reason }]);
  }

  /** Sets the waiting callers and tells every READY session. */
  setWaitingCallers(count: number): void {
    this.waitingCallers = count;
    for (const session of this.sessions) {
      if (session.phase === 'READY') session.push('onWaitingCallersChange', [count]);
    }
  }

  /** The agent with a current call `uniqueid`, and the call; or undefined. */
  agentWithCall(uniqueid: string): [Agent, CallRecord] | undefined {
    for (const agent of this.agents.values()) {
      const call = agent.calls.find((each) => each.uniqueid === uniqueid);
      if (call) return [agent, call];
    }
    return undefined;
  }

  /** Cancels every timer (the simulator is closing). */
  close(): void {
    for (const agent of this.agents.values()) this.stopAcw(agent);
  }

  private startAcw(agent: Agent, seconds: number): void {
    this.setStatus(agent, 'ACW', '');
    const timer = setTimeout(() => {
      if (agent.acwTimer !== timer) return;
      agent.acwTimer = null;
      // ASSUMPTION: after-call work ends in READY, as the agent was before the call.
      this.setStatus(agent, 'READY', '');
    }, seconds * 1000);
    timer.unref?.();
    agent.acwTimer = timer;
  }

  private stopAcw(agent: Agent): void {
    if (agent.acwTimer !== null) clearTimeout(agent.acwTimer);
    agent.acwTimer = null;
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
