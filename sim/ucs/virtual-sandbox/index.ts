/**
 * An in-process stand-in for the extension's frame host that hosts Softbar's real sandbox page
 * (`src/sandbox/main.ts`, bundled once per process) in a node:vm context per frame: the page the
 * offscreen document's sandboxed iframe runs, with its opaque origin, the manifest's sandbox CSP, a
 * `window.parent` whose posts the host never hears, and a browser-like WebSocket. As the offscreen
 * document does, it gives each page load a MessageChannel, hands the page its port with one handshake
 * window message, and from then on speaks and listens to the page over that port only. Adapter tests use
 * it to drive the UCS agent bar bundle (served by `sim/ucs`) through exactly the FrameHost contract and
 * the sandbox protocol (`src/sandbox/protocol.ts`) the browser gives them.
 */
import { PORT_HANDSHAKE, type PortHandshake, SANDBOX_PAGE } from '../../../src/sandbox/protocol';
import type { FrameChannel, FrameHost, FrameSpec } from '../../../src/vendors/frame-host';
import { sandboxScript } from './build';
import { browserOrigin, manifestSandboxCsp, parseCsp, type SandboxPolicy } from './csp';
import { type PageWindow, VirtualPage, type WindowMessageFrom } from './page';

export { CHROME_DEFAULT_SANDBOX_CSP, manifestSandboxCsp } from './csp';
export type { PageWindow, WindowMessageFrom } from './page';

/** The extension origin of the virtual host unless told otherwise. */
export const DEFAULT_EXTENSION_ORIGIN = 'chrome-extension://virtual-softbar';

/** How long a released frame waits for a re-attach before it is closed (tests keep it short). */
export const DEFAULT_RELEASE_MS = 1000;

/** Posts kept for a frame whose page has no port yet (as the offscreen document keeps them). */
const MAX_WAITING = 200;

/** How the virtual host behaves. */
export interface VirtualSandboxOptions {
  /** How long a released frame stays loaded for a re-attach; default DEFAULT_RELEASE_MS. */
  readonly releaseMs?: number;
  /** The extension's origin, `chrome-extension://<id>`; default DEFAULT_EXTENSION_ORIGIN. */
  readonly extensionOrigin?: string;
  /**
   * The sandbox page's Content-Security-Policy; default the manifest's `content_security_policy.sandbox`
   * (Chrome's default sandbox policy when it sets none). It decides which scripts load, where sockets
   * connect, and whether `document.cookie` works (only with `allow-same-origin`; the manifest's policy
   * has none, so it throws a SecurityError, as in Chrome).
   */
  readonly csp?: string;
  /**
   * Fire `pagehide` when a page is closed or reloaded, as a browser unloading the document does (the
   * UCS bundle then logs an integrated agent out); default true. False: the page just vanishes (a crash).
   */
  readonly pagehide?: boolean;
}

/**
 * A message the page posted to its parent window: the host hears a sandboxed page over its port only, so
 * none is delivered (in a browser, the offscreen document drops them; with a target origin other than the
 * extension's, the browser does not even deliver them).
 */
export interface DroppedMessage {
  /** The frame. */
  readonly key: string;
  /** The target origin the page named. */
  readonly targetOrigin: string;
  /** The message (a clone). */
  readonly message: unknown;
}

/** The virtual host, plus what a test may look at and do. */
export interface VirtualSandboxHost extends FrameHost {
  /**
   * Starts frame `key`'s page afresh, as when the offscreen document is recreated: the page goes away
   * (its sockets close), a new one runs main.ts and posts `ready`, and the load listeners are called.
   * The channels stay. Resolves once the load listeners were called.
   */
  reload(key: string): Promise<void>;
  /** The keys of the open frames (released ones too, until they are closed). */
  pages(): string[];
  /** Messages the pages posted to their parent window rather than their port (all frames, in order). */
  dropped(): DroppedMessage[];
  /**
   * Delivers a window `message` event to frame `key`'s page as another window would post it: `from`
   * names its origin, its source window (e.g. the page's `parent`, or any other object for a window
   * that is not) and the ports it transfers. For tests of what the page must ignore (the one handshake
   * that counts is the host's own). False when the frame has no page.
   */
  windowMessage(key: string, data: unknown, from: WindowMessageFrom): boolean;
  /** The global object of frame `key`'s page (`ucsOperator`...), or undefined when there is none. */
  page(key: string): PageWindow | undefined;
  /** What frame `key`'s page reported: uncaught exceptions and CSP refusals, in order. */
  errors(key: string): string[];
  /** Closes every frame (for a test's cleanup). */
  closeAll(): Promise<void>;
}

