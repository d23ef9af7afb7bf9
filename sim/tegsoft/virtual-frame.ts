/**
 * An in-process stand-in for the extension's frame host: it "loads" the Tegsoft widget page by running
 * the same relay the browser page runs, in Node, against the simulator. For conformance tests of the
 * Tegsoft adapter, which sees exactly the FrameHost contract it sees in the browser.
 */
import type { FrameChannel, FrameHost, FrameSpec } from '../../src/vendors/frame-host';
import { SIM_PATHS } from './protocol';
import { runWidget, type WidgetHandle } from './widget/relay';
import type { WidgetView } from './widget/view';

/** The virtual host, plus what a test may look at. */
export interface VirtualFrameHost extends FrameHost {
  /** What the widget page in frame `key` shows the agent (undefined: no such frame, or no widget in it). */
  view(key: string): WidgetView | undefined;
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
  /** The page has loaded. */
  loaded: boolean;
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
 * Loads the page as a browser would: an unreachable server is an error for the agent; a page that is
 * not the widget (404, another path) loads but runs nothing.
 */
async function isWidgetPage(url: URL): Promise<boolean> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch {
    throw new Error(`The Tegsoft server at ${url.origin} cannot be reached.`);
  }
  const html = await response.text();
  return response.ok && html.includes(`src="${SIM_PATHS.script}"`);
}

function channelFor(frame: VirtualFrame, close: () => Promise<void>): FrameChannel {
  const frameOrigin = new URL(frame.spec.url).origin;
  // The browser host only passes messages between the frame and its declared origin.
  const originMatches = frameOrigin === frame.spec.origin;
  const subscribe = <T>(set: Set<T>, listener: T) => {
    set.add(listener);
    return () => void set.delete(listener);
  };
  return {
    post(message) {
      if (!frame.closed && originMatches) deliver(frame.toFrame, message);
    },
    onMessage: (listener) => subscribe(frame.fromFrame, listener),
    onLoad(listener) {
      const unsubscribe = subscribe(frame.loads, listener);
      // The contract: a page that already loaded (a re-attached frame) tells a new listener at once.
      if (frame.loaded) {
        queueMicrotask(() => {
          if (!frame.closed && frame.loads.has(listener)) listener();
        });
      }
      return unsubscribe;
    },
    showScreen: async () => {},
    ringing: () => {},
    close,
  };
}

export function createVirtualFrameHost(): VirtualFrameHost {
  const frames = new Map<string, VirtualFrame>();

  const closeFrame = async (frame: VirtualFrame) => {
    if (frame.closed) return;
    frame.closed = true;
    frame.widget?.stop();
    frame.fromFrame.clear();
    frame.toFrame.clear();
    frame.loads.clear();
    if (frames.get(frame.spec.key) === frame) frames.delete(frame.spec.key);
  };

  return {
    async open(spec) {
      const existing = frames.get(spec.key);
      // Re-attaching to a running page does not reload it: its listeners hear of the earlier load only.
      if (existing && existing.spec.url === spec.url) return channelFor(existing, () => closeFrame(existing));
      if (existing) await closeFrame(existing);
      let url: URL;
      try {
        url = new URL(spec.url);
      } catch {
        throw new Error(`The Tegsoft widget address is not a URL: ${spec.url}`);
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw new Error(`The Tegsoft widget address must be http(s): ${spec.url}`);
      }
      const runsWidget = await isWidgetPage(url);
      const frame: VirtualFrame = {
        spec,
        widget: undefined,
        view: undefined,
        fromFrame: new Set(),
        toFrame: new Set(),
        loads: new Set(),
        loaded: false,
        closed: false,
      };
      frames.set(spec.key, frame);
      const originMatches = url.origin === spec.origin;
      // The page's scripts start, then the iframe's load event fires: after open() has resolved, so the
      // adapter has subscribed by then, as it would have with a real iframe.
      setTimeout(() => {
        if (frame.closed) return;
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
        frame.loaded = true;
        for (const listener of [...frame.loads]) listener();
      }, 0);
      return channelFor(frame, () => closeFrame(frame));
    },
    view: (key) => frames.get(key)?.view,
  };
}
