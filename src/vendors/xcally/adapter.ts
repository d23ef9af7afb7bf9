import type { Call } from '../../core/call';
import { COMMAND_LABELS, type VendorCommand } from '../../core/commands';
import type { VendorEvent } from '../../core/vendor-events';
import type { AdapterContext, VendorAdapter } from '../contract';
import { dialableWithoutExtension } from '../shared/dialable';
import { agentCti, agentCtiNotification, type RequestResult } from './agent-requests';
import { xcallyCapabilities } from './capabilities';
import { agentIdentity } from './identity';
import { RealtimeLink } from './link';
import { CALL_EVENTS, type CallEventName, isObject } from './payload';
import { type Fetch, isOver, PhonebarClient } from './phonebar';
import { PhonebarWatch } from './phonebar-watch';
import { realtimeCti } from './realtime-cti';
import type { XcallySettings } from './settings';
import { openSocket, type SocketFactory } from './socket';
import { vendorDataOf } from './tracked-call';
import { type TrackerMemory, XcallyTracker } from './tracker';

const MEMORY_KEY = 'xcally.tracker';
/** A saved call picture older than this is stale (the worker was stopped for long): it is dropped. */
export const MEMORY_MAX_AGE_MS = 12 * 60 * 60_000;
/** At most this many AgentCTI pages open per AGENT_CTI_WINDOW_MS; the rest are dropped. */
export const AGENT_CTI_MAX_PAGES = 5;
export const AGENT_CTI_WINDOW_MS = 10_000;

/** The saved call picture, with when and for which server and agent it was saved. */
interface SavedMemory extends TrackerMemory {
  readonly savedAt: number;
  readonly profile: string;
}
/** Without a Phonebar, how often calls left ringing are looked at (see STALE_RINGING_MS). */
const EXPIRY_CHECK_MS = 15_000;

/** What the adapter needs from outside besides settings and context; tests pass fakes. */
export interface XcallyDeps {
  /** Makes the socket.io connection (default: socket.io-client 2 or 4 by `engineIo`). */
  readonly socket?: SocketFactory;
  /** Reaches the Phonebar (default: the worker's fetch). */
  readonly fetch?: Fetch;
}

/**
 * Connects the hub to xCALLY: call events and the agent's pushes over socket.io from xcally-realtime,
 * commands and call progress through the Phonebar's HTTP API on the agent's computer. Runs in the
 * service worker.
 */
export class XcallyAdapter implements VendorAdapter {
  readonly id = 'xcally' as const;
  readonly capabilities;
  private readonly identity;
  private readonly listeners = new Set<(event: VendorEvent) => void>();
  private readonly link: RealtimeLink;
  private readonly phonebar: PhonebarClient | undefined;
  private readonly watch: PhonebarWatch | undefined;
  private tracker: XcallyTracker | undefined;
  private status: 'new' | 'connected' | 'down' = 'new';
  private expiryTimer: ReturnType<typeof setInterval> | undefined;
  private disposed = false;
  private saving: Promise<void> = Promise.resolve();
  private saveQueued = false;
  /** When the latest AgentCTI pages were opened (epoch ms). */
  private pages: number[] = [];
  private pagesWarned = false;

  constructor(
    private readonly settings: XcallySettings,
    private readonly ctx: AdapterContext,
    deps: XcallyDeps = {},
  ) {
    this.capabilities = xcallyCapabilities(settings);
    this.identity = agentIdentity(settings);
    this.link = new RealtimeLink(settings, deps.socket ?? openSocket, ctx.log, {
      connected: () => this.linkUp(),
      reconnecting: (message) => this.linkDown(message),
      event: (name, payload) => this.received(name, payload),
    });
    if (settings.phonebarUrl !== undefined) {
      // Bound: the worker's fetch throws "Illegal invocation" when called as a method of something else.
      const fetcher = deps.fetch ?? ((url: string, init?: RequestInit) => fetch(url, init));
      this.phonebar = new PhonebarClient(settings.phonebarUrl, fetcher);
      this.watch = new PhonebarWatch(this.phonebar, {
        active: () => !this.disposed && (this.tracker?.liveCalls().length ?? 0) > 0,
        calls: (calls) => this.apply(this.tracker?.phonebar(calls) ?? []),
        failed: (error, streak) => this.pollFailed(error, streak),
      });
    }
  }

  async connect(signal: AbortSignal): Promise<void> {
    signal.throwIfAborted();
    // On a retry the bar keeps showing why the last attempt failed, so it is not reset to "connecting".
    if (this.status === 'new') this.emit({ type: 'connection', at: this.ctx.now(), status: 'connecting' });
    this.tracker ??= new XcallyTracker(
      {
        identity: this.identity,
        queues: this.settings.queues,
        phonebar: this.phonebar !== undefined,
        now: this.ctx.now,
        log: this.ctx.log,
      },
      await this.remembered(),
    );
    signal.throwIfAborted();
    await this.link.open(signal);
  }

