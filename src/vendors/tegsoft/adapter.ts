import type { VendorCommand } from '../../core/commands';
import type { VendorEvent } from '../../core/vendor-events';
import type { AdapterContext, VendorAdapter } from '../contract';
import type { FrameChannel } from '../frame-host';
import { EventWait } from '../shared/event-wait';
import { action, actionsFor, type TegsoftActionName } from './actions';
import { Backoff } from './backoff';
import { tegsoftCapabilities } from './capabilities';
import { commandProblem } from './command-checks';
import { expectOutcome, unreported } from './command-effects';
import { Heartbeat } from './heartbeat';
import { screenLayout } from './layout';
import {
  CLOSED,
  NOT_ANSWERING,
  NOT_CONNECTED,
  noEventsMessage,
  RELOADED,
  SCREEN_DURING_CALL,
} from './messages';
import { SavedPicture } from './saved-picture';
import type { TegsoftSettings } from './settings';
import { DEFAULT_TIMING, type TegsoftTiming } from './timing';
import { TegsoftTracker } from './tracker';
import { widgetOrigin, widgetUrl } from './widget-url';

const FRAME_KEY = 'tegsoft';

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Connects the hub to the Tegsoft widget: the widget page runs in a frame the frame host keeps (the
 * offscreen document), actions are posted to it and its events come back through the tracker.
 */
export class TegsoftAdapter implements VendorAdapter {
  readonly id = 'tegsoft' as const;
  readonly capabilities;
  private readonly listeners = new Set<(event: VendorEvent) => void>();
  private readonly timing: TegsoftTiming;
  private readonly saved: SavedPicture;
  private readonly heartbeat: Heartbeat;
  private readonly backoff: Backoff;
  // Aborted on dispose: the adapter's own waits and reconnects end with it.
  private readonly lifetime = new AbortController();
  private channel: FrameChannel | undefined;
  private opening: Promise<FrameChannel> | undefined;
  private unsubscribe: (() => void)[] = [];
  private tracker: TegsoftTracker | undefined;
  private wait: EventWait | undefined;
  private watchdog: ReturnType<typeof setTimeout> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private status: 'new' | 'waiting' | 'connected' | 'reconnecting' = 'new';
  private disposed = false;
  // The frame sent an event at least once; until it does, failed waits are counted toward reloading it.
  private heard = false;
  private silentWaits = 0;

  constructor(
    private readonly settings: TegsoftSettings,
    private readonly ctx: AdapterContext,
    timing: Partial<TegsoftTiming> = {},
  ) {
    this.capabilities = tegsoftCapabilities(settings);
    this.timing = { ...DEFAULT_TIMING, ...timing };
    this.saved = new SavedPicture(ctx.store, ctx.log);
    this.backoff = new Backoff(this.timing.retryBaseMs, this.timing.retryMaxMs);
    this.heartbeat = new Heartbeat(
      { intervalMs: this.timing.heartbeatMs, answerMs: this.timing.heartbeatAnswerMs },
      () => this.beat(),
      () => this.silent(),
    );
  }

  async connect(signal: AbortSignal): Promise<void> {
    signal.throwIfAborted();
    // On a retry the bar keeps showing why the last attempt failed, so it is not reset to "connecting".
    if (this.status === 'new') this.emit({ type: 'connection', at: this.ctx.now(), status: 'connecting' });
    this.tracker ??= new TegsoftTracker(this.ctx.now, this.ctx.log, await this.saved.load());
    signal.throwIfAborted();
    this.status = 'waiting';
    const wait = this.startWait(signal);
    try {
      await this.reloadIfDead();
      await this.open();
      signal.throwIfAborted();
    } catch (error) {
      wait.cancel();
      throw error;
    }
    this.query();
    wait.arm();
    await wait.done;
  }

