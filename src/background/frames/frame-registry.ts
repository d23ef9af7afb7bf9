import type { Logger } from '../hub';
import { type Frame, type HostPort, noListeners, openMessage, type Slot } from './frame-record';
import type { FramePlatform } from './platform';
import type { HeldFrame, WorkerMessage } from './protocol';

/**
 * How long a frame no channel holds (found in a host page by a restarted worker, or released by its
 * adapter) stays loaded, waiting for an adapter to open it again.
 */
export const ORPHAN_MS = 120_000;
/** Recently closed keys, remembered so a host page that announces one late is told to close it. */
const MAX_CLOSED_KEYS = 100;

/** Every vendor frame the worker knows, where each lives, and the moves between host pages. */
export interface FrameRegistry {
  /** Every frame the worker knows, by key. */
  readonly frames: Map<string, Frame>;
  /** The vendor-screen windows' slots, by the key of the frame each shows. */
  readonly screens: Map<string, Slot>;
  /** The offscreen document's slot. */
  readonly offscreen: Slot;
  /** Browser calls. */
  readonly platform: FramePlatform;
  /** The worker's log. */
  readonly log: Logger;
  /** Sends to a page's port; a page that went away is ignored (its disconnect follows). */
  postTo(port: HostPort | undefined, message: WorkerMessage): void;
  /** Sends to a slot's page when it is connected. */
  send(slot: Slot, message: WorkerMessage): void;
  /** Calls each listener with `args`, logging the ones that throw. */
  notify<A extends unknown[]>(listeners: Iterable<(...args: A) => void>, ...args: A): void;
  /** The frame's page (re)loaded: tells the load listeners (the adapter queries the vendor again). */
  loaded(frame: Frame): void;
  /** Sends the posts kept for the frame to its host. */
  flush(frame: Frame): void;
  /** Sends `open` to the frame's connected host, then the posts kept meanwhile. */
  deliver(frame: Frame): void;
  /** Gets the frame into its host: at once when connected, else at its hello (creating the offscreen document). */
  place(frame: Frame): Promise<void>;
  /** Sends the frame to the offscreen document (its window closed or could not open); failures are logged. */
  toOffscreen(frame: Frame): void;
  /** Removes the frame from the registry and from the page that holds it. */
  remove(frame: Frame): void;
  /** Registers a frame a page kept across a worker restart; it is closed unless opened within ORPHAN_MS. */
  adopt(held: HeldFrame, slot: Slot): void;
  /** Takes the frame from its channel, keeping it loaded; it is closed unless opened within ORPHAN_MS. */
  unclaim(frame: Frame): void;
  /** Stops the timer that closes a frame no adapter opened again. */
  clearOrphan(frame: Frame): void;
  /** Whether `key` was closed recently (a page announcing it late is told to close it). */
  wasClosed(key: string): boolean;
  /** Forgets that `key` was closed: it is being opened again. */
  reopening(key: string): void;
  /** Asks for the offscreen document (created unless it exists). */
  wantOffscreen(): Promise<void>;
  /** Records that the offscreen document is there (it said hello) or gone (with nothing to reopen). */
  offscreenExists(exists: boolean): void;
  /** Closes the offscreen document when no frame lives there or is on its way there. */
  releaseOffscreenIfIdle(): void;
}