  async execute(command: VendorCommand): Promise<void> {
    const tracker = this.tracker;
    if (this.disposed || !tracker || this.status !== 'connected')
      throw new Error('xCALLY is not connected right now; try again in a moment.');
    const phonebar = this.phonebar;
    if (!phonebar || !this.capabilities[command.type as keyof typeof this.capabilities])
      throw new Error(
        ['dial', 'answer', 'reject', 'hangup'].includes(command.type)
          ? `${COMMAND_LABELS[command.type]} needs the xCALLY Phonebar: add "phonebarUrl" to the profile, e.g. "http://127.0.0.1:9888".`
          : `${COMMAND_LABELS[command.type]} is not supported by xCALLY.`,
      );
    switch (command.type) {
      case 'dial': {
        const number = dialable(command.number);
        const { sessionId } = await phonebar.originate(number);
        this.watch?.changed();
        this.apply(tracker.dialed(number, sessionId));
        return;
      }
      case 'answer': {
        const call = this.liveCall(command.vendorCallId);
        if (call.direction !== 'inbound' || call.state !== 'ringing')
          throw new Error('Only a ringing incoming call can be answered.');
        // Without a session id the Phonebar answers the call that rings, which is this one.
        const { sessionId, sessions } = await this.sessionOf(call.id);
        if (sessionId === undefined && sessions > 1)
          throw new Error(
            "Softbar could not find this call among the Phonebar's calls, and answering without naming it could pick another one: answer it on the phone.",
          );
        await phonebar.answer(sessionId);
        this.apply(tracker.answeredByCommand(call.id));
        return;
      }
      case 'reject':
      case 'hangup': {
        const call = this.liveCall(command.vendorCallId);
        const ringingIn = call.direction === 'inbound' && call.state === 'ringing';
        if (command.type === 'reject' && !ringingIn)
          throw new Error('Only a ringing incoming call can be declined.');
        const { sessionId, sessions } = await this.sessionOf(call.id);
        if (sessionId === undefined && (tracker.liveCalls().length > 1 || sessions > 1))
          throw new Error(
            "Softbar could not find this call among the Phonebar's calls, and hanging up without naming it would end every call: hang it up on the phone.",
          );
        await phonebar.hangup(sessionId);
        this.apply(tracker.endedByCommand(call.id, ringingIn ? 'rejected' : 'hangup'));
        return;
      }
      default:
        throw new Error(`${COMMAND_LABELS[command.type]} is not supported by xCALLY.`);
    }
  }