  async execute(command: VendorCommand): Promise<void> {
    const tracker = this.tracker;
    if (this.disposed || !tracker || !this.channel || this.status !== 'connected')
      throw new Error(NOT_CONNECTED);
    const problem = commandProblem(command, tracker.liveCalls());
    if (problem) throw new Error(problem);
    const call = 'vendorCallId' in command ? tracker.call(command.vendorCallId) : undefined;
    const actions = actionsFor(command, { cti: call?.cti, notReadyReasons: this.settings.notReadyReasons });
    if (
      command.type === 'setAgentState' &&
      command.state !== 'offline' &&
      tracker.agentState()?.state === 'offline'
    )
      await this.relogin();
    expectOutcome(tracker, command, actions);
    for (const message of actions) this.requireChannel().post(message);
    const after = unreported(tracker, command, this.ctx.now());
    for (const event of after.events) this.emit(event);
    if (after.save) this.save();
    if (after.queryStatus) this.query();
  }

  onEvent(listener: (event: VendorEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async openScreen(): Promise<void> {
    // The frame moves from the offscreen document to a window, which reloads the page and its phone.
    if ((this.tracker?.liveCalls().length ?? 0) > 0) throw new Error(SCREEN_DURING_CALL);
    // The agent may be logging in on the screen: the frame is not reloaded under them for a while.
    this.silentWaits = 0;
    const channel = this.channel ?? (await this.open());
    await channel.showScreen();
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    this.lifetime.abort(new Error(CLOSED));
    this.wait?.reject(new Error(CLOSED));
    clearTimeout(this.watchdog);
    clearTimeout(this.retryTimer);
    this.heartbeat.stop();
    const channel = this.detach();
    this.listeners.clear();
    await this.saved.flushed();
    // The frame stays loaded for a while: the next adapter with the same settings (a profile edit, a
    // policy push) re-attaches to it, and a live call keeps its audio. A frame still opening is
    // released by `open` itself once it sees the adapter disposed.
    channel?.release();
  }

  // ---- the frame ----

  /** Opens the widget frame once; later calls (retries, the screen button) reuse it. */
  private open(): Promise<FrameChannel> {
    this.opening ??= this.ctx.frames
      .open({
        key: FRAME_KEY,
        url: widgetUrl(this.settings),
        origin: widgetOrigin(this.settings),
        allow: 'microphone; camera; autoplay',
        screen: screenLayout(this.settings.layout),
      })
      .then(
        (channel) => {
          if (this.disposed) {
            channel.release();
            throw new Error(CLOSED);
          }
          this.channel = channel;
          this.heard = false;
          this.silentWaits = 0;
          this.unsubscribe = [
            channel.onMessage((data) => this.received(data)),
            channel.onLoad(() => this.loaded()),
          ];
          return channel;
        },
        (error: unknown) => {
          this.opening = undefined;
          throw error;
        },
      );
    return this.opening;
  }

  private detach(): FrameChannel | undefined {
    for (const stop of this.unsubscribe) stop();
    this.unsubscribe = [];
    const channel = this.channel;
    this.channel = undefined;
    this.opening = undefined;
    return channel;
  }

  /**
   * A frame that stayed silent through several waits and never spoke shows an error page (its server
   * was down when it loaded), which no query reaches: it is opened afresh. It reported no call, so no
   * call is cut.
   */
  private async reloadIfDead(): Promise<void> {
    if (!this.channel || this.heard || this.silentWaits < this.timing.reloadAfterSilentWaits) return;
    if ((this.tracker?.liveCalls().length ?? 0) > 0) return;
    this.ctx.log('info', 'Tegsoft: the widget never answered; loading it again');
    await this.detach()?.close();
  }

  /**
   * A logged-out widget shows its login page: loading it again logs the agent in with the profile's
   * token or password. Resolves once it reports again; when it does not, the adapter says so and keeps
   * trying by itself.
   */
  private async relogin(): Promise<void> {
    await this.detach()?.close();
    this.status = 'reconnecting';
    const wait = this.startWait(this.lifetime.signal);
    try {
      await this.open();
      this.query();
      wait.arm();
      await wait.done;
    } catch (error) {
      wait.cancel();
      if (!this.disposed) this.reconnectLater(messageOf(error));
      throw error;
    }
  }

  /**
   * Lost after having connected: the hub retries only a `connect` that failed, so the adapter runs
   * `connect` again itself, on the hub's backoff, until the widget answers.
   */
  private reconnectLater(reason: string): void {
    clearTimeout(this.retryTimer);
    const delay = this.backoff.next();
    this.status = 'reconnecting';
    this.emit({
      type: 'connection',
      at: this.ctx.now(),
      status: 'reconnecting',
      message: `${reason} Retrying in ${Math.round(delay / 1000)} s.`,
    });
    this.retryTimer = setTimeout(() => {
      this.connect(this.lifetime.signal).then(
        () => this.backoff.reset(),
        (error: unknown) => {
          if (!this.disposed && this.status !== 'connected') this.reconnectLater(messageOf(error));
        },
      );
    }, delay);
  }

  /** The widget (re)loaded its page: its picture may have changed, so it is asked for it again. */
  private loaded(): void {
    if (this.disposed) return;
    this.query();
    if (this.wait?.pending) {
      this.wait.arm();
      return;
    }
    if (this.status !== 'connected') return;
    this.status = 'reconnecting';
    this.emit({ type: 'connection', at: this.ctx.now(), status: 'reconnecting', message: RELOADED });
    clearTimeout(this.watchdog);
    this.watchdog = setTimeout(() => {
      if (this.status !== 'reconnecting') return;
      this.emit({
        type: 'connection',
        at: this.ctx.now(),
        status: 'reconnecting',
        message: noEventsMessage(this.settings.eventTimeoutMs),
      });
    }, this.settings.eventTimeoutMs);
  }

  private received(data: unknown): void {
    const tracker = this.tracker;
    if (this.disposed || !tracker) return;
    const out = tracker.handle(data);
    for (const event of out.events) this.emit(event);
    if (out.ringing) this.channel?.ringing();
    if (out.queryStatus) this.query();
    if (out.queryCti) {
      tracker.expectCtiAnswer();
      this.post('getCtiData');
    }
    if (out.events.length > 0) this.save();
    if (!out.accepted) return;
    this.heard = true;
    this.heartbeat.heard();
    if (this.status === 'connected') return;
    this.status = 'connected';
    clearTimeout(this.watchdog);
    clearTimeout(this.retryTimer);
    this.backoff.reset();
    this.emit({ type: 'connection', at: this.ctx.now(), status: 'connected' });
    const wait = this.wait;
    this.wait = undefined;
    wait?.resolve();
    this.heartbeat.start();
  }

  /** Asks the widget for its whole picture; the status that answers becomes a snapshot. */
  private query(): void {
    this.tracker?.expectSnapshot();
    this.post('queryStatus');
  }

  /** The heartbeat's question; none while a wait asks by itself, or with no frame to ask. */
  private beat(): boolean {
    const asking = this.status === 'connected' || this.status === 'reconnecting';
    if (this.disposed || !this.channel || this.wait?.pending || !asking) return false;
    this.post('queryStatus');
    return true;
  }

  /** The widget did not answer the heartbeat: the bar says so until its next event. */
  private silent(): void {
    if (this.status !== 'connected') return;
    this.status = 'reconnecting';
    this.emit({ type: 'connection', at: this.ctx.now(), status: 'reconnecting', message: NOT_ANSWERING });
  }

  private post(name: TegsoftActionName): void {
    this.requireChannel().post(action(name));
  }

  private requireChannel(): FrameChannel {
    if (!this.channel) throw new Error('The Tegsoft widget is not open; try again in a moment.');
    return this.channel;
  }

  // ---- waiting for the first event ----

  /** A new wait for the widget's first event (an earlier one is dropped), failing after the timeout. */
  private startWait(signal: AbortSignal): EventWait {
    this.wait?.cancel();
    const wait = new EventWait(signal, this.settings.eventTimeoutMs, () => {
      if (!this.heard) this.silentWaits += 1;
      return new Error(noEventsMessage(this.settings.eventTimeoutMs));
    });
    this.wait = wait;
    return wait;
  }

  // ---- events and memory ----

  private emit(event: VendorEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  private save(): void {
    const tracker = this.tracker;
    if (tracker) this.saved.save(() => tracker.memory());
  }
}
