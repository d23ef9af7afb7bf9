import type { CallDirection, CallMedia, EndReason, TransferKind } from '../../core/call';
import type { VendorEvent } from '../../core/vendor-events';
import type { AdapterContext } from '../contract';
import { notReadyReason, readAgent, type TegsoftAgent } from './agent';
import {
  type CtiData,
  callIdOf,
  NO_CTI,
  readCti,
  readEvent,
  readProperties,
  readSession,
  readSessions,
  type SessionInfo,
  sessionOf,
  text,
  type WidgetEvent,
} from './payload';
import { callInfo, hasId, type TrackedCall, vendorDataOf } from './tracked-call';

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

/** Fallback ids start with this: the widget gave no `CALLID`. */
export const FALLBACK_PREFIX = 'tegsoft-';
/** How long an agent's request explains the events that follow it. */
export const INTENT_TTL_MS = 30_000;
/** How many ended call ids are remembered. */
const ENDED_KEPT = 50;

type Logger = AdapterContext['log'];
type Handler = (tracker: TegsoftTracker, event: WidgetEvent) => void;
type CallDefaults = {
  readonly direction: CallDirection;
  readonly media: CallMedia;
  readonly state: TrackedCall['state'];
};

const INBOUND: CallDefaults = { direction: 'inbound', media: 'voice', state: 'ringing' };
const OUTBOUND: CallDefaults = { direction: 'outbound', media: 'voice', state: 'dialing' };
const WEBCHAT: CallDefaults = { direction: 'inbound', media: 'chat', state: 'ringing' };
const CAMPAIGN: CallDefaults = { direction: 'outbound', media: 'voice', state: 'dialing' };

const answerable = (call: TrackedCall) => call.state === 'ringing' || call.state === 'dialing';
const answered = (call: TrackedCall) => call.state === 'connected' || call.state === 'held';
const connected = (call: TrackedCall) => call.state === 'connected';
const held = (call: TrackedCall) => call.state === 'held';
const voice = (call: TrackedCall) => call.media === 'voice';
const onCampaign = (call: TrackedCall) => call.campaign !== undefined || call.direction === 'outbound';

/**
 * Every event of the document's list (section 3.2), and the CTI data answers. Each is what the widget
 * says happened; the tracker turns it into normalized events against the calls it follows.
 */
const HANDLERS: Readonly<Record<string, Handler>> = {
  status: (t, e) => t.status(e),
  // The document lists these without describing them; the status that follows tells the state.
  OnLogin: (t) => t.askStatus(),
  OnReady: (t) => t.setAgent({ state: 'ready' }),
  OnNotready: (t, e) => t.setAgent({ state: 'notReady', reason: notReadyReason(e.data) }),

  // One inbound call may come as all three: the first offers it, the others add what they carry.
  OnAgentCalled: (t, e) => t.offer(e, INBOUND),
  OnIncomingCallRinging: (t, e) => t.offer(e, INBOUND),
  OnInboundAgentCalled: (t, e) => t.offer(e, INBOUND),
  OnIncomingCallAnswered: (t, e) => t.answered(e, INBOUND),
  OnInboundAgentConnect: (t, e) => t.answered(e, INBOUND),
  OnIncomingCallHangup: (t, e) => t.ended(e, 'hangup'),
  OnInboundAgentComplete: (t, e) => t.ended(e, 'hangup'),
  OnAgentRingNoAnswer: (t, e) => t.ended(e, 'noAnswer'),

  OnOutgoingCallInitialized: (t, e) => t.offer(e, OUTBOUND),
  OnOutgoingCallRinging: (t, e) => t.offer(e, OUTBOUND),
  OnOutgoingCallAnswered: (t, e) => t.answered(e, OUTBOUND),
  OnOutgoingCallCancelled: (t, e) => t.ended(e, 'hangup'),
  OnOutgoingCallHangup: (t, e) => t.ended(e, 'hangup'),

  OnWebchatAgentCalled: (t, e) => t.offer(e, WEBCHAT),
  OnWebchatAgentConnect: (t, e) => t.answered(e, WEBCHAT),
  OnWebchatAgentComplete: (t, e) => t.ended(e, 'hangup'),

  // Campaign (dialer) calls: the agent waits for a contact, talks to it, does after-call work, is done.
  OnCampAgentWaitContact: (t, e) => t.campaignContact(e),
  OnCampAgentWaitConnect: (t, e) => t.answered(e, CAMPAIGN),
  OnCampAgentWaitAcw: (t, e) => t.campaignAfterCall(e),
  OnCampAgentComplete: (t, e) => t.campaignDone(e),
  OnCampAgentWaitComplete: (t, e) => t.campaignDone(e),

  OnHold: (t, e) => t.hold(e, true),
  OnUnhold: (t, e) => t.hold(e, false),
  OnMute: (t, e) => t.mute(e, true),
  OnUnmute: (t, e) => t.mute(e, false),

  OnBlindTransferInitialized: (t, e) => t.transferStarted(e, 'blind'),
  OnBlindTransferCompleted: (t, e) => t.transferCompleted(e, 'blind'),
  OnAttendedTransferInitialized: (t, e) => t.transferStarted(e, 'attended'),
  OnAttendedTransferConnected: (t, e) => t.consultAnswered(e),
  OnAttendedTransferCompleted: (t, e) => t.transferCompleted(e, 'attended'),
  OnAttendedTransferCancelled: (t, e) => t.transferCancelled(e),
  // The agent's audio moves to the caller (primary) or the consulted party (secondary): the other waits.
  OnAttendedTransferSwitchToPrimarySession: (t, e) => t.switchLine(e, 'primary'),
  OnAttendedTransferSwitchToSecondarySession: (t, e) => t.switchLine(e, 'secondary'),

  // Answers to getCtiData / setCtiData / removeCtiData; the document names no event for them.
  getCtiData: (t, e) => t.ctiAnswer(e, false),
  setCtiData: (t, e) => t.ctiAnswer(e, false),
  ctiData: (t, e) => t.ctiAnswer(e, false),
  removeCtiData: (t, e) => t.ctiAnswer(e, true),
};