  onEvent(listener: (event: VendorEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** With `realtimeCti.enabled`, shows the pop in xCALLY's Integration Realtime (the document's pushevent). */
  screenPopped(pop: {
    readonly vendorCallId: string;
    readonly url: string;
    readonly rule: string;
    readonly call: Call;
  }): void {
    if (!this.settings.realtimeCti.enabled || this.disposed) return;
    const tracked = this.tracker?.call(pop.vendorCallId);
    const data = tracked ? vendorDataOf(tracked) : pop.call.vendorData;
    const payload = realtimeCti(this.settings.realtimeCti.appName, data, pop, this.ctx.now());
    if (!this.link.emit('RealtimeCTI', payload))
      this.ctx.log('warn', 'xCALLY: a screen-pop was not reported to Realtime: not connected', payload);
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    this.link.close();
    this.watch?.stop();
    clearInterval(this.expiryTimer);
    this.listeners.clear();
    await this.saving;
  }

  // ---- the realtime connection ----

  private linkUp(): void {
    const tracker = this.tracker;
    if (this.disposed || !tracker) return;
    this.status = 'connected';
    // The server replays nothing: what the tracker knows is the picture; the Phonebar corrects it.
    this.emit(tracker.snapshot());
    this.emit({ type: 'connection', at: this.ctx.now(), status: 'connected' });
    this.afterChange();
  }

  private linkDown(message: string): void {
    if (this.disposed) return;
    this.status = 'down';
    this.emit({ type: 'connection', at: this.ctx.now(), status: 'reconnecting', message });
  }

  private received(name: string, payload: unknown): void {
    const tracker = this.tracker;
    if (this.disposed || !tracker) return;
    if ((CALL_EVENTS as readonly string[]).includes(name)) {
      this.watch?.changed();
      this.apply(tracker.realtime(name as CallEventName, payload));
      return;
    }
    const at = this.ctx.now();
    const result: RequestResult =
      name === 'AgentCTI'
        ? agentCti(this.identity, payload, at, tracker.liveCalls().at(-1)?.id)
        : agentCtiNotification(this.identity, payload, at);
    if ('ignored' in result) this.ctx.log(result.level, `xCALLY: ignored ${result.ignored}`, payload);
    else
      for (const event of result.events)
        if (event.type !== 'openPage' || this.pageAllowed(at)) this.emit(event);
  }

  /** Whether another AgentCTI page may open now: a flood of pushes must not open dozens of windows. */
  private pageAllowed(at: number): boolean {
    this.pages = this.pages.filter((opened) => at - opened < AGENT_CTI_WINDOW_MS);
    if (this.pages.length < AGENT_CTI_MAX_PAGES) {
      this.pages.push(at);
      this.pagesWarned = false;
      return true;
    }
    this.ctx.log('warn', 'xCALLY: dropped an AgentCTI page: too many in a short time');
    if (!this.pagesWarned) {
      this.pagesWarned = true;
      this.emit({
        type: 'notice',
        at,
        level: 'warning',
        text: `The contact center asked to open more than ${AGENT_CTI_MAX_PAGES} pages within ${AGENT_CTI_WINDOW_MS / 1000} s; the rest were not opened.`,
      });
    }
    return false;
  }

  // ---- the Phonebar ----

  /**
   * The call's Phonebar session, reading the Phonebar's list once when it is not known yet, and how
   * many live sessions that list had (0 when it was not read). Throws when the call ended meanwhile.
   */
  private async sessionOf(id: string): Promise<{ sessionId: string | undefined; sessions: number }> {
    let sessions = 0;
    if (this.tracker?.call(id)?.sessionId === undefined) {
      const list = (await this.watch?.now()) ?? [];
      sessions = list.filter((session) => !isOver(session.state) && session.state !== 'idle').length;
    }
    // Reading the list may have ended the call: a bare request would then act on another one.
    return { sessionId: this.liveCall(id).sessionId, sessions };
  }

  private pollFailed(error: unknown, streak: number): void {
    if (streak !== 1) return;
    this.ctx.log('warn', "xCALLY: could not read the Phonebar's calls", error);
    const reason = error instanceof Error ? error.message : String(error);
    this.emit({
      type: 'notice',
      at: this.ctx.now(),
      level: 'warning',
      text: `${reason} Until it answers, the bar may not show how your calls are going.`,
    });
  }

  // ---- events, timers and memory ----

  private liveCall(id: string) {
    const call = this.tracker?.call(id);
    if (!call) throw new Error('That call has already ended.');
    return call;
  }

  private apply(events: readonly VendorEvent[]): void {
    for (const event of events) this.emit(event);
    this.afterChange();
  }

  /** After the calls changed: save, and poll or check for stale calls while any is live. */
  private afterChange(): void {
    if (this.disposed) return;
    this.save();
    this.watch?.wake();
    const waiting =
      this.tracker?.liveCalls().some((call) => call.state === 'ringing' || call.state === 'dialing') ?? false;
    if (this.phonebar || !waiting) {
      clearInterval(this.expiryTimer);
      this.expiryTimer = undefined;
    } else this.expiryTimer ??= setInterval(() => this.apply(this.tracker?.expire() ?? []), EXPIRY_CHECK_MS);
  }

  private emit(event: VendorEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  private profileKey(): string {
    return profileOf(this.settings);
  }

  private async remembered(): Promise<TrackerMemory | undefined> {
    const memory = await this.ctx.store.get<unknown>(MEMORY_KEY);
    if (memory === undefined) return undefined;
    if (
      isObject(memory) &&
      Array.isArray(memory.calls) &&
      Array.isArray(memory.ended) &&
      Array.isArray(memory.abandoned)
    ) {
      const savedAt = typeof memory.savedAt === 'number' ? memory.savedAt : undefined;
      if (savedAt === undefined || this.ctx.now() - savedAt > MEMORY_MAX_AGE_MS) {
        this.ctx.log('info', 'xCALLY: the saved call picture is too old; starting afresh');
        return undefined;
      }
      if (memory.profile !== this.profileKey()) {
        this.ctx.log(
          'info',
          "xCALLY: the saved call picture is another server's or agent's; starting afresh",
        );
        return undefined;
      }
      return memory as unknown as TrackerMemory;
    }
    this.ctx.log('warn', 'xCALLY: the saved call picture is unreadable; starting afresh', memory);
    return undefined;
  }

  /** Saves the tracker's picture; writes are serialized and coalesced so the last one always lands. */
  private save(): void {
    if (this.saveQueued) return;
    this.saveQueued = true;
    this.saving = this.saving.then(async () => {
      this.saveQueued = false;
      if (!this.tracker) return;
      try {
        const saved: SavedMemory = {
          ...this.tracker.memory(),
          savedAt: this.ctx.now(),
          profile: this.profileKey(),
        };
        await this.ctx.store.set(MEMORY_KEY, saved);
      } catch (error) {
        this.ctx.log('warn', 'xCALLY: could not save the call picture', error);
      }
    });
  }
}

/** Which server and agent a saved call picture belongs to. */
function profileOf(settings: XcallySettings): string {
  return JSON.stringify([
    settings.url,
    settings.path,
    settings.peer,
    settings.match,
    settings.phonebarUrl ?? null,
  ]);
}

/** The number to originate, or an Error that says what is wrong with it. */
function dialable(input: string): string {
  return dialableWithoutExtension(
    input,
    (base) =>
      `The xCALLY Phonebar dials numbers without extensions: dial ${base}, then key the extension on the phone.`,
  );
}
