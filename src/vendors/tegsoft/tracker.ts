import type { EndReason, TransferKind } from '../../core/call';
import type { VendorEvent } from '../../core/vendor-events';
import type { AdapterContext } from '../contract';
import { readAgent, type TegsoftAgent } from './agent';
import { callFromEvent, directionOf, numberOf } from './call-fields';
import {
  answerable,
  answered,
  connected,
  find,
  held,
  identify,
  onCampaign,
  sameRingingCall,
  voice,
} from './call-lookup';
import { mergeEvent, updatedCall } from './call-update';
import { CtiQueries, ctiAfterAnswer } from './cti';
import { HANDLERS } from './events';
import {
  type CtiData,
  callIdOf,
  readEvent,
  readProperties,
  readSessions,
  type SessionInfo,
  sessionOf,
  text,
  type WidgetEvent,
} from './payload';
import { PendingRequests } from './pending-requests';
import { applySession, callFromStatus, type LineMatch, matchLines } from './reconcile';
import { type CallDefaults, callInfo, hasId, type TrackedCall } from './tracked-call';

/** What one message from the widget gave. */
export interface TrackerOutput {
  /** It was a well-formed widget event: the widget is logged in and sending events. */
  readonly accepted: boolean;
  /** Normalized events, in order. */
  readonly events: VendorEvent[];
  /** A call started ringing for the agent (the screen window may maximize). */
  readonly ringing: boolean;
  /** The agent's state moved in a way the event does not say: ask the widget for its status. */
  readonly queryStatus: boolean;
  /** A call is answered now: ask the widget for the CTI data set elsewhere (IVR, campaign). */
  readonly queryCti: boolean;
}

/** What the tracker keeps across a worker restart (plain JSON). */
export interface TrackerMemory {
  /** Live calls, oldest first. */
  readonly calls: readonly TrackedCall[];
  /** The agent's last known state. */
  readonly agent?: TegsoftAgent;
  /** Ids of calls that ended lately, so late duplicates of their end are recognised. */
  readonly ended: readonly string[];
}

/** How many ended call ids are remembered. */
const ENDED_KEPT = 50;

type Logger = AdapterContext['log'];
type Output = { events: VendorEvent[]; ringing: boolean; queryStatus: boolean; queryCti: boolean };

/**
 * Follows the widget's calls and agent state and turns its events into normalized events. It holds no
 * timers and does no I/O: the adapter feeds it messages and the agent's requests, and sends what it
 * returns. A malformed or unknown message is logged and skipped; nothing here throws on input.
 */
export class TegsoftTracker {
  private calls: TrackedCall[] = [];
  private agent: TegsoftAgent | undefined;
  private endedIds: string[] = [];
  private snapshotPending = false;
  private readonly requests: PendingRequests;
  private readonly ctiQueries: CtiQueries;
  // The output being built for the message in hand.
  private out: Output = emptyOutput();
  private raw: unknown;

  constructor(
    private readonly now: () => number,
    private readonly log: Logger,
    memory?: TrackerMemory,
  ) {
    this.requests = new PendingRequests(now);
    this.ctiQueries = new CtiQueries(now);
    if (memory) {
      this.calls = memory.calls.map((call) => structuredClone(call));
      this.agent = memory.agent;
      this.endedIds = [...memory.ended];
    }
  }

  /** Turns one message from the widget into normalized events. */
  handle(message: unknown): TrackerOutput {
    const event = readEvent(message);
    if ('problem' in event) {
      this.log('warn', `ignored a message from the Tegsoft widget: ${event.problem}`, message);
      return { accepted: false, ...emptyOutput() };
    }
    this.out = emptyOutput();
    this.raw = message;
    const handler = HANDLERS[event.name];
    if (handler) handler(this, event);
    else this.log('warn', `ignored Tegsoft event "${event.name}", which Softbar does not know`, message);
    const out = this.out;
    this.out = emptyOutput();
    this.raw = undefined;
    return { accepted: true, ...out };
  }

