import type { AgentStateKind } from '../../core/agent-state';
import type { EndReason } from '../../core/call';
import type { VendorEvent } from '../../core/vendor-events';
import type { AdapterContext } from '../contract';
import { type AgentIdentity, ownership } from './identity';
import {
  type CallEvent,
  type CallEventName,
  customVariables,
  readCallEvent,
  sameNumber,
  text,
} from './payload';
import { isOver, type PhonebarCall } from './phonebar';
import { callInfo, hangupReason, type TrackedCall, vendorDataOf } from './tracked-call';

/** What the tracker must not lose when the worker is stopped. */
export interface TrackerMemory {
  /** The live calls. */
  readonly calls: readonly TrackedCall[];
  /** Ids (and uniqueids) of calls that ended lately, so their late events are expected, not odd. */
  readonly ended: readonly string[];
  /** Uniqueids of abandoned calls already shown as missed. */
  readonly abandoned: readonly string[];
  /** Numbers the ids of Phonebar dials. */
  readonly seq: number;
}

/** How the tracker is set up. */
export interface TrackerOptions {
  /** Who the agent is. */
  readonly identity: AgentIdentity;
  /** Queues whose abandoned calls show as missed. */
  readonly queues: readonly string[];
  /** Whether a Phonebar watches the calls (it is then the judge of outbound progress). */
  readonly phonebar: boolean;
  /** Epoch ms. */
  readonly now: () => number;
  /** The worker's log. */
  readonly log: AdapterContext['log'];
}

const REMEMBERED = 100;
/** A dial the Phonebar accepted but neither it nor the realtime server ever shows is given up. */
export const DIAL_LINK_TIMEOUT_MS = 15_000;
/** A realtime `outbound` within this long of a Phonebar dial to the same number is that dial. */
const ADOPT_WINDOW_MS = 15_000;
/** An answered queue call whose Phonebar session is gone waits this long for the realtime `hangup` and its reason. */
export const GONE_GRACE_MS = 1_500;
/** Without a Phonebar, a call left ringing this long with no news rang out (xCALLY sends no event for that). */
export const STALE_RINGING_MS = 120_000;
/**
 * Without a Phonebar, an outbound call is never reported over (the document sends `hangup` for queue
 * calls only): one with no news this long is ended as `lost` (how it ended is unknown). Long, because
 * an answered outbound call looks the same as one still dialing; the agent's next call ends it sooner.
 */
export const STALE_DIALING_MS = 30 * 60_000;
/** A Phonebar session must be missing from this many polls in a row before its call is ended. */
export const GONE_POLLS = 2;

/**
 * Follows the agent's calls from xcally-realtime's call events and the Phonebar's call list, and says
 * what changed as normalized events. Pure bookkeeping: it never talks to the network.
 */
export class XcallyTracker {
  private calls: TrackedCall[] = [];
  private ended: string[] = [];
  private abandoned: string[] = [];
  private seq = 0;
  private agent: AgentStateKind;

  constructor(
    private readonly options: TrackerOptions,
    memory?: TrackerMemory,
  ) {
    if (memory) {
      this.calls = memory.calls.map((call) => ({ ...call, data: { ...call.data } }));
      this.ended = [...memory.ended];
      this.abandoned = [...memory.abandoned];
      this.seq = memory.seq;
    }
    this.agent = this.agentState();
  }

  /** The live calls, oldest first. */
  liveCalls(): readonly TrackedCall[] {
    return this.calls;
  }

  /** The live call the hub knows as `id`. */
  call(id: string): TrackedCall | undefined {
    return this.calls.find((call) => call.id === id);
  }

  /** What to save. */
  memory(): TrackerMemory {
    return {
      calls: this.calls.map((call) => ({ ...call, data: { ...call.data } })),
      ended: [...this.ended],
      abandoned: [...this.abandoned],
      seq: this.seq,
    };
  }

