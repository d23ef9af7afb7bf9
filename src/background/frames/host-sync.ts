import type { Frame, HostPort, Slot } from './frame-record';
import { sameDocument } from './frame-record';
import type { FrameRegistry } from './frame-registry';
import type { HostPage } from './host-pages';
import { type HeldFrame, parseHostMessage } from './protocol';

/** One connected host page. */
export interface HostConnection {
  /** Handles a raw message from the page (checked here: malformed ones are logged and ignored). */
  receive(raw: unknown): void;
  /** The page's port closed: its window closed, or its document went away. */
  disconnected(): void;
}

/**
 * Brings the registry and a page that (re)connected into agreement: frames the page kept are re-attached
 * (or adopted, after a worker restart), frames headed there are sent, and copies the page should not
 * hold are closed, so that one host holds each frame.
 */
function reconcile(registry: FrameRegistry, slot: Slot, held: readonly HeldFrame[]): void {
  const { frames, screens } = registry;
  for (const h of held) {
    const frame = frames.get(h.key);
    const stranger = slot.page.kind === 'screen' && h.key !== slot.page.key;
    if (stranger || (!frame && registry.wasClosed(h.key))) {
      registry.send(slot, { type: 'close', key: h.key });
      continue;
    }
    if (!frame) {
      registry.adopt(h, slot);
      continue;
    }
    if (frame.slot !== slot) {
      // A copy elsewhere goes, unless the frame has not reached where it was headed: this live copy stays.
      if (frame.placed) {
        registry.send(slot, { type: 'close', key: h.key });
        continue;
      }
      frame.slot = slot;
    }
    if (sameDocument(frame.spec, h)) {
      frame.placed = true;
      if (h.loaded && !frame.loaded) registry.loaded(frame);
      registry.flush(frame);
    }
    // Otherwise the page keeps an older page under this key: `deliver` below replaces it.
  }
  for (const frame of frames.values()) if (frame.slot === slot && !frame.placed) registry.deliver(frame);
  if (slot.page.kind === 'screen' && frames.get(slot.page.key)?.slot !== slot) {
    // A window whose frame went back or was closed while it loaded: it closes itself.
    if (screens.get(slot.page.key) === slot) screens.delete(slot.page.key);
    registry.send(slot, { type: 'close', key: slot.page.key });
  }
  registry.releaseOffscreenIfIdle();
}

/** A page's port closed (or its window did): its frames move or, with the offscreen document, reload. */
export function hostLost(registry: FrameRegistry, slot: Slot): void {
  const { frames, screens, offscreen, log } = registry;
  slot.port = undefined;
  if (slot.page.kind === 'screen') {
    const { key } = slot.page;
    if (screens.get(key) !== slot) return;
    screens.delete(key);
    const frame = frames.get(key);
    if (frame?.slot === slot) registry.toOffscreen(frame);
    return;
  }
  // The offscreen document went away while the worker ran (a crash): its pages went with it.
  const reopen: Frame[] = [];
  for (const frame of [...frames.values()]) {
    if (frame.slot !== offscreen) continue;
    if (frame.owner) {
      frame.placed = false;
      frame.loaded = false;
      reopen.push(frame);
    } else {
      registry.clearOrphan(frame);
      frames.delete(frame.spec.key);
    }
  }
  if (reopen.length === 0) {
    registry.offscreenExists(false);
    return;
  }
  log('warn', 'the offscreen document went away: reopening its vendor pages');
  registry
    .wantOffscreen()
    .catch((error: unknown) => log('error', 'could not reopen the offscreen document', error));
}

/** Attaches a host page whose port connected; `windowId` is its window (vendor-screen pages). */
export function connectHostPage(
  registry: FrameRegistry,
  page: HostPage,
  port: HostPort,
  windowId: number | undefined,
): HostConnection {
  const { frames, screens, offscreen, log } = registry;
  let slot: Slot | undefined;

  const hello = (frameList: readonly HeldFrame[]) => {
    const next = page.kind === 'offscreen' ? offscreen : (screens.get(page.key) ?? { page, port: undefined });
    if (page.kind === 'screen' && next.port && next.port !== port) {
      // A second page for a frame whose window is open: only one host holds a frame.
      log('warn', 'a second vendor-screen page for the same frame was closed', page.key);
      registry.postTo(port, { type: 'close', key: page.key });
      return;
    }
    slot = next;
    if (windowId !== undefined) slot.windowId = windowId;
    if (page.kind === 'offscreen') registry.offscreenExists(true);
    else screens.set(page.key, slot);
    slot.port = port;
    reconcile(registry, slot, frameList);
  };

  return {
    receive(raw) {
      const message = parseHostMessage(raw);
      if (!message) {
        const type = typeof raw === 'object' && raw !== null ? (raw as { type?: unknown }).type : typeof raw;
        log('warn', 'malformed message from a frame host ignored', { host: page.kind, type });
        return;
      }
      if (message.type === 'hello') {
        if (message.host === page.kind) hello(message.frames);
        else log('warn', 'frame host announced itself as another kind of page: ignored', page.kind);
        return;
      }
      if (message.type === 'ping') return;
      const frame = frames.get(message.key);
      if (!slot || slot.port !== port || frame?.slot !== slot) {
        log('debug', 'message for a frame this host does not hold ignored', message.key);
        return;
      }
      if (message.type === 'loaded') registry.loaded(frame);
      else if (frame.listeners.message.size === 0)
        log('debug', 'vendor message with no listener', message.key);
      else registry.notify(frame.listeners.message, message.data);
    },
    disconnected() {
      if (slot && slot.port === port) hostLost(registry, slot);
    },
  };
}