  /** The next `status` is the widget's whole picture (after a (re)load): it becomes a `snapshot`. */
  expectSnapshot(): void {
    this.snapshotPending = true;
  }

  /** A getCtiData was sent: its answer is due. */
  expectCtiAnswer(): void {
    this.ctiQueries.asked();
  }

  /** The agent asked to end `callId`; its end is then reported with `reason`. */
  expectEnd(callId: string, reason: 'hangup' | 'rejected'): void {
    this.requests.expectEnd(callId, reason);
  }

  /** The agent asked to transfer `callId` to `target` (the widget's events may not name it). */
  expectTransfer(callId: string, kind: TransferKind, target: string): void {
    this.requests.expectTransfer(callId, kind, target);
  }

  /** The agent dialed `number`, attaching `variables`: the outgoing call that follows is that one. */
  expectDial(number: string, variables?: Readonly<Record<string, string>>): void {
    this.requests.expectDial(number, variables);
  }

  /** The live call known as `id`. */
  call(id: string): TrackedCall | undefined {
    return this.calls.find((call) => hasId(call, id));
  }

  /** Live calls, oldest first. */
  liveCalls(): readonly TrackedCall[] {
    return this.calls;
  }

  /** The agent's last known state. */
  agentState(): TegsoftAgent | undefined {
    return this.agent;
  }

  /** Sets `callId`'s CTI data as the agent changed it; returns the update for the hub. */
  setCti(callId: string, cti: CtiData): VendorEvent[] {
    const call = this.call(callId);
    if (!call) return [];
    this.ctiQueries.changed();
    this.out = emptyOutput();
    this.updateCall(call, () => {
      call.cti = cti;
    });
    const events = this.out.events;
    this.out = emptyOutput();
    return events;
  }

  /** What to keep across a worker restart. */
  memory(): TrackerMemory {
    return { calls: structuredClone(this.calls), agent: this.agent, ended: [...this.endedIds] };
  }

  // ---- handlers (called from HANDLERS) ----

  /** The agent's state moved without saying where: the adapter asks for a status. */
  askStatus(): void {
    this.out.queryStatus = true;
  }

  /** Reports the agent's state when it changed. */
  setAgent(agent: TegsoftAgent): void {
    if (this.agent?.state === agent.state && this.agent.reason === agent.reason) return;
    this.agent = agent;
    this.emit({ type: 'agentState', at: this.now(), state: agent.state, reason: agent.reason });
  }

  /**
   * `status`: the agent's state and, when it carries `primarySession`, every phone line (a snapshot
   * after a (re)load). Phone calls it does not show have ended, even those whose end events were lost
   * while the widget was cut off from its server; chats it cannot see are kept.
   */
  status(e: WidgetEvent): void {
    const hasAgent = Object.hasOwn(e.data, 'agent');
    const agent = hasAgent ? readAgent(e.data.agent) : undefined;
    if (hasAgent && !agent)
      this.log(
        'warn',
        'Tegsoft status: its agent has no "ready" flag; the agent state is left as it was',
        e.raw,
      );
    const lines = Object.hasOwn(e.data, 'primarySession')
      ? matchLines(this.calls, readSessions(e.data))
      : undefined;
    if (this.snapshotPending) {
      this.snapshotPending = false;
      this.snapshot(agent, lines);
      return;
    }
    if (agent) this.setAgent(agent);
    if (!lines) return;
    for (const call of lines.gone) this.end(call, this.endReason(call, 'hangup'));
    for (const { call, session } of lines.shown) this.follow(call, session);
    for (const session of lines.fresh) this.add(callFromStatus(session, this.now()));
  }