  /** The tracker's whole picture, for the hub after a (re)connect. */
  snapshot(): VendorEvent {
    return {
      type: 'snapshot',
      at: this.options.now(),
      agentState: this.agent,
      calls: this.calls.map(callInfo),
    };
  }

  // ---- the realtime server ----

  /** One call event from the realtime server; a malformed one is logged and ignored. */
  realtime(name: CallEventName, payload: unknown): VendorEvent[] {
    const event = readCallEvent(name, payload);
    if ('problem' in event) {
      this.options.log('warn', `xCALLY: ignored a malformed ${name} event: ${event.problem}`, payload);
      return [];
    }
    const out: VendorEvent[] = [];
    switch (event.name) {
      case 'ringing':
        this.ringing(event, out);
        break;
      case 'up':
        this.up(event, out);
        break;
      case 'hangup':
        this.hangup(event, out);
        break;
      case 'outbound':
        this.outbound(event, out);
        break;
      case 'abandon':
        this.abandon(event, out);
        break;
    }
    return this.withAgentState(out);
  }

  /**
   * Whose the event is. With `match: "agentnum"`, an outbound call's `agentnum` is the route's caller id
   * (1800800800 in the document's sample), not the agent's: its ownership is decided by `peer`.
   */
  private owner(event: CallEvent, call?: TrackedCall): ReturnType<typeof ownership> {
    const identity = this.options.identity;
    const outbound =
      event.name === 'outbound' ||
      call?.direction === 'outbound' ||
      text(event.data.direction)?.toLowerCase() === 'outbound';
    if (identity.match === 'agentnum' && outbound)
      return ownership({ ...identity, match: 'peer', value: identity.peer }, event.data);
    return ownership(identity, event.data);
  }

  /**
   * Without a Phonebar, the agent's next call means an earlier outbound call still shown as dialing is
   * over (nothing else would say so). Ended as `hangup`: the agent moved on to another call.
   */
  private supersede(event: CallEvent, out: VendorEvent[]): void {
    if (this.options.phonebar) return;
    for (const call of [...this.calls]) {
      if (call.direction !== 'outbound' || call.state !== 'dialing' || call.uniqueid === event.uniqueid)
        continue;
      this.options.log('info', `xCALLY: outbound call ${call.id} taken as over: the agent's next call began`);
      this.end(call, 'hangup', out);
    }
  }

  private ringing(event: CallEvent, out: VendorEvent[]): void {
    const call = this.byUniqueid(event.uniqueid);
    const owner = this.owner(event, call);
    if (owner === 'other') {
      this.elsewhere(call, event, out);
      return;
    }
    if (owner === 'unknown') {
      this.anonymous(event);
      return;
    }
    if (call) {
      // Asterisk rings the same agent again after a ring timeout: the same call, maybe with new data.
      if (call.state === 'ringing') this.merge(call, event, out);
      return;
    }
    this.supersede(event, out);
    const data = event.data;
    this.offer(
      {
        id: event.uniqueid,
        uniqueid: event.uniqueid,
        direction: 'inbound',
        state: 'ringing',
        remoteNumber: text(data.callernum) ?? '',
        remoteName: text(data.callername),
        queue: text(data.queue),
        ...this.fields(event),
      },
      event,
      out,
    );
  }

  private up(event: CallEvent, out: VendorEvent[]): void {
    const call = this.byUniqueid(event.uniqueid);
    const owner = this.owner(event, call);
    if (owner === 'other') {
      this.elsewhere(call, event, out);
      return;
    }
    if (owner === 'unknown' && !call) {
      this.anonymous(event);
      return;
    }
    if (call) {
      this.merge(call, event, out);
      if (call.state === 'ringing' || call.state === 'dialing') this.answer(call, out, event.data);
      return;
    }
    // Answered before Softbar was connected (or its `ringing` was lost): shown as it is now.
    this.supersede(event, out);
    const data = event.data;
    const outbound = text(data.direction)?.toLowerCase() === 'outbound';
    const at = this.options.now();
    this.offer(
      {
        id: event.uniqueid,
        uniqueid: event.uniqueid,
        direction: outbound ? 'outbound' : 'inbound',
        state: 'connected',
        remoteNumber: text(data.callernum) ?? text(data.extension) ?? '',
        remoteName: text(data.callername),
        queue: text(data.queue),
        answeredAt: at,
        ...this.fields(event),
      },
      event,
      out,
    );
  }