/** One frame: its spec, its current page and the channels on it. */
interface Frame {
  readonly spec: FrameSpec;
  page: VirtualPage | undefined;
  /** The host's end of the current page's MessageChannel (undefined until the page's handshake). */
  port: MessagePort | undefined;
  /** Posts made while the page had no port: sent once it has one. */
  waiting: unknown[];
  /** The adapters' listeners for messages from the page. */
  readonly fromPage: Set<(data: unknown) => void>;
  /** The adapters' load listeners. */
  readonly loads: Set<() => void>;
  /** The channels not released, closed or replaced. */
  readonly channels: Set<object>;
  /** Closes the frame when no channel re-attached after a release. */
  releaseTimer: ReturnType<typeof setTimeout> | undefined;
  /** The page ran its script and its load listeners were called at least once. */
  loaded: boolean;
  closed: boolean;
}

function checkOrigin(origin: string): string {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    throw new Error(`extensionOrigin must be an origin like chrome-extension://<id>, not "${origin}"`);
  }
  if (browserOrigin(url) !== origin) {
    throw new Error(`extensionOrigin must be an origin like chrome-extension://<id>, not "${origin}"`);
  }
  return origin;
}

/** Calls each listener; a throwing one does not stop the others (as in a browser). */
function notify(listeners: ReadonlySet<() => void>): void {
  for (const listener of [...listeners]) {
    try {
      listener();
    } catch (error) {
      console.error(error);
    }
  }
}

