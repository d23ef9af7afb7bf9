import type { VendorCommand } from '../../core/commands';
import type { VendorEvent } from '../../core/vendor-events';
import type { AdapterContext, VendorAdapter } from '../contract';
import type { FrameChannel } from '../frame-host';
import { action, actionsFor, mergedCti, type TegsoftAction } from './actions';
import { tegsoftCapabilities } from './capabilities';
import { commandProblem } from './command-checks';
import { TegsoftTracker, type TrackerMemory } from './events';
import { screenLayout } from './layout';
import { isObject, NO_CTI } from './payload';
import type { TegsoftSettings } from './settings';
import { widgetOrigin, widgetUrl } from './widget-url';

/** The integration parameter (Login URL) without which the widget sends no events (section 3). */
export const EVENTS_PARAMETER = 'clientSideCTI://parentWindowEvent|eventList=all';

/** What the agent reads when the widget stays silent after loading. */
export function noEventsMessage(timeoutMs: number): string {
  return `The Tegsoft widget sent no events within ${Math.round(timeoutMs / 1000)} s of loading. Ask your Tegsoft admin to add the integration parameter (Login URL) ${EVENTS_PARAMETER} to your user account; or the login may have failed: open the Tegsoft screen from the bar to see its login page.`;
}

const FRAME_KEY = 'tegsoft';
const MEMORY_KEY = 'tegsoft.tracker';

/** A wait for the widget's first event, failed by a timer that each (re)load of the widget restarts. */
interface Wait {
  /** The widget spoke: the wait is over. */
  resolve(): void;
  /** It stayed silent, or the hub gave up. */
  reject(error: unknown): void;
  /** Fails the wait after `eventTimeoutMs`. */
  timer?: ReturnType<typeof setTimeout>;
}

/**
 * Connects the hub to the Tegsoft widget: the widget page runs in a frame the frame host keeps (the
 * offscreen document), actions are posted to it and its events come back through the tracker.
 */
export class TegsoftAdapter implements VendorAdapter {
  readonly id = 'tegsoft' as const;
  readonly capabilities;
  private readonly listeners = new Set<(event: VendorEvent) => void>();
  private channel: FrameChannel | undefined;
  private opening: Promise<FrameChannel> | undefined;
  private unsubscribe: (() => void)[] = [];
  private tracker: TegsoftTracker | undefined;
  private wait: Wait | undefined;
  private watchdog: ReturnType<typeof setTimeout> | undefined;
  private status: 'new' | 'waiting' | 'connected' | 'reconnecting' = 'new';
  private disposed = false;
  private saving: Promise<void> = Promise.resolve();
  private saveQueued = false;

  constructor(
    private readonly settings: TegsoftSettings,
    private readonly ctx: AdapterContext,
  ) {
    this.capabilities = tegsoftCapabilities(settings);
  }

  async connect(signal: AbortSignal): Promise<void> {
    signal.throwIfAborted();
    // On a retry the bar keeps showing why the last attempt failed, so it is not reset to "connecting".
    if (this.status === 'new') this.emit({ type: 'connection', at: this.ctx.now(), status: 'connecting' });
    this.tracker ??= new TegsoftTracker(this.ctx.now, this.ctx.log, await this.remembered());
    signal.throwIfAborted();
    this.status = 'waiting';
    const first = this.firstEvent(signal);
    try {
      await this.open();
      signal.throwIfAborted();
    } catch (error) {
      this.endWait();
      throw error;
    }
    this.query();
    this.armWait();
    await first;
  }

  async execute(command: VendorCommand): Promise<void> {
    const tracker = this.tracker;
    if (this.disposed || !tracker || !this.channel || this.status !== 'connected')
      throw new Error('Tegsoft is not connected right now; try again in a moment.');
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
    switch (command.type) {
      case 'dial':
        tracker.expectDial(actions[0]?.data?.numberToDial as string, command.callData);
        break;
      case 'reject':
        tracker.expectEnd(command.vendorCallId, 'rejected');
        break;
      case 'hangup':
        // Hanging up a call that rings for the agent is declining it.
        tracker.expectEnd(
          command.vendorCallId,
          call?.state === 'ringing' && call.direction === 'inbound' ? 'rejected' : 'hangup',
        );
        break;
      case 'blindTransfer':
      case 'attendedTransfer':
        tracker.expectTransfer(
          command.vendorCallId,
          command.type === 'blindTransfer' ? 'blind' : 'attended',
          actions[0]?.data?.extension as string,
        );
        break;
    }
    for (const message of actions) this.post(message);
    this.afterActions(command, tracker);
  }