  private hangup(event: CallEvent, out: VendorEvent[]): void {
    const call = this.byUniqueid(event.uniqueid);
    const owner = this.owner(event, call);
    if (owner === 'other') {
      this.elsewhere(call, event, out);
      return;
    }
    if (!call) {
      // Ended from the bar already, or a call that ended before Softbar connected: nothing to show.
      if (owner === 'unknown' && !this.ended.includes(event.uniqueid)) this.anonymous(event);
      else this.options.log('debug', `xCALLY: hangup of a call not followed (${event.uniqueid})`);
      return;
    }
    this.merge(call, event, out);
    this.end(call, hangupReason(event.data.reason), out, event.data);
  }

  private outbound(event: CallEvent, out: VendorEvent[]): void {
    const owner = this.owner(event);
    if (owner === 'other') return;
    if (owner === 'unknown') {
      this.anonymous(event);
      return;
    }
    const known = this.byUniqueid(event.uniqueid);
    if (known) {
      this.merge(known, event, out);
      return;
    }
    const data = event.data;
    const dial = this.pendingDial(text(data.callernum), text(data.extension));
    if (dial) {
      dial.uniqueid = event.uniqueid;
      this.merge(dial, event, out);
      return;
    }
    this.supersede(event, out);
    this.offer(
      {
        id: event.uniqueid,
        uniqueid: event.uniqueid,
        direction: 'outbound',
        state: 'dialing',
        remoteNumber: text(data.callernum) ?? text(data.extension) ?? '',
        ...this.fields(event),
      },
      event,
      out,
    );
  }

  private abandon(event: CallEvent, out: VendorEvent[]): void {
    const call = this.byUniqueid(event.uniqueid);
    if (call) {
      // The caller gave up while it rang here; after an answer the event makes no sense.
      if (call.state === 'ringing') {
        this.merge(call, event, out);
        this.end(call, 'missed', out, event.data);
      } else
        this.options.log('warn', `xCALLY: ignored abandon of a ${call.state} call (${call.id})`, event.data);
      return;
    }
    // Ended here already (declined, gone to another agent): it is in the recent calls once.
    if (this.ended.includes(event.uniqueid)) return;
    const queue = text(event.data.queue);
    const watched =
      queue !== undefined && this.options.queues.some((q) => q.toLowerCase() === queue.toLowerCase());
    if (!watched || this.abandoned.includes(event.uniqueid)) return;
    this.abandoned = [event.uniqueid, ...this.abandoned].slice(0, REMEMBERED);
    // A missed queue call appears among the recent calls: offered, then ended at once. (The events have
    // no "missed elsewhere" kind, so this is a callOffered; it is limited to the configured `queues`.)
    const missed: TrackedCall = {
      id: event.uniqueid,
      uniqueid: event.uniqueid,
      direction: 'inbound',
      state: 'ringing',
      remoteNumber: text(event.data.callernum) ?? '',
      remoteName: text(event.data.callername),
      queue,
      ...this.fields(event),
    };
    this.offer(missed, event, out);
    this.end(missed, 'missed', out, event.data);
  }