/** The registry, empty: a worker that (re)starts learns the frames from the host pages' hellos. */
export function createFrameRegistry(platform: FramePlatform, log: Logger): FrameRegistry {
  const frames = new Map<string, Frame>();
  const screens = new Map<string, Slot>();
  const closedKeys = new Set<string>();
  const offscreen: Slot = { page: { kind: 'offscreen' }, port: undefined };
  // Set while this worker asked for the offscreen document or heard from it: only then is closing it due.
  let offscreenWanted = false;

  const registry: FrameRegistry = {
    frames,
    screens,
    offscreen,
    platform,
    log,
    postTo(port, message) {
      if (!port) return;
      try {
        port.post(message);
      } catch (error) {
        log('debug', 'frame host unreachable', error);
      }
    },
    send: (slot, message) => registry.postTo(slot.port, message),
    notify(listeners, ...args) {
      for (const listener of [...listeners]) {
        try {
          listener(...args);
        } catch (error) {
          log('error', 'frame listener failed', error);
        }
      }
    },
    loaded(frame) {
      frame.loaded = true;
      registry.notify(frame.listeners.load);
    },
    flush(frame) {
      const waiting = frame.pending;
      frame.pending = [];
      for (const message of waiting)
        registry.send(frame.slot, { type: 'post', key: frame.spec.key, message });
    },
    deliver(frame) {
      registry.send(frame.slot, openMessage(frame));
      frame.placed = true;
      registry.flush(frame);
    },
    async place(frame) {
      if (frame.placed) return;
      if (frame.slot.port) registry.deliver(frame);
      else if (frame.slot === offscreen) await registry.wantOffscreen();
    },
    toOffscreen(frame) {
      frame.slot = offscreen;
      frame.placed = false;
      frame.loaded = false;
      registry.place(frame).catch((error: unknown) => log('error', 'could not reopen a vendor page', error));
    },
    remove(frame) {
      const { key } = frame.spec;
      frames.delete(key);
      closedKeys.delete(key);
      closedKeys.add(key);
      if (closedKeys.size > MAX_CLOSED_KEYS) closedKeys.delete(closedKeys.values().next().value as string);
      registry.clearOrphan(frame);
      frame.owner = undefined;
      const slot = frame.slot;
      if (slot.page.kind === 'screen') {
        if (screens.get(key) === slot) screens.delete(key);
        if (slot.windowId !== undefined) void platform.closeWindow(slot.windowId);
        else registry.send(slot, { type: 'close', key });
      } else if (frame.placed) {
        registry.send(slot, { type: 'close', key });
      }
      registry.releaseOffscreenIfIdle();
    },
    adopt(held, slot) {
      const { key, url, origin, allow } = held;
      const frame: Frame = {
        // A "null" origin is only ever our sandbox page's (the worker checked it before opening).
        spec: origin === 'null' ? { key, url, origin, allow, sandboxed: true } : { key, url, origin, allow },
        slot,
        placed: true,
        loaded: held.loaded,
        pending: [],
        owner: undefined,
        listeners: noListeners(),
      };
      frames.set(key, frame);
      registry.unclaim(frame);
      log('debug', 'found a vendor page kept from before a restart', key);
    },
    unclaim(frame) {
      const { key } = frame.spec;
      frame.owner = undefined;
      frame.listeners = noListeners();
      // What the old channel had not sent yet was its business: the next adapter queries afresh.
      frame.pending = [];
      registry.clearOrphan(frame);
      frame.orphanTimer = setTimeout(() => {
        if (frames.get(key) !== frame || frame.owner) return;
        log('info', 'closing a vendor page that no adapter opened again', key);
        registry.remove(frame);
      }, ORPHAN_MS);
    },
    clearOrphan(frame) {
      clearTimeout(frame.orphanTimer);
      frame.orphanTimer = undefined;
    },
    wasClosed: (key) => closedKeys.has(key),
    reopening(key) {
      closedKeys.delete(key);
    },
    wantOffscreen() {
      offscreenWanted = true;
      return platform.ensureOffscreen();
    },
    offscreenExists(exists) {
      offscreenWanted = exists;
    },
    releaseOffscreenIfIdle() {
      if (!offscreenWanted && !offscreen.port) return;
      for (const frame of frames.values()) if (frame.slot === offscreen) return;
      offscreenWanted = false;
      // Its port is forgotten, not disconnected: a disconnect would make the page connect again.
      offscreen.port = undefined;
      platform
        .closeOffscreen()
        .catch((error: unknown) => log('warn', 'could not close the offscreen document', error));
    },
  };
  return registry;
}