  onEvent(listener: (event: VendorEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async openScreen(): Promise<void> {
    const channel = this.channel ?? (await this.open());
    await channel.showScreen();
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    this.endWait();
    clearTimeout(this.watchdog);
    const channel = this.detach();
    this.listeners.clear();
    await this.saving;
    // A frame still opening is closed by `open` itself once it sees the adapter disposed.
    await channel?.close();
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
            void channel.close();
            throw new Error('The Tegsoft session was closed.');
          }
          this.channel = channel;
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
   * A logged-out widget shows its login page: loading it again logs the agent in with the profile's
   * token or password. Resolves once it reports again.
   */
  private async relogin(): Promise<void> {
    await this.detach()?.close();
    this.status = 'reconnecting';
    const back = this.firstEvent(undefined);
    await this.open();
    this.query();
    this.armWait();
    await back;
  }

  /** The widget (re)loaded its page: its picture may have changed, so it is asked for it again. */
  private loaded(): void {
    if (this.disposed) return;
    this.query();
    if (this.wait) {
      this.armWait();
      return;
    }
    if (this.status !== 'connected') return;
    this.status = 'reconnecting';
    this.emit({
      type: 'connection',
      at: this.ctx.now(),
      status: 'reconnecting',
      message: 'The Tegsoft widget reloaded; checking its state.',
    });
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
    if (out.events.length > 0) this.save();
    if (!out.accepted || this.status === 'connected') return;
    this.status = 'connected';
    clearTimeout(this.watchdog);
    this.emit({ type: 'connection', at: this.ctx.now(), status: 'connected' });
    const wait = this.wait;
    this.endWait();
    wait?.resolve();
  }

  /** Asks the widget for its whole picture; the status that answers becomes a snapshot. */
  private query(): void {
    this.tracker?.expectSnapshot();
    this.post(action('queryStatus'));
  }

  private post(message: TegsoftAction): void {
    const channel = this.channel;
    if (!channel) throw new Error('The Tegsoft widget is not open; try again in a moment.');
    channel.post(message);
  }

  /** What the widget does not report by itself after an action. */
  private afterActions(command: VendorCommand, tracker: TegsoftTracker): void {
    const at = this.ctx.now();
    switch (command.type) {
      // No event reports tones: the bar records them as sent.
      case 'dtmf':
        this.emit({ type: 'callDtmf', at, vendorCallId: command.vendorCallId, digits: command.digits });
        return;
      // No event answers setCtiData or removeCtiData: the call shows the data as set.
      case 'setCallData': {
        const call = tracker.call(command.vendorCallId);
        for (const event of tracker.setCti(command.vendorCallId, mergedCti(call?.cti, command.variables)))
          this.emit(event);
        this.save();
        return;
      }
      case 'clearCallData':
        for (const event of tracker.setCti(command.vendorCallId, NO_CTI)) this.emit(event);
        this.save();
        return;
      // The document lists no logout event: the status says where the agent is now.
      case 'setAgentState':
        if (command.state === 'offline') this.query();
        return;
    }
  }

  // ---- waiting for the first event ----

  private firstEvent(signal: AbortSignal | undefined): Promise<void> {
    this.endWait();
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        this.endWait();
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.wait = {
        resolve: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
        reject: (error) => {
          signal?.removeEventListener('abort', onAbort);
          reject(error);
        },
      };
    });
  }

  /** (Re)starts the wait's timer: the widget gets the whole timeout after each load. */
  private armWait(): void {
    const wait = this.wait;
    if (!wait) return;
    clearTimeout(wait.timer);
    wait.timer = setTimeout(() => {
      if (this.wait !== wait) return;
      this.endWait();
      wait.reject(new Error(noEventsMessage(this.settings.eventTimeoutMs)));
    }, this.settings.eventTimeoutMs);
  }

  private endWait(): void {
    clearTimeout(this.wait?.timer);
    this.wait = undefined;
  }

  // ---- events and memory ----

  private emit(event: VendorEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  private async remembered(): Promise<TrackerMemory | undefined> {
    const memory = await this.ctx.store.get<unknown>(MEMORY_KEY);
    if (memory === undefined) return undefined;
    if (isObject(memory) && Array.isArray(memory.calls) && Array.isArray(memory.ended))
      return memory as unknown as TrackerMemory;
    this.ctx.log('warn', 'Tegsoft: the saved call picture is unreadable; starting afresh', memory);
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
        await this.ctx.store.set(MEMORY_KEY, this.tracker.memory());
      } catch (error) {
        this.ctx.log('warn', 'Tegsoft: could not save the call picture', error);
      }
    });
  }
}