  /**
   * Another agent's event about a call that rings here: once that agent answered it (`up`) or it ended
   * there (`hangup`), it went to that agent. Their `ringing` says nothing: ringall queues ring everyone.
   */
  private elsewhere(call: TrackedCall | undefined, event: CallEvent, out: VendorEvent[]): void {
    if (call?.state !== 'ringing' || event.name === 'ringing') return;
    this.options.log('info', `xCALLY: call ${call.id} went to another agent (${event.name})`);
    this.end(call, 'missed', out, event.data);
  }

  private anonymous(event: CallEvent): void {
    const match = this.options.identity.match;
    const fields = match === 'peer' ? 'peer' : `${match} or peer`;
    this.options.log(
      'warn',
      `xCALLY: ignored ${event.name} ${event.uniqueid}: it names no agent (no ${fields})`,
      event.data,
    );
  }

  /** The Phonebar dial (not yet seen on the realtime server) that a realtime `outbound` reports. */
  private pendingDial(callernum: string | undefined, extension: string | undefined): TrackedCall | undefined {
    const dials = this.calls.filter((call) => call.dialed !== undefined && call.uniqueid === undefined);
    return (
      dials.find((call) => sameNumber(call.dialed, callernum) || sameNumber(call.dialed, extension)) ??
      // An outbound route may rewrite the number; one dial waiting is still that dial.
      (dials.length === 1 ? dials[0] : undefined)
    );
  }

  // ---- the Phonebar ----

  /**
   * The agent placed a call through the Phonebar. Offered at once as dialing; when the realtime
   * `outbound` of the same number came first (it may overtake the Phonebar's answer), that call is it.
   */
  dialed(number: string, sessionId?: string): VendorEvent[] {
    const now = this.options.now();
    const early = this.calls.find(
      (call) =>
        call.direction === 'outbound' &&
        call.dialed === undefined &&
        call.state === 'dialing' &&
        now - call.createdAt <= ADOPT_WINDOW_MS &&
        (sameNumber(call.remoteNumber, number) || sameNumber(text(call.data.extension), number)),
    );
    // An outbound route may rewrite the number; one realtime outbound call waiting is still that dial.
    const waiting = this.calls.filter(
      (call) =>
        call.direction === 'outbound' &&
        call.dialed === undefined &&
        call.state === 'dialing' &&
        call.uniqueid !== undefined &&
        now - call.createdAt <= ADOPT_WINDOW_MS,
    );
    const adopted = early ?? (waiting.length === 1 ? waiting[0] : undefined);
    if (adopted) {
      adopted.dialed = number;
      adopted.sessionId ??= sessionId;
      return [];
    }
    this.seq += 1;
    const out: VendorEvent[] = [];
    this.offer(
      {
        id: `dial-${now.toString(36)}-${this.seq}`,
        sessionId,
        dialed: number,
        direction: 'outbound',
        state: 'dialing',
        remoteNumber: number,
        data: {},
        createdAt: now,
        lastNews: now,
      },
      undefined,
      out,
    );
    return this.withAgentState(out);
  }

  /** The Phonebar's call list: links calls to sessions and reports what only the Phonebar knows. */
  phonebar(sessions: readonly PhonebarCall[]): VendorEvent[] {
    const now = this.options.now();
    const out: VendorEvent[] = [];
    const claimed = new Set(this.calls.flatMap((call) => (call.sessionId ? [call.sessionId] : [])));
    for (const call of [...this.calls]) {
      if (call.sessionId === undefined) {
        const match = sessions.find((session) => !claimed.has(session.sessionId) && fits(call, session));
        if (match) {
          call.sessionId = match.sessionId;
          claimed.add(match.sessionId);
        } else if (
          call.dialed !== undefined &&
          call.uniqueid === undefined &&
          now - call.createdAt > DIAL_LINK_TIMEOUT_MS
        ) {
          this.end(call, 'failed', out);
          out.push({
            type: 'notice',
            at: now,
            level: 'warning',
            text: `The xCALLY Phonebar accepted the call to ${call.dialed} but never showed it; check the phone.`,
          });
          continue;
        }
      }
      if (call.sessionId === undefined) continue;
      const session = sessions.find((candidate) => candidate.sessionId === call.sessionId);
      this.follow(call, session, now, out);
    }
    return this.withAgentState(out);
  }

