/**
 * An in-process stand-in for the extension's frame host: it "loads" the Tegsoft widget page by running
 * the same relay the browser page runs, in Node, against the simulator. For conformance tests of the
 * Tegsoft adapter, which sees exactly the FrameHost contract it sees in the browser.
 */
import type { FrameChannel, FrameHost, FrameSpec } from '../../src/vendors/frame-host';
import { SIM_PATHS } from './protocol';
import { runWidget, type WidgetHandle } from './widget/relay';
import type { WidgetView } from './widget/view';

/** How long a released frame waits for an adapter to re-attach before it is closed (the browser's). */
export const DEFAULT_RELEASE_MS = 120_000;

/** How the virtual host behaves. */
export interface VirtualFrameOptions {
  /** How long a released frame stays loaded for a re-attach; default `DEFAULT_RELEASE_MS`. */
  readonly releaseMs?: number;
}

/** The virtual host, plus what a test may look at. */
export interface VirtualFrameHost extends FrameHost {
  /** What the widget page in frame `key` shows the agent (undefined: no such frame, or no widget in it). */
  view(key: string): WidgetView | undefined;
  /** How many times frame `key` loaded a page since the host opened it (0: no such frame). */
  loads(key: string): number;
  /**
   * Loads frame `key`'s page again, as Chrome does when the offscreen document is recreated or the
   * frame moves to the screen window: the widget restarts (and logs in again), the channels stay.
   */
  reload(key: string): Promise<void>;
}

/** One "loaded" page and the channels open on it. */
interface VirtualFrame {
  /** What the adapter asked for. */
  readonly spec: FrameSpec;
  /** The widget, when the page is the widget page. */
  widget: WidgetHandle | undefined;
  /** What the widget shows, once it rendered. */
  view: WidgetView | undefined;
  /** The host's listeners for messages from the page. */
  readonly fromFrame: Set<(data: unknown) => void>;
  /** The page's listener for messages from its parent. */
  readonly toFrame: Set<(data: unknown) => void>;
  /** The host's load listeners. */
  readonly loads: Set<() => void>;
  /** The channels not released, closed or replaced. */
  readonly channels: Set<object>;
  /** Closes the frame when no channel re-attached after a release. */
  releaseTimer: ReturnType<typeof setTimeout> | undefined;
  /** How many times the page loaded. */
  loadCount: number;
  /** The frame was removed. */
  closed: boolean;
}

/** postMessage delivers later, in order, and a structured clone: so does the virtual frame. */
function deliver(listeners: ReadonlySet<(data: unknown) => void>, message: unknown): void {
  const copy = structuredClone(message);
  setTimeout(() => {
    for (const listener of [...listeners]) {
      try {
        listener(copy);
      } catch (error) {
        // As in a browser, a throwing message handler does not stop the others.
        console.error(error);
      }
    }
  }, 0);
}

/**
 * Loads the page as a browser would. An unreachable server still "loads": Chrome shows its error page
 * and fires `load`, and that page posts nothing. A page that is not the widget (404, another path)
 * loads but runs nothing either.
 */
async function isWidgetPage(url: URL): Promise<boolean> {
  try {
    const response = await fetch(url);
    const html = await response.text();
    return response.ok && html.includes(`src="${SIM_PATHS.script}"`);
  } catch {
    return false;
  }
}

