import type { FrameSpec } from '../../vendors/frame-host';
import type { HostPage } from './host-pages';
import type { WorkerMessage } from './protocol';

/** A host page's end of its port, as the router uses it. */
export interface HostPort {
  /** Sends a message to the page; throws when the port is gone. */
  post(message: WorkerMessage): void;
}

/** A place a frame can live: the offscreen document, or the vendor-screen window of one frame. */
export interface Slot {
  /** Which page this is. */
  readonly page: HostPage;
  /** The page's port while it is connected and has said hello. */
  port: HostPort | undefined;
  /** The window (vendor-screen pages), once known. */
  windowId?: number;
}

/** The listeners of the channel that currently holds a frame. */
export interface Listeners {
  /** Called with each message from the frame. */
  readonly message: Set<(data: unknown) => void>;
  /** Called on each load of the frame's page. */
  readonly load: Set<() => void>;
}

/** One vendor frame the worker knows, wherever it lives. */
export interface Frame {
  /** What the adapter asked for (or what a host page announced, after a worker restart). */
  spec: FrameSpec;
  /** Where the frame lives or is on its way to. */
  slot: Slot;
  /** The slot's page holds the frame (it was sent `open`, or announced it). */
  placed: boolean;
  /** The frame's page has loaded in its current host. */
  loaded: boolean;
  /** Posts waiting until the frame is placed. */
  pending: unknown[];
  /**
   * The channel that holds the frame; undefined while no adapter does (a frame found after a worker
   * restart, or released by its channel) until one opens it again.
   */
  owner: object | undefined;
  /** The owner's listeners (replaced when another channel takes the frame). */
  listeners: Listeners;
  /** Closes the frame while no channel holds it, unless an adapter opens it again before it fires. */
  orphanTimer?: ReturnType<typeof setTimeout>;
  /** A move to the vendor-screen window in progress. */
  opening?: Promise<void>;
}

/** Fresh, empty listener sets. */
export const noListeners = (): Listeners => ({ message: new Set(), load: new Set() });

/** The `open` message that places `frame` in a host page. */
export function openMessage(frame: Frame): WorkerMessage {
  const { key, url, origin, allow, screen } = frame.spec;
  return screen
    ? { type: 'open', key, url, origin, allow, screen }
    : { type: 'open', key, url, origin, allow };
}

/** Whether a host page's frame shows the page `spec` asks for, so it can be kept rather than reloaded. */
export function sameDocument(
  a: Pick<FrameSpec, 'url' | 'origin'>,
  b: Pick<FrameSpec, 'url' | 'origin'>,
): boolean {
  return a.url === b.url && a.origin === b.origin;
}