  private follow(
    call: TrackedCall,
    session: PhonebarCall | undefined,
    now: number,
    out: VendorEvent[],
  ): void {
    if (!session) {
      // One poll may have been read just before the session appeared: only a second miss in a row counts.
      call.goneSince ??= now;
      call.misses = (call.misses ?? 0) + 1;
      if (call.misses < GONE_POLLS) return;
    }
    if (!session || isOver(session.state)) {
      // The realtime `hangup` of an answered queue call says who hung up: give it a moment to arrive.
      const reported =
        call.uniqueid !== undefined && call.direction === 'inbound' && call.state !== 'ringing';
      call.goneSince ??= now;
      if (reported && now - call.goneSince < GONE_GRACE_MS) return;
      this.end(call, session?.state === 'released' ? 'transferred' : 'remoteHangup', out);
      return;
    }
    call.goneSince = undefined;
    call.misses = undefined;
    call.lastNews = now;
    switch (session.state) {
      case 'connected':
        if (call.state === 'ringing' || call.state === 'dialing') this.answer(call, out);
        else if (call.state === 'held') this.push(out, { type: 'callResumed', vendorCallId: call.id });
        call.state = 'connected';
        return;
      case 'held':
        if (call.state === 'ringing' || call.state === 'dialing') this.answer(call, out);
        if (call.state !== 'held') this.push(out, { type: 'callHeld', vendorCallId: call.id });
        call.state = 'held';
        return;
      default:
        return;
    }
  }

  // ---- what the bar did ----

  /** The Phonebar answered a call it could not name a session for: nothing else will say so. */
  answeredByCommand(id: string): VendorEvent[] {
    const call = this.call(id);
    if (!call || call.sessionId !== undefined || call.state !== 'ringing') return [];
    const out: VendorEvent[] = [];
    this.answer(call, out);
    return this.withAgentState(out);
  }

  /**
   * The Phonebar hung the call up for the agent. Ended now: a declined queue call goes back to the queue
   * without any realtime event, and a later `hangup` of it is expected, not odd.
   */
  endedByCommand(id: string, reason: EndReason): VendorEvent[] {
    const call = this.call(id);
    if (!call) return [];
    const out: VendorEvent[] = [];
    this.end(call, reason, out);
    return this.withAgentState(out);
  }

  /**
   * Without a Phonebar, ends calls left ringing with no news for STALE_RINGING_MS (they rang out), and
   * outbound calls left dialing for STALE_DIALING_MS.
   */
  expire(): VendorEvent[] {
    if (this.options.phonebar) return [];
    const now = this.options.now();
    const out: VendorEvent[] = [];
    for (const call of [...this.calls]) {
      if (call.state === 'ringing' && now - call.lastNews >= STALE_RINGING_MS) {
        this.options.log(
          'info',
          `xCALLY: call ${call.id} rang ${Math.round((now - call.lastNews) / 1000)} s with no news; shown as missed`,
        );
        this.end(call, 'missed', out);
      } else if (call.state === 'dialing' && now - call.lastNews >= STALE_DIALING_MS) {
        this.options.log(
          'info',
          `xCALLY: outbound call ${call.id} had no news for ${Math.round((now - call.lastNews) / 60_000)} min; taken as over`,
        );
        this.end(call, 'lost', out);
      }
    }
    return this.withAgentState(out);
  }

  // ---- bookkeeping ----

  private byUniqueid(uniqueid: string): TrackedCall | undefined {
    return this.calls.find((call) => call.uniqueid === uniqueid);
  }

