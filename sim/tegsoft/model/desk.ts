import type { WidgetEvent } from '../protocol';
import type { SimUser } from '../users';
import { type AgentRecord, logOut, newAgent } from './agent';
import type { Line, SimCall } from './call';
import type { IdSource } from './ids';
import { agentEventPayload, callEventPayload, statusPayload } from './payloads';
import { STATUS_MESSAGE } from './session';

/** Timings of the far end. */
export interface Timing {
  /** An offered call nobody answers gives OnAgentRingNoAnswer after this long. */
  ringTimeoutMs: number;
  /** The far end of an outbound call or consultation answers after this long; null: only when told. */
  answerDelayMs: number | null;
}

/** What a desk needs from the server around it. */
export interface DeskEnv {
  /** Id generator shared by all desks. */
  readonly ids: IdSource;
  /** Current timings (a control call may change them). */
  readonly timing: Timing;
  /** The clock. */
  now(): number;
  /** The skill id (`SKILL`) for a skill name. */
  skillId(name: string): string;
  /** The campaign id (`CAMPAIGNID`) for a campaign name. */
  campaignId(name: string): string;
  /** Sends an event to every widget of the user (each decides whether its parent gets it). */
  emit(usercode: string, event: WidgetEvent): void;
  /** The user logged out: the server ends the user's widget sessions. */
  loggedOut(usercode: string): void;
}

/**
 * One agent's desk: their state on the server and the primitives every action and far-end move is
 * made of (events out, lines, timers).
 */
export class Desk {
  readonly agent: AgentRecord;
  private readonly timers = new Map<string, Set<ReturnType<typeof setTimeout>>>();

  constructor(
    user: SimUser,
    readonly env: DeskEnv,
  ) {
    this.agent = newAgent(user, env.now());
  }

  get usercode(): string {
    return this.agent.user.usercode;
  }

  now(): number {
    return this.env.now();
  }

  /** The call on a line. */
  line(line: Line): SimCall | undefined {
    return this.agent.calls.find((call) => call.slot === line);
  }

  /** The webchat, if one is offered or connected. */
  chat(): SimCall | undefined {
    return this.agent.calls.find((call) => call.slot === 'chat');
  }

  /** The phone call the agent is on: the active line's, or the only one. */
  activeCall(): SimCall | undefined {
    return this.line(this.agent.activeLine) ?? this.line('primary');
  }

  /** A free phone line, primary first. */
  freeLine(): Line | undefined {
    if (!this.line('primary')) return 'primary';
    return this.line('secondary') ? undefined : 'secondary';
  }

  byId(callId: string): SimCall | undefined {
    return this.agent.calls.find((call) => call.id === callId);
  }

  emit(name: string, data?: unknown): void {
    this.env.emit(this.usercode, {
      type: 'event',
      group: 'agent',
      name,
      ...(data === undefined ? {} : { data }),
    });
  }

  status(): void {
    this.emit('status', statusPayload(this.agent, this.now()));
  }

  emitAgent(name: 'OnLogin' | 'OnReady' | 'OnNotready'): void {
    this.emit(name, agentEventPayload(this.agent));
  }

  emitCall(name: string, call: SimCall, extra?: Record<string, unknown>): void {
    // The campaign sample's `eventName` names the campaign phase the event reports.
    if (call.kind === 'campaign' && name.startsWith('OnCampAgent')) {
      call.props.eventName = `c${name.slice(3)}`;
    }
    this.emit(name, callEventPayload(this.agent, call, this.now(), extra));
  }

  add(call: SimCall): void {
    this.agent.calls.push(call);
  }

  /** Marks a call ended (its end events are sent before `remove`, so they show `endDate`). */
  finish(call: SimCall): void {
    this.clearTimers(call);
    const { session, props } = call;
    session.endedAt = this.now();
    session.ringing = false;
    session.statusMessage = STATUS_MESSAGE.ended;
    props.isInCall = false;
    props.incomingCallModalVisible = false;
  }

  /**
   * Takes an ended call off its line.
   *
   * ASSUMPTION: when the primary line's call ends, the secondary line's call becomes the primary
   * session (the widget always shows a lone call as the primary one).
   */
  remove(call: SimCall): void {
    const { agent } = this;
    agent.calls = agent.calls.filter((candidate) => candidate !== call);
    if (call.slot === 'primary') {
      const secondary = this.line('secondary');
      if (secondary) secondary.slot = 'primary';
    }
    if (!this.line('secondary')) agent.activeLine = 'primary';
    if (call.carriesCti) agent.ctiData = null;
    if (agent.transfer && [agent.transfer.originalId, agent.transfer.consultId].includes(call.id)) {
      agent.transfer = null;
    }
  }

  /** Runs `fn` after `ms` unless the call ends first. */
  after(call: SimCall, ms: number, fn: () => void): void {
    const set = this.timers.get(call.id) ?? new Set();
    this.timers.set(call.id, set);
    const handle = setTimeout(() => {
      set.delete(handle);
      if (this.byId(call.id)) fn();
    }, ms);
    set.add(handle);
  }

  clearTimers(call: SimCall): void {
    for (const handle of this.timers.get(call.id) ?? []) clearTimeout(handle);
    this.timers.delete(call.id);
  }

  /** Ends the login: a last status with no agent, then the server closes the user's widgets. */
  logout(): void {
    logOut(this.agent, this.now());
    this.status();
    this.env.loggedOut(this.usercode);
  }

  /** Stops every timer (simulator reset or shutdown). */
  dispose(): void {
    for (const call of this.agent.calls) this.clearTimers(call);
  }
}