/** A frame host for Node that runs Softbar's sandbox page in node:vm, as the offscreen document would. */
export function createVirtualSandboxHost(options: VirtualSandboxOptions = {}): VirtualSandboxHost {
  const releaseMs = options.releaseMs ?? DEFAULT_RELEASE_MS;
  const extensionOrigin = checkOrigin(options.extensionOrigin ?? DEFAULT_EXTENSION_ORIGIN);
  const sandboxPage = `${extensionOrigin}/${SANDBOX_PAGE}`;
  const firePagehide = options.pagehide ?? true;
  let policy: SandboxPolicy | undefined;
  const frames = new Map<string, Frame>();
  const droppedMessages: DroppedMessage[] = [];

  /** Why `spec` is not Softbar's sandbox page, or undefined when it is. */
  const refusal = (spec: FrameSpec): string | undefined => {
    if (spec.sandboxed !== true) return 'it is not sandboxed (sandboxed: true)';
    if (spec.url !== sandboxPage) return `its url is not the sandbox page ${sandboxPage}`;
    if (spec.origin !== 'null') return `its origin is "${spec.origin}", not "null"`;
    return undefined;
  };

  /** Closes the host's end of the frame's channel: nothing more goes to or comes from that page. */
  const closePort = (frame: Frame): void => {
    frame.port?.close();
    frame.port = undefined;
  };

  /** Ends the frame's current page (its port first, so that nothing it posts while going is heard). */
  const endPage = (frame: Frame): void => {
    closePort(frame);
    frame.page?.destroy(firePagehide);
    frame.page = undefined;
  };

  /**
   * The page loaded: as the offscreen document does, a new MessageChannel; its port2 goes to the page with
   * the handshake (from the parent, with the extension's origin), port1 is how the host speaks and hears.
   */
  const connect = (frame: Frame, page: VirtualPage): void => {
    closePort(frame);
    const channel = new MessageChannel();
    const port = channel.port1;
    frame.port = port;
    port.addEventListener('message', (event) => {
      if (frame.closed || frame.page !== page || frame.port !== port || !page.alive) return;
      for (const listener of [...frame.fromPage]) {
        try {
          listener(event.data);
        } catch (error) {
          console.error(error);
        }
      }
    });
    port.start();
    // The host's port must not keep a test process running.
    (port as unknown as { unref?: () => void }).unref?.();
    const handshake: PortHandshake = { type: PORT_HANDSHAKE };
    page.windowMessage(handshake, { origin: extensionOrigin, source: page.parent, ports: [channel.port2] });
    const waiting = frame.waiting;
    frame.waiting = [];
    for (const message of waiting) port.postMessage(message);
  };

  const startPage = async (frame: Frame): Promise<void> => {
    const code = await sandboxScript();
    if (frame.closed) return;
    policy ??= parseCsp(options.csp ?? manifestSandboxCsp(), sandboxPage);
    // A page still there (a reload before the first start) goes first: one page per frame.
    endPage(frame);
    const page: VirtualPage = new VirtualPage({
      url: sandboxPage,
      parentOrigin: extensionOrigin,
      policy,
      name: frame.spec.key,
      toParent(message, targetOrigin) {
        // The host hears a sandboxed page over its port only: whatever the target origin, a post to the
        // parent window reaches nothing (Softbar's page posts none; a vendor script might).
        droppedMessages.push({ key: frame.spec.key, targetOrigin, message });
      },
    });
    frame.page = page;
    // The page's module script runs, then the iframe's load event fires: the host connects, then tells.
    page.run(`"use strict";\n${code}`, `${extensionOrigin}/src/sandbox/main.ts`);
    if (frame.closed || frame.page !== page) return;
    connect(frame, page);
    frame.loaded = true;
    notify(frame.loads);
  };

  const closeFrame = (frame: Frame): void => {
    if (frame.closed) return;
    frame.closed = true;
    clearTimeout(frame.releaseTimer);
    endPage(frame);
    frame.waiting = [];
    frame.fromPage.clear();
    frame.loads.clear();
    frame.channels.clear();
    if (frames.get(frame.spec.key) === frame) frames.delete(frame.spec.key);
  };

  const release = (frame: Frame, owner: object): void => {
    frame.channels.delete(owner);
    if (frame.channels.size > 0) return;
    clearTimeout(frame.releaseTimer);
    frame.releaseTimer = setTimeout(() => closeFrame(frame), releaseMs);
  };

  const channelFor = (frame: Frame): FrameChannel => {
    const owner = {};
    frame.channels.add(owner);
    const live = () => !frame.closed && frame.channels.has(owner);
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
        if (!live()) return;
        // As postMessage: cloned now (an uncloneable message throws here), delivered later; over the
        // page's port, or once it has one.
        if (frame.port) {
          frame.port.postMessage(message);
          return;
        }
        frame.waiting.push(structuredClone(message));
        if (frame.waiting.length > MAX_WAITING) frame.waiting.shift();
      },
      onMessage: (listener) => subscribe(frame.fromPage, listener),
      onLoad(listener) {
        const unsubscribe = subscribe(frame.loads, listener);
        // The contract: a page that already loaded (a re-attached frame) tells a new listener at once.
        if (frame.loaded) {
          queueMicrotask(() => {
            if (live() && frame.loads.has(listener)) listener();
          });
        }
        return unsubscribe;
      },
      showScreen: () => Promise.reject(new Error('no screen in the virtual host')),
      ringing: () => {},
      release() {
        if (!live()) return;
        for (const unsubscribe of [...mine]) unsubscribe();
        release(frame, owner);
      },
      close: async () => {
        if (live()) closeFrame(frame);
      },
    };
  };

  return {
    sandboxPage,
    async open(spec) {
      const why = refusal(spec);
      if (why !== undefined) {
        throw new Error(`The virtual sandbox host opens only Softbar's sandbox page; "${spec.key}" ${why}.`);
      }
      const existing = frames.get(spec.key);
      // Re-attaching to a running page does not reload it: a new load listener hears of the earlier load.
      if (existing && existing.spec.url === spec.url) {
        clearTimeout(existing.releaseTimer);
        existing.releaseTimer = undefined;
        return channelFor(existing);
      }
      if (existing) closeFrame(existing);
      // Built before the frame exists, so that a broken build fails the open.
      await sandboxScript();
      const frame: Frame = {
        spec,
        page: undefined,
        port: undefined,
        waiting: [],
        fromPage: new Set(),
        loads: new Set(),
        channels: new Set(),
        releaseTimer: undefined,
        loaded: false,
        closed: false,
      };
      frames.set(spec.key, frame);
      // The page starts after open() resolved, so the adapter has subscribed by then, as with an iframe.
      setTimeout(() => void startPage(frame), 0);
      return channelFor(frame);
    },
    async reload(key) {
      const frame = frames.get(key);
      if (!frame) throw new Error(`No frame "${key}" is open.`);
      endPage(frame);
      await startPage(frame);
    },
    pages: () => [...frames.keys()],
    dropped: () => [...droppedMessages],
    windowMessage(key, data, from) {
      const page = frames.get(key)?.page;
      if (!page?.alive) return false;
      page.windowMessage(data, from);
      return true;
    },
    page: (key) => frames.get(key)?.page?.window,
    errors: (key) => [...(frames.get(key)?.page?.errors ?? [])],
    async closeAll() {
      for (const frame of [...frames.values()]) closeFrame(frame);
    },
  };
}