  /** A call appears (or an appearing call is announced again, adding what it carries). */
  offer(e: WidgetEvent, defaults: CallDefaults): void {
    const props = readProperties(e.data);
    const id = callIdOf(props);
    const direction = directionOf(props, defaults.direction);
    const number = numberOf(e.data, direction);
    const seen = identify(this.calls, e) ?? sameRingingCall(this.calls, number, id);
    if (seen) {
      this.merge(seen, e);
      const session = sessionOf(e.data, seen.remoteNumber);
      if (defaults.state === 'connected' || session?.answered) this.connect(seen, session?.answeredAt);
      return;
    }
    if (id && this.endedIds.includes(id)) {
      this.log('debug', `Tegsoft: ${e.name} for call ${id}, which has ended; ignored`);
      return;
    }
    const dial = direction === 'outbound' ? this.requests.takeDial() : undefined;
    const remoteNumber = number ?? dial?.number;
    if (id === undefined && remoteNumber === undefined) {
      this.unknownCall(e);
      return;
    }
    this.add(
      callFromEvent(e, defaults, { id, direction, remoteNumber, variables: dial?.variables }, this.now()),
    );
  }

  /** A call is answered; one never seen ringing starts here, connected. */
  answered(e: WidgetEvent, defaults: CallDefaults): void {
    const call = find(this.calls, e, answerable);
    if (!call) {
      // Answered before we saw it ring (a campaign connect, events switched on mid-call): it starts here.
      this.offer(e, { ...defaults, state: 'connected' });
      return;
    }
    this.merge(call, e);
    this.connect(call, sessionOf(e.data, call.remoteNumber)?.answeredAt);
  }

  /** A call ends; why is what the agent asked, else what `how` and the call's state say. */
  ended(e: WidgetEvent, how: 'hangup' | 'noAnswer'): void {
    const call = find(this.calls, e);
    if (!call) {
      this.unknownCall(e);
      return;
    }
    this.end(call, this.endReason(call, how));
  }

  /** The dialer calls a campaign contact for the agent. */
  campaignContact(e: WidgetEvent, defaults: CallDefaults): void {
    const props = readProperties(e.data);
    // Without a contact the agent is only waiting for the dialer: nothing to show yet.
    if (!callIdOf(props) && !text(props.PHONE)) return;
    this.offer(e, defaults);
  }

  /** The campaign call is over and the agent does after-call work. */
  campaignAfterCall(e: WidgetEvent): void {
    const call = find(this.calls, e, onCampaign);
    if (call) this.end(call, this.endReason(call, 'hangup'));
    this.setAgent({ state: 'afterCallWork' });
  }

  /** The campaign contact is done: the status says where the agent is now. */
  campaignDone(e: WidgetEvent): void {
    const call = find(this.calls, e, onCampaign);
    if (call) this.end(call, this.endReason(call, 'hangup'));
    this.askStatus();
  }

  /** `OnHold` / `OnUnhold`. */
  hold(e: WidgetEvent, on: boolean): void {
    const call = this.callFor(e, on ? connected : held);
    if (!call) return;
    if (on) this.putOnHold(call);
    else this.resume(call);
  }

  /** `OnMute` / `OnUnmute`. */
  mute(e: WidgetEvent, muted: boolean): void {
    const call = this.callFor(e, answered);
    if (call) this.setMuted(call, muted);
  }

  /** A blind or attended transfer starts. */
  transferStarted(e: WidgetEvent, kind: TransferKind): void {
    const call = this.callFor(e, answered);
    if (!call) return;
    this.startTransfer(call, kind, this.targetOf(e, call, kind));
    // The caller waits while the agent consults; the widget sends no OnHold for it.
    if (kind === 'attended') this.putOnHold(call);
  }

  /** The consulted party answered: the agent may complete or cancel. */
  consultAnswered(e: WidgetEvent): void {
    const call = this.callFor(e, answered);
    if (!call) return;
    const target = call.transfer?.target || this.targetOf(e, call, 'attended') || 'The other party';
    this.emit({
      type: 'notice',
      at: this.now(),
      level: 'info',
      text: `${target} answered: complete the transfer or cancel it.`,
    });
  }

  /** The transfer handed the call over. */
  transferCompleted(e: WidgetEvent, kind: TransferKind): void {
    const call = this.callFor(e, answered);
    if (!call) return;
    this.startTransfer(call, kind, this.targetOf(e, call, kind));
    this.emit({ type: 'transferCompleted', at: this.now(), vendorCallId: call.id });
    this.end(call, 'transferred');
  }