/** The event names the tracker understands. */
export const KNOWN_EVENTS: readonly string[] = Object.keys(HANDLERS);

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
  private readonly endIntents = new Map<string, { reason: 'hangup' | 'rejected'; at: number }>();
  private readonly transferIntents = new Map<string, { kind: TransferKind; target: string; at: number }>();
  private dialIntent:
    | { number: string; variables?: Readonly<Record<string, string>>; at: number }
    | undefined;
  // The output being built for the message in hand.
  private out: { events: VendorEvent[]; ringing: boolean; queryStatus: boolean } = emptyOutput();
  private raw: unknown;

  constructor(
    private readonly now: () => number,
    private readonly log: Logger,
    memory?: TrackerMemory,
  ) {
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

  /** The agent asked to end `callId`; its end is then reported with `reason`. */
  expectEnd(callId: string, reason: 'hangup' | 'rejected'): void {
    this.endIntents.set(callId, { reason, at: this.now() });
  }

  /** The agent asked to transfer `callId` to `target` (the widget's events may not name it). */
  expectTransfer(callId: string, kind: TransferKind, target: string): void {
    this.transferIntents.set(callId, { kind, target, at: this.now() });
  }

  /** The agent dialed `number`, attaching `variables`: the outgoing call that follows is that one. */
  expectDial(number: string, variables?: Readonly<Record<string, string>>): void {
    this.dialIntent = { number, variables, at: this.now() };
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

  /** `status`: the agent's state and phone lines (a snapshot after a (re)load). */
  status(e: WidgetEvent): void {
    const hasAgent = Object.hasOwn(e.data, 'agent');
    const agent = hasAgent ? readAgent(e.data.agent) : undefined;
    if (hasAgent && !agent)
      this.log(
        'warn',
        'Tegsoft status: its agent has no "ready" flag; the agent state is left as it was',
        e.raw,
      );
    if (this.snapshotPending) {
      this.snapshotPending = false;
      this.snapshot(e, agent);
      return;
    }
    if (agent) this.setAgent(agent);
    for (const session of readSessions(e.data)) {
      const call = this.bySession(session);
      if (call && session.ended) this.end(call, this.endReason(call, 'hangup'));
      else if (call) this.follow(call, session);
    }
    // A call the events never told about (they were off, or lost): the status is all there is.
    const primary = readSession(e.data.primarySession);
    if (primary && !primary.ended && this.calls.length === 0) this.offer(e, INBOUND);
  }

  /** A call appears (or an appearing call is announced again, adding what it carries). */
  offer(e: WidgetEvent, defaults: CallDefaults): void {
    const props = readProperties(e.data);
    const id = callIdOf(props);
    const direction = directionOf(props, defaults.direction);
    const number = numberOf(e.data, direction);
    const seen = this.identify(e) ?? this.sameRingingCall(number, id);
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
    const dial = direction === 'outbound' ? this.takeDialIntent() : undefined;
    const remoteNumber = number ?? dial?.number;
    if (id === undefined && remoteNumber === undefined) {
      this.unknownCall(e);
      return;
    }
    const session = sessionOf(e.data, remoteNumber);
    const answeredNow = defaults.state === 'connected' || session?.answered === true;
    const call: TrackedCall = {
      id: id ?? fallbackId(session, remoteNumber ?? '', this.now()),
      aliases: [],
      direction,
      media: text(props.DIRECTION)?.toUpperCase() === 'CHAT' ? 'chat' : defaults.media,
      state: answeredNow
        ? session?.held
          ? 'held'
          : 'connected'
        : direction === 'inbound'
          ? 'ringing'
          : 'dialing',
      remoteNumber: remoteNumber ?? '',
      remoteName: text(props.callerIdName),
      queue: text(props.SKILLNAME) ?? text(props.skillName),
      campaign: text(props.campaignName),
      muted: session?.muted ?? false,
      answeredAt: answeredNow ? (session?.answeredAt ?? this.now()) : undefined,
      sessionStart: session?.sessionStart,
      properties: { ...props },
      cti: withCti(dial?.variables ? { ...NO_CTI, variables: { ...dial.variables } } : NO_CTI, ctiOf(e.data)),
    };
    this.calls.push(call);
    this.emit({ type: 'callOffered', at: this.now(), call: callInfo(call) });
    if (call.state === 'ringing') this.out.ringing = true;
    if (call.state === 'connected') this.holdOthers(call);
  }

  /** A call is answered; one never seen ringing starts here, connected. */
  answered(e: WidgetEvent, defaults: CallDefaults): void {
    const call = this.find(e, answerable);
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
    const call = this.find(e);
    if (!call) {
      this.unknownCall(e);
      return;
    }
    this.end(call, this.endReason(call, how));
  }

  /** The dialer calls a campaign contact for the agent. */
  campaignContact(e: WidgetEvent): void {
    const props = readProperties(e.data);
    // Without a contact the agent is only waiting for the dialer: nothing to show yet.
    if (!callIdOf(props) && !text(props.PHONE)) return;
    this.offer(e, CAMPAIGN);
  }

  /** The campaign call is over and the agent does after-call work. */
  campaignAfterCall(e: WidgetEvent): void {
    const call = this.find(e, onCampaign);
    if (call) this.end(call, this.endReason(call, 'hangup'));
    this.setAgent({ state: 'afterCallWork' });
  }

  /** The campaign contact is done: the status says where the agent is now. */
  campaignDone(e: WidgetEvent): void {
    const call = this.find(e, onCampaign);
    if (call) this.end(call, this.endReason(call, 'hangup'));
    this.askStatus();
  }

  /** `OnHold` / `OnUnhold`. */
  hold(e: WidgetEvent, on: boolean): void {
    const call = this.find(e, on ? connected : held);
    if (!call) {
      this.unknownCall(e);
      return;
    }
    if (on) this.putOnHold(call);
    else this.resume(call);
  }

  /** `OnMute` / `OnUnmute`. */
  mute(e: WidgetEvent, muted: boolean): void {
    const call = this.find(e, answered);
    if (!call) {
      this.unknownCall(e);
      return;
    }
    this.setMuted(call, muted);
  }

  /** A blind or attended transfer starts. */
  transferStarted(e: WidgetEvent, kind: TransferKind): void {
    const call = this.find(e, answered);
    if (!call) {
      this.unknownCall(e);
      return;
    }
    this.startTransfer(call, kind, this.targetOf(e, call, kind));
    // The caller waits while the agent consults; the widget sends no OnHold for it.
    if (kind === 'attended') this.putOnHold(call);
  }

  /** The consulted party answered: the agent may complete or cancel. */
  consultAnswered(e: WidgetEvent): void {
    const call = this.find(e, answered);
    if (!call) {
      this.unknownCall(e);
      return;
    }
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
    const call = this.find(e, answered);
    if (!call) {
      this.unknownCall(e);
      return;
    }
    this.startTransfer(call, kind, this.targetOf(e, call, kind));
    this.emit({ type: 'transferCompleted', at: this.now(), vendorCallId: call.id });
    this.end(call, 'transferred');
  }

  /** The consultation was cancelled. */
  transferCancelled(e: WidgetEvent): void {
    const call = this.find(e, answered);
    if (!call) {
      this.unknownCall(e);
      return;
    }
    if (call.transfer) {
      call.transfer = undefined;
      this.transferIntents.delete(call.id);
      this.emit({ type: 'transferCancelled', at: this.now(), vendorCallId: call.id });
    }
    // Cancelling the consultation gives the agent the caller back; the widget sends no OnUnhold for it.
    this.resume(call);
  }

  /** The agent's audio moved to the caller or to the consulted party. */
  switchLine(e: WidgetEvent, line: 'primary' | 'secondary'): void {
    const call = this.find(e, answered);
    if (!call) {
      this.unknownCall(e);
      return;
    }
    if (line === 'primary') this.resume(call);
    else this.putOnHold(call);
  }

  /** An answer about the call's CTI data (`removed`: it has none now). */
  ctiAnswer(e: WidgetEvent, removed: boolean): void {
    const call = this.find(e, answered) ?? this.find(e);
    if (!call) {
      this.log('debug', `Tegsoft: ${e.name} with no call up; ignored`);
      return;
    }
    const none = removed || e.data.ctiData === null;
    const cti = none ? undefined : ctiOf(e.data);
    if (!none && !cti) {
      this.log('warn', `ignored Tegsoft event "${e.name}": it carries no CTI data`, e.raw);
      return;
    }
    this.updateCall(call, () => {
      call.cti = none ? NO_CTI : withCti(call.cti, cti);
    });
  }

  // ---- internals ----

  /** The widget's whole picture after a (re)load: the calls it shows, the agent's state. */
  private snapshot(e: WidgetEvent, agent: TegsoftAgent | undefined): void {
    if (agent) this.agent = agent;
    const reportsLines = Object.hasOwn(e.data, 'primarySession');
    const matched: TrackedCall[] = [];
    for (const session of reportsLines ? readSessions(e.data) : []) {
      if (session.ended) continue;
      let call = this.bySession(session) ?? this.loneVoiceCall(session, matched);
      // The consultation leg of an attended transfer is part of the call being transferred.
      if (!call && this.consultLeg(session)) continue;
      call ??= this.callFromStatus(session);
      applySession(call, session, this.now());
      matched.push(call);
    }
    // The status describes the phone lines only: chats it cannot see are kept as they are.
    const kept = (call: TrackedCall) => matched.includes(call) || !reportsLines || call.media === 'chat';
    const calls = [...this.calls.filter(kept), ...matched.filter((call) => !this.calls.includes(call))];
    for (const gone of this.calls.filter((call) => !calls.includes(call))) this.forget(gone);
    this.calls = calls;
    this.emit({
      type: 'snapshot',
      at: this.now(),
      agentState: agent?.state,
      reason: agent?.reason,
      calls: calls.map(callInfo),
    });
  }

  /** After a reload with its memory lost, a lone voice call with the session's number is that call. */
  private loneVoiceCall(session: SessionInfo, taken: readonly TrackedCall[]): TrackedCall | undefined {
    const candidates = this.calls.filter(
      (call) =>
        voice(call) &&
        !taken.includes(call) &&
        call.remoteNumber === session.remoteNumber &&
        (session.sessionStart === undefined || call.sessionStart === undefined),
    );
    return candidates.length === 1 ? candidates[0] : undefined;
  }

  private consultLeg(session: SessionInfo): boolean {
    return this.calls.some(
      (call) =>
        call.transfer?.kind === 'attended' &&
        (call.transfer.target === '' || call.transfer.target === session.remoteNumber),
    );
  }

  private callFromStatus(session: SessionInfo): TrackedCall {
    const remoteNumber = session.remoteNumber ?? '';
    // A status has no call properties: the direction is unknown, and inbound is the likelier one.
    return {
      id: fallbackId(session, remoteNumber, this.now()),
      aliases: [],
      direction: 'inbound',
      media: 'voice',
      state: 'ringing',
      remoteNumber,
      muted: false,
      sessionStart: session.sessionStart,
      properties: {},
      cti: NO_CTI,
    };
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

  /**
   * The call an event names: by its `CALLID` (or an alias), or, for a `CALLID` not seen yet, a call
   * first seen without one that has the event's number or session. Without a `CALLID`, the call whose
   * session is the primary line's.
   */
  private identify(e: WidgetEvent): TrackedCall | undefined {
    const id = callIdOf(readProperties(e.data));
    if (id === undefined) {
      const session = readSession(e.data.primarySession);
      return session ? this.bySession(session) : undefined;
    }
    const found =
      this.call(id) ??
      this.calls.find(
        (call) =>
          call.id.startsWith(FALLBACK_PREFIX) &&
          (numberOf(e.data, call.direction) === call.remoteNumber ||
            (call.sessionStart !== undefined &&
              sessionOf(e.data, call.remoteNumber)?.sessionStart === call.sessionStart)),
      );
    if (found && !hasId(found, id)) found.aliases.push(id);
    return found;
  }

  /**
   * The call an event is about: the one it names, else, when it names none, the newest live call
   * `prefer` accepts (the widget acts on one line at a time, so an event without ids is about it).
   */
  private find(e: WidgetEvent, prefer?: (call: TrackedCall) => boolean): TrackedCall | undefined {
    const named = this.identify(e);
    if (named || callIdOf(readProperties(e.data)) !== undefined) return named;
    return (prefer ? this.calls.filter(prefer) : this.calls).at(-1);
  }

  private bySession(session: SessionInfo): TrackedCall | undefined {
    const start = session.sessionStart;
    return start === undefined ? undefined : this.calls.find((call) => call.sessionStart === start);
  }

  /** The same call announced again without its id (OnAgentCalled, then OnIncomingCallRinging). */
  private sameRingingCall(number: string | undefined, id: string | undefined): TrackedCall | undefined {
    if (number === undefined) return undefined;
    return this.calls.find(
      (call) =>
        answerable(call) &&
        call.remoteNumber === number &&
        (id === undefined || call.id.startsWith(FALLBACK_PREFIX)),
    );
  }

  /** Adds what an event tells about a known call; reports it when the hub's picture changes. */
  private merge(call: TrackedCall, e: WidgetEvent): void {
    const props = readProperties(e.data);
    const id = callIdOf(props);
    this.updateCall(call, () => {
      if (id && !hasId(call, id)) call.aliases.push(id);
      Object.assign(call.properties, props);
      call.remoteName = text(props.callerIdName) ?? call.remoteName;
      call.queue = text(props.SKILLNAME) ?? text(props.skillName) ?? call.queue;
      call.campaign = text(props.campaignName) ?? call.campaign;
      if (call.remoteNumber === '') call.remoteNumber = numberOf(e.data, call.direction) ?? '';
      call.sessionStart ??= sessionOf(e.data, call.remoteNumber)?.sessionStart;
      const cti = ctiOf(e.data);
      if (cti) call.cti = withCti(call.cti, cti);
    });
  }

  /** Runs `change` on `call` and emits `callUpdated` with what changed for the hub. */
  private updateCall(call: TrackedCall, change: () => void): void {
    const before = {
      name: call.remoteName,
      queue: call.queue,
      campaign: call.campaign,
      data: vendorDataOf(call),
    };
    change();
    const data = vendorDataOf(call);
    const sameData = JSON.stringify(before.data) === JSON.stringify(data);
    if (
      sameData &&
      before.name === call.remoteName &&
      before.queue === call.queue &&
      before.campaign === call.campaign
    )
      return;
    // The hub merges vendorData over what it has: keys that went away are sent as undefined.
    const removed = Object.fromEntries(
      Object.keys(before.data)
        .filter((key) => !Object.hasOwn(data, key))
        .map((key) => [key, undefined]),
    );
    this.emit({
      type: 'callUpdated',
      at: this.now(),
      vendorCallId: call.id,
      remoteName: call.remoteName,
      queue: call.queue,
      campaign: call.campaign,
      vendorData: sameData ? undefined : { ...removed, ...data },
    });
  }

  private connect(call: TrackedCall, answeredAt?: number): void {
    if (!answerable(call)) return;
    call.state = 'connected';
    call.answeredAt = answeredAt ?? this.now();
    this.emit({ type: 'callAnswered', at: this.now(), vendorCallId: call.id });
    this.holdOthers(call);
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
    const intent = this.transferIntents.get(call.id);
    const asked = intent && intent.kind === kind && this.recent(intent.at) ? intent.target : undefined;
    return text(e.data.extension) ?? text(e.data.target) ?? asked ?? call.transfer?.target ?? '';
  }

  /** Why `call` ended: what the agent asked, else what the widget's event means. */
  private endReason(call: TrackedCall, how: 'hangup' | 'noAnswer'): EndReason {
    const intent = this.endIntents.get(call.id);
    if (intent && this.recent(intent.at)) return intent.reason;
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
    this.endIntents.delete(call.id);
    this.transferIntents.delete(call.id);
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

  private takeDialIntent() {
    const intent = this.dialIntent;
    this.dialIntent = undefined;
    return intent && this.recent(intent.at) ? intent : undefined;
  }

  private recent(at: number): boolean {
    return this.now() - at <= INTENT_TTL_MS;
  }

  private emit(event: VendorEvent): void {
    this.out.events.push(this.raw === undefined ? event : { ...event, raw: this.raw });
  }
}

function emptyOutput() {
  return { events: [] as VendorEvent[], ringing: false, queryStatus: false };
}

function directionOf(props: Readonly<Record<string, unknown>>, fallback: CallDirection): CallDirection {
  const direction = text(props.DIRECTION)?.toUpperCase();
  if (direction === 'OUTBOUND') return 'outbound';
  if (direction === 'INBOUND' || direction === 'CHAT') return 'inbound';
  return fallback;
}

/**
 * The other party's number. Inbound: the caller id. Outbound: the contact's `PHONE` (a campaign's
 * session may show the dialed trunk string instead). Else the session of a lone line.
 */
function numberOf(data: Readonly<Record<string, unknown>>, direction: CallDirection): string | undefined {
  const props = readProperties(data);
  const lone = readSession(data.secondarySession)
    ? undefined
    : readSession(data.primarySession)?.remoteNumber;
  return direction === 'inbound'
    ? (text(props.callerId) ?? text(props.PHONE) ?? lone)
    : (text(props.PHONE) ?? lone ?? text(props.callerId));
}

/** CTI data an event carries (`ctiData`, at the top or in the call properties). */
function ctiOf(data: Readonly<Record<string, unknown>>): Partial<CtiData> | undefined {
  return readCti(data.ctiData) ?? readCti(readProperties(data).ctiData);
}

/** `base` with the fields `update` carries replaced (an answer carries the whole of each field). */
function withCti(base: CtiData, update: Partial<CtiData> | undefined): CtiData {
  return update ? { ...base, ...update } : base;
}

/** A stable id for a call the widget gave no `CALLID` for: the same session gives the same id. */
function fallbackId(session: SessionInfo | undefined, remoteNumber: string, now: number): string {
  const start = session?.sessionStart ? Date.parse(session.sessionStart) : Number.NaN;
  const when = Number.isFinite(start) ? start : now;
  return `${FALLBACK_PREFIX}${when}-${remoteNumber.replace(/[^0-9+*#]/g, '')}`;
}

/** Sets a call's fields from a status's session (in a snapshot, which reports them whole). */
function applySession(call: TrackedCall, session: SessionInfo, now: number): void {
  if (session.answered) {
    call.state = session.held ? 'held' : 'connected';
    call.answeredAt ??= session.answeredAt ?? now;
  } else if (!answered(call)) {
    call.state = call.direction === 'inbound' ? 'ringing' : 'dialing';
  }
  call.muted = session.muted;
  call.sessionStart ??= session.sessionStart;
  if (call.remoteNumber === '' && session.remoteNumber) call.remoteNumber = session.remoteNumber;
}