  /** The raw fields, custom variables and times of a new call from its first event. */
  private fields(event: CallEvent): Pick<TrackedCall, 'data' | 'custom' | 'createdAt' | 'lastNews'> {
    const { customvariables: _wrapped, ...data } = event.data;
    const custom = customVariables(event.data, event.uniqueid);
    const now = this.options.now();
    return { data, custom: custom ? { ...custom } : undefined, createdAt: now, lastNews: now };
  }

  private offer(call: TrackedCall, event: CallEvent | undefined, out: VendorEvent[]): void {
    this.calls.push(call);
    this.forget(call);
    this.push(out, { type: 'callOffered', call: callInfo(call) }, event?.data);
  }

  /** Merges an event's fields into the call; reports the new data when something changed. */
  private merge(call: TrackedCall, event: CallEvent, out: VendorEvent[]): void {
    const before = JSON.stringify(vendorDataOf(call));
    const { customvariables: _wrapped, ...data } = event.data;
    call.data = { ...call.data, ...data };
    const custom = customVariables(event.data, event.uniqueid);
    if (custom) call.custom = { ...call.custom, ...custom };
    call.remoteName ??= text(data.callername);
    call.queue ??= text(data.queue);
    call.lastNews = this.options.now();
    if (JSON.stringify(vendorDataOf(call)) === before) return;
    this.push(
      out,
      {
        type: 'callUpdated',
        vendorCallId: call.id,
        remoteName: call.remoteName,
        queue: call.queue,
        vendorData: vendorDataOf(call),
      },
      event.data,
    );
  }

  private answer(call: TrackedCall, out: VendorEvent[], raw?: unknown): void {
    call.state = 'connected';
    call.answeredAt ??= this.options.now();
    this.push(out, { type: 'callAnswered', vendorCallId: call.id }, raw);
  }

  private end(call: TrackedCall, reason: EndReason, out: VendorEvent[], raw?: unknown): void {
    this.calls = this.calls.filter((candidate) => candidate !== call);
    const ids = [call.id, ...(call.uniqueid && call.uniqueid !== call.id ? [call.uniqueid] : [])];
    this.ended = [...ids, ...this.ended.filter((id) => !ids.includes(id))].slice(0, REMEMBERED);
    this.push(out, { type: 'callEnded', vendorCallId: call.id, reason }, raw);
  }

  /** A call offered again (a declined queue call ringing once more) is live, not ended. */
  private forget(call: TrackedCall): void {
    this.ended = this.ended.filter((id) => id !== call.id && id !== call.uniqueid);
  }

  private push(out: VendorEvent[], event: DistributiveOmit<VendorEvent, 'at'>, raw?: unknown): void {
    out.push({ ...event, at: this.options.now(), ...(raw === undefined ? {} : { raw }) } as VendorEvent);
  }

  /**
   * The document has no agent states: the bar shows the agent busy while on a call and ready otherwise,
   * as far as the calls tell.
   */
  private agentState(): AgentStateKind {
    return this.calls.some((call) => call.state !== 'ringing') ? 'busy' : 'ready';
  }

  private withAgentState(out: VendorEvent[]): VendorEvent[] {
    const state = this.agentState();
    if (state !== this.agent) {
      this.agent = state;
      out.push({ type: 'agentState', at: this.options.now(), state });
    }
    return out;
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** Whether a Phonebar session can be this call: the same number, in a state its direction allows. */
function fits(call: TrackedCall, session: PhonebarCall): boolean {
  if (isOver(session.state) || session.state === 'idle') return false;
  if (session.direction !== undefined && session.direction !== call.direction) return false;
  const allowed =
    call.direction === 'inbound' ? ['ringing', 'connected', 'held'] : ['dialing', 'connected', 'held'];
  if (!allowed.includes(session.state)) return false;
  // The document's outbound sample has callernum 123456789 and extension 3925926421: either may be shown.
  return (
    sameNumber(call.dialed ?? call.remoteNumber, session.number) ||
    sameNumber(text(call.data.extension), session.number)
  );
}