/** The widget address, or why it is not one; the address carries the token, so no message quotes it. */
function widgetAddress(spec: FrameSpec): URL {
  let url: URL;
  try {
    url = new URL(spec.url);
  } catch {
    throw new Error('The Tegsoft widget address is not a URL.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`The Tegsoft widget address must be http(s), not ${url.protocol}`);
  }
  return url;
}

/** What a channel needs from its host. */
interface ChannelOps {
  /** Removes the frame. */
  close(frame: VirtualFrame): Promise<void>;
  /** The channel `owner` let go of the frame. */
  release(frame: VirtualFrame, owner: object): void;
}

function channelFor(frame: VirtualFrame, ops: ChannelOps): FrameChannel {
  const owner = {};
  frame.channels.add(owner);
  const live = () => !frame.closed && frame.channels.has(owner);
  const frameOrigin = new URL(frame.spec.url).origin;
  // The browser host only passes messages between the frame and its declared origin.
  const originMatches = frameOrigin === frame.spec.origin;
  const mine = new Set<() => void>();
  const subscribe = <T>(set: Set<T>, listener: T) => {
    set.add(listener);
    const unsubscribe = () => {
      set.delete(listener);
      mine.delete(unsubscribe);
    };
    mine.add(unsubscribe);
    return unsubscribe;
  };
  return {
    post(message) {
      if (live() && originMatches) deliver(frame.toFrame, message);
    },
    onMessage: (listener) => subscribe(frame.fromFrame, listener),
    onLoad(listener) {
      const unsubscribe = subscribe(frame.loads, listener);
      // The contract: a page that already loaded (a re-attached frame) tells a new listener at once.
      if (frame.loadCount > 0) {
        queueMicrotask(() => {
          if (live() && frame.loads.has(listener)) listener();
        });
      }
      return unsubscribe;
    },
    showScreen: async () => {},
    ringing: () => {},
    release() {
      if (!live()) return;
      for (const unsubscribe of [...mine]) unsubscribe();
      ops.release(frame, owner);
    },
    close: async () => {
      if (live()) await ops.close(frame);
    },
  };
}

/** A frame host for Node that runs the simulator's widget page in process, as the offscreen document would. */
export function createVirtualFrameHost(options: VirtualFrameOptions = {}): VirtualFrameHost {
  const releaseMs = options.releaseMs ?? DEFAULT_RELEASE_MS;
  const frames = new Map<string, VirtualFrame>();

  const ops: ChannelOps = {
    async close(frame) {
      if (frame.closed) return;
      frame.closed = true;
      clearTimeout(frame.releaseTimer);
      frame.widget?.stop();
      frame.fromFrame.clear();
      frame.toFrame.clear();
      frame.loads.clear();
      frame.channels.clear();
      if (frames.get(frame.spec.key) === frame) frames.delete(frame.spec.key);
    },
    release(frame, owner) {
      frame.channels.delete(owner);
      if (frame.channels.size > 0) return;
      clearTimeout(frame.releaseTimer);
      frame.releaseTimer = setTimeout(() => void ops.close(frame), releaseMs);
    },
  };

  const load = (frame: VirtualFrame, url: URL, runsWidget: boolean) => {
    const originMatches = url.origin === frame.spec.origin;
    if (runsWidget) {
      frame.widget = runWidget({
        params: url.searchParams,
        baseUrl: url.origin,
        fetch: (input, init) => fetch(input, init),
        postToParent: (event) => {
          if (originMatches) deliver(frame.fromFrame, event);
        },
        onParentMessage: (listener) => {
          frame.toFrame.add(listener);
          return () => void frame.toFrame.delete(listener);
        },
        render: (view) => {
          frame.view = view;
        },
      });
    }
    frame.loadCount += 1;
    for (const listener of [...frame.loads]) listener();
  };

  return {
    sandboxPage: 'chrome-extension://virtual/src/sandbox/index.html',
    async open(spec) {
      const existing = frames.get(spec.key);
      // Re-attaching to a running page does not reload it: its listeners hear of the earlier load only.
      if (existing && existing.spec.url === spec.url) {
        clearTimeout(existing.releaseTimer);
        existing.releaseTimer = undefined;
        return channelFor(existing, ops);
      }
      if (existing) await ops.close(existing);
      const url = widgetAddress(spec);
      const runsWidget = await isWidgetPage(url);
      const frame: VirtualFrame = {
        spec,
        widget: undefined,
        view: undefined,
        fromFrame: new Set(),
        toFrame: new Set(),
        loads: new Set(),
        channels: new Set(),
        releaseTimer: undefined,
        loadCount: 0,
        closed: false,
      };
      frames.set(spec.key, frame);
      // The page's scripts start, then the iframe's load event fires: after open() has resolved, so the
      // adapter has subscribed by then, as it would have with a real iframe.
      setTimeout(() => {
        if (!frame.closed) load(frame, url, runsWidget);
      }, 0);
      return channelFor(frame, ops);
    },
    async reload(key) {
      const frame = frames.get(key);
      if (!frame) throw new Error(`No frame "${key}" is open.`);
      frame.widget?.stop();
      frame.widget = undefined;
      frame.view = undefined;
      const url = widgetAddress(frame.spec);
      const runsWidget = await isWidgetPage(url);
      if (!frame.closed) load(frame, url, runsWidget);
    },
    view: (key) => frames.get(key)?.view,
    loads: (key) => frames.get(key)?.loadCount ?? 0,
  };
}
