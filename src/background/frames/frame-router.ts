import type { FrameChannel, FrameSpec } from '../../vendors/frame-host';
import type { Logger } from '../hub';
import { errorText } from './error-text';
import { type ChannelOps, frameChannel } from './frame-channel';
import { type Frame, type HostPort, noListeners, sameDocument } from './frame-record';
import { createFrameRegistry } from './frame-registry';
import type { HostPage } from './host-pages';
import { connectHostPage, type HostConnection, hostLost } from './host-sync';
import type { FramePlatform } from './platform';
import { ringing, showScreen } from './screen-moves';
import { specProblem } from './spec-check';

export { ORPHAN_MS } from './frame-registry';
export type { HostConnection } from './host-sync';

/** Posts kept for a frame on its way to a host; beyond this the oldest are dropped. */
const MAX_PENDING_POSTS = 200;

/** The registry of vendor frames and the routing between adapters and host pages. */
export interface FrameRouter {
  /** FrameHost.open: opens the frame in the offscreen document, or re-attaches to it. */
  open(spec: FrameSpec): Promise<FrameChannel>;
  /** Attaches a host page whose port connected; `windowId` is its window (vendor-screen pages). */
  connect(page: HostPage, port: HostPort, windowId?: number): HostConnection;
  /** A browser window closed (a vendor-screen window may close before its page ever connected). */
  windowRemoved(windowId: number): void;
}

export interface FrameRouterDeps {
  /** Browser calls: the offscreen document and windows. */
  readonly platform: FramePlatform;
  /** The worker's log. */
  readonly log: Logger;
  /** `chrome-extension://<id>`: where a sandboxed frame's page must be (none: sandboxed frames refused). */
  readonly extensionOrigin?: string;
}

/**
 * Keeps every frame in exactly one host page (the offscreen document or its vendor-screen window),
 * queues what is meant for a host until that host has connected, and routes each host's messages and
 * load notices to the channel that holds the frame.
 */
export function createFrameRouter(deps: FrameRouterDeps): FrameRouter {
  const { log } = deps;
  const registry = createFrameRegistry(deps.platform, log);
  const { frames, screens, offscreen } = registry;

  const ops: ChannelOps = {
    holds: (frame, owner) => frames.get(frame.spec.key) === frame && frame.owner === owner,
    post(frame, message) {
      if (frame.placed && frame.slot.port) {
        registry.send(frame.slot, { type: 'post', key: frame.spec.key, message });
        return;
      }
      frame.pending.push(message);
      if (frame.pending.length > MAX_PENDING_POSTS) {
        frame.pending.shift();
        log('warn', 'vendor page not reachable yet: dropped its oldest waiting message', frame.spec.key);
      }
    },
    showScreen(frame) {
      frame.opening ??= showScreen(registry, frame).finally(() => {
        frame.opening = undefined;
      });
      return frame.opening;
    },
    ringing: (frame) => ringing(registry, frame),
    release(frame) {
      log('debug', 'vendor page released: kept for the next adapter', frame.spec.key);
      registry.unclaim(frame);
    },
    close: (frame) => registry.remove(frame),
  };

  return {
    async open(input) {
      const problem = specProblem(input, deps.extensionOrigin);
      if (problem) throw new Error(problem);
      const spec: FrameSpec = { ...input };
      const owner = {};
      registry.reopening(spec.key);
      let frame: Frame | undefined = frames.get(spec.key);
      if (frame && sameDocument(frame.spec, spec)) {
        log('debug', 'vendor page re-attached', spec.key);
      } else if (frame) {
        // Same key, another page: the host replaces it when it gets `open` again.
        frame.loaded = false;
        frame.pending = [];
        frame.placed = false;
      } else {
        frame = {
          spec,
          slot: offscreen,
          placed: false,
          loaded: false,
          pending: [],
          owner,
          listeners: noListeners(),
        };
        frames.set(spec.key, frame);
      }
      registry.clearOrphan(frame);
      frame.spec = spec;
      frame.owner = owner;
      frame.listeners = noListeners();
      try {
        await registry.place(frame);
      } catch (error) {
        if (frames.get(spec.key) === frame && frame.owner === owner && !frame.placed) {
          frames.delete(spec.key);
          registry.releaseOffscreenIfIdle();
        }
        log('error', 'could not open the offscreen document', error);
        throw new Error(`Softbar could not start the page that hosts the vendor: ${errorText(error)}`);
      }
      return frameChannel(frame, owner, ops);
    },
    connect: (page, port, windowId) => connectHostPage(registry, page, port, windowId),
    windowRemoved(windowId) {
      for (const slot of screens.values()) if (slot.windowId === windowId) hostLost(registry, slot);
    },
  };
}