  /** The consultation was cancelled. */
  transferCancelled(e: WidgetEvent): void {
    const call = this.callFor(e, answered);
    if (!call) return;
    if (call.transfer) {
      call.transfer = undefined;
      this.requests.dropTransfer(call.id);
      this.emit({ type: 'transferCancelled', at: this.now(), vendorCallId: call.id });
    }
    // Cancelling the consultation gives the agent the caller back; the widget sends no OnUnhold for it.
    this.resume(call);
  }

  /** The agent's audio moved to the caller or to the consulted party. */
  switchLine(e: WidgetEvent, line: 'primary' | 'secondary'): void {
    const call = this.callFor(e, answered);
    if (!call) return;
    if (line === 'primary') this.resume(call);
    else this.putOnHold(call);
  }

  /**
   * An answer about the call's CTI data: to getCtiData (`query`), or to the agent's setCtiData or
   * removeCtiData. It is about the call on the agent's active line.
   */
  ctiAnswer(e: WidgetEvent, answers: 'query' | 'set' | 'removed'): void {
    if (answers === 'query' && this.ctiQueries.answerIsStale()) {
      this.log('debug', `Tegsoft: ${e.name} from before the agent changed the call data; ignored`);
      return;
    }
    const call =
      find(this.calls, e, (candidate) => connected(candidate) && voice(candidate)) ??
      find(this.calls, e, answered) ??
      find(this.calls, e);
    if (!call) {
      this.log('debug', `Tegsoft: ${e.name} with no call up; ignored`);
      return;
    }
    const cti = ctiAfterAnswer(call.cti, e.data, answers === 'removed');
    if (!cti) {
      this.log('warn', `ignored Tegsoft event "${e.name}": it carries no CTI data`, e.raw);
      return;
    }
    this.updateCall(call, () => {
      call.cti = cti;
    });
  }

  // ---- internals ----

  /** The widget's whole picture after a (re)load: the calls it shows, the agent's state. */
  private snapshot(agent: TegsoftAgent | undefined, lines: LineMatch | undefined): void {
    if (agent) this.agent = agent;
    const now = this.now();
    for (const { call, session } of lines?.shown ?? []) applySession(call, session, now);
    const gone = lines?.gone ?? [];
    const fresh = (lines?.fresh ?? []).map((session) => callFromStatus(session, now));
    for (const call of gone) this.forget(call);
    this.calls = [...this.calls.filter((call) => !gone.includes(call)), ...fresh];
    this.emit({
      type: 'snapshot',
      at: now,
      agentState: agent?.state,
      reason: agent?.reason,
      calls: this.calls.map(callInfo),
    });
    if (this.calls.some(answered)) this.out.queryCti = true;
  }

  /** Starts following `call` and reports it. */
  private add(call: TrackedCall): void {
    this.calls.push(call);
    this.emit({ type: 'callOffered', at: this.now(), call: callInfo(call) });
    if (call.state === 'ringing') this.out.ringing = true;
    if (call.state === 'connected') this.holdOthers(call);
    if (answered(call)) this.out.queryCti = true;
  }

  /** Follows a status's view of a call with events. */
  private follow(call: TrackedCall, session: SessionInfo): void {
    if (session.answered) {
      this.connect(call, session.answeredAt);
      if (session.held) this.putOnHold(call);
      else this.resume(call);
    }
    if (answered(call)) this.setMuted(call, session.muted);
  }

  /** The call an event about a call is about; an event about none is logged. */
  private callFor(e: WidgetEvent, prefer: (call: TrackedCall) => boolean): TrackedCall | undefined {
    const call = find(this.calls, e, prefer);
    if (!call) this.unknownCall(e);
    return call;
  }

  /** Adds what an event tells about a known call; reports it when the hub's picture changes. */
  private merge(call: TrackedCall, e: WidgetEvent): void {
    this.updateCall(call, () => mergeEvent(call, e));
  }

