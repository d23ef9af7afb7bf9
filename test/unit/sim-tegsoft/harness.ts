import {
  startTegsoftSim,
  type TegsoftSim,
  type TegsoftSimOptions,
  type WidgetParams,
} from '../../../sim/tegsoft';
import type { WidgetEvent } from '../../../sim/tegsoft/protocol';
import { createVirtualFrameHost, type VirtualFrameHost } from '../../../sim/tegsoft/virtual-frame';
import type { FrameChannel } from '../../../src/vendors/frame-host';

/** Polls `probe` until it returns something truthy. */
export async function until<T>(
  probe: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  what: string,
  timeoutMs = 3000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A widget in a virtual frame, as an adapter would see it: events in, actions out. */
export interface Widget {
  /** The virtual frame host the widget runs in. */
  readonly host: VirtualFrameHost;
  /** The channel an adapter would hold. */
  readonly channel: FrameChannel;
  /** The frame's key (for `host.view`). */
  readonly key: string;
  /** Every event the parent received, in order. */
  readonly events: WidgetEvent[];
  /** How many times the frame loaded. */
  loads: number;
  /** Posts an action as the document's `sendAction` does. */
  send(name: string, data?: Record<string, unknown>): void;
  /** Waits for the next event named `name` after the cursor, moves the cursor past it and returns it. */
  next(name: string): Promise<WidgetEvent>;
  /** Waits for these events, in this order, right after the cursor (nothing else between them). */
  expectSequence(names: readonly string[]): Promise<WidgetEvent[]>;
  /** Moves the cursor to the end (forget what came so far). */
  skip(): void;
  /** The names received after the cursor. */
  pendingNames(): string[];
  close(): Promise<void>;
}

export async function openWidget(
  sim: TegsoftSim,
  params?: WidgetParams,
  key = 'tegsoft:test',
): Promise<Widget> {
  const host = createVirtualFrameHost();
  const channel = await host.open({
    key,
    url: sim.widgetUrl(params),
    origin: sim.url,
    allow: 'microphone; camera',
  });
  const events: WidgetEvent[] = [];
  let cursor = 0;
  const widget: Widget = {
    host,
    channel,
    key,
    events,
    loads: 0,
    send: (name, data) => channel.post({ type: 'action', group: 'agent', name, ...(data ? { data } : {}) }),
    async next(name) {
      const index = await until(
        () => {
          const found = events.findIndex((event, at) => at >= cursor && event.name === name);
          return found >= 0 ? found + 1 : undefined;
        },
        `${name} (after ${JSON.stringify(events.slice(cursor).map((event) => event.name))})`,
      );
      cursor = index;
      return events[index - 1]!;
    },
    async expectSequence(names) {
      await until(() => events.length >= cursor + names.length, `${names.join(', ')}`).catch(() => undefined);
      const got = events.slice(cursor, cursor + names.length);
      if (JSON.stringify(got.map((event) => event.name)) !== JSON.stringify(names)) {
        throw new Error(
          `expected ${JSON.stringify(names)}, got ${JSON.stringify(events.slice(cursor).map((e) => e.name))}`,
        );
      }
      cursor += names.length;
      return got;
    },
    skip() {
      cursor = events.length;
    },
    pendingNames: () => events.slice(cursor).map((event) => event.name),
    close: () => channel.close(),
  };
  channel.onMessage((data) => events.push(data as WidgetEvent));
  channel.onLoad(() => {
    widget.loads += 1;
  });
  return widget;
}

/** A simulator and a logged-in widget (after its OnLogin and first status). */
export async function startWithWidget(
  options: TegsoftSimOptions = {},
  params?: WidgetParams,
): Promise<{ sim: TegsoftSim; widget: Widget; stop(): Promise<void> }> {
  const sim = await startTegsoftSim({ reconnectDelayMs: 30, ...options });
  const widget = await openWidget(sim, params);
  await widget.expectSequence(['OnLogin', 'status']);
  return {
    sim,
    widget,
    async stop() {
      await widget.close();
      await sim.close();
    },
  };
}

/** A call event's data, typed loosely for assertions. */
export interface CallData {
  /** The primary line's session (absent for a webchat). */
  primarySession?: Record<string, unknown> | null;
  /** The secondary line's session, when in use. */
  secondarySession?: Record<string, unknown>;
  /** The agent's UID. */
  UID: string;
  /** The agent's extension. */
  EXTEN: string;
  /** The call's properties. */
  activeCallProperties: Record<string, unknown>;
  /** A transfer's target. */
  extension?: string;
}

export const callData = (event: WidgetEvent) => event.data as CallData;

/** A status event's data, typed loosely for assertions. */
export interface StatusData {
  /** The agent object (null after logout). */
  agent: Record<string, unknown> | null;
  /** The primary line's session, or null. */
  primarySession: Record<string, unknown> | null;
  /** The secondary line's session, when in use. */
  secondarySession?: Record<string, unknown>;
}

export const statusData = (event: WidgetEvent) => event.data as StatusData;