  /** Runs `change` on `call` and reports what changed for the hub. */
  private updateCall(call: TrackedCall, change: () => void): void {
    const update = updatedCall(call, change, this.now());
    if (update) this.emit(update);
  }

  private connect(call: TrackedCall, answeredAt?: number): void {
    if (!answerable(call)) return;
    call.state = 'connected';
    call.answeredAt = answeredAt ?? this.now();
    this.emit({ type: 'callAnswered', at: this.now(), vendorCallId: call.id });
    this.holdOthers(call);
    this.out.queryCti = true;
  }

  private putOnHold(call: TrackedCall): void {
    if (call.state !== 'connected') return;
    call.state = 'held';
    this.emit({ type: 'callHeld', at: this.now(), vendorCallId: call.id });
  }

  private resume(call: TrackedCall): void {
    if (call.state !== 'held') return;
    call.state = 'connected';
    this.emit({ type: 'callResumed', at: this.now(), vendorCallId: call.id });
    this.holdOthers(call);
  }

  private setMuted(call: TrackedCall, muted: boolean): void {
    if (call.muted === muted) return;
    call.muted = muted;
    this.emit({ type: 'callMuted', at: this.now(), vendorCallId: call.id, muted });
  }

  /** The agent's phone has one active line: a voice call taking it puts the other voice calls on hold. */
  private holdOthers(active: TrackedCall): void {
    if (!voice(active)) return;
    for (const other of this.calls) if (other !== active && voice(other)) this.putOnHold(other);
  }

  private startTransfer(call: TrackedCall, kind: TransferKind, target: string): void {
    if (call.transfer?.kind === kind || !answered(call)) return;
    call.transfer = { kind, target };
    this.emit({ type: 'transferStarted', at: this.now(), vendorCallId: call.id, kind, target });
  }

  private targetOf(e: WidgetEvent, call: TrackedCall, kind: TransferKind): string {
    return (
      text(e.data.extension) ??
      text(e.data.target) ??
      this.requests.transferTarget(call.id, kind) ??
      call.transfer?.target ??
      ''
    );
  }

  /** Why `call` ended: what the agent asked, else what the widget's event means. */
  private endReason(call: TrackedCall, how: 'hangup' | 'noAnswer'): EndReason {
    const asked = this.requests.endReason(call.id);
    if (asked) return asked;
    // A blind transfer hands the call over: the line closing after it is the transfer finishing.
    if (call.transfer?.kind === 'blind') return 'transferred';
    if (how === 'noAnswer' || (call.answeredAt === undefined && call.direction === 'inbound'))
      return 'missed';
    return 'remoteHangup';
  }

  private end(call: TrackedCall, reason: EndReason): void {
    this.calls = this.calls.filter((c) => c !== call);
    this.forget(call);
    this.emit({ type: 'callEnded', at: this.now(), vendorCallId: call.id, reason });
  }

  private forget(call: TrackedCall): void {
    this.requests.forget(call.id);
    this.endedIds = [...this.endedIds, call.id, ...call.aliases].slice(-ENDED_KEPT);
  }

  private unknownCall(e: WidgetEvent): void {
    const id = callIdOf(readProperties(e.data));
    if (id && this.endedIds.includes(id)) {
      // The widget reports one end several ways (OnIncomingCallHangup, then OnInboundAgentComplete).
      this.log('debug', `Tegsoft: ${e.name} for call ${id}, which has ended; ignored`);
      return;
    }
    if (this.calls.some((call) => call.transfer?.kind === 'attended')) {
      this.log('debug', `Tegsoft: ${e.name} about the consultation leg; ignored`);
      return;
    }
    if (!id && this.calls.length > 0) {
      this.log('debug', `Tegsoft: ${e.name} changes nothing; ignored`);
      return;
    }
    this.log('warn', `ignored Tegsoft event "${e.name}": it is about no call Softbar knows`, e.raw);
  }

  private emit(event: VendorEvent): void {
    this.out.events.push(this.raw === undefined ? event : { ...event, raw: this.raw });
  }
}

function emptyOutput(): Output {
  return { events: [], ringing: false, queryStatus: false, queryCti: false };
}
