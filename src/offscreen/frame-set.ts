import type { HeldFrame, WorkerMessage } from '../background/frames/protocol';
import type { Logger } from '../background/hub';
import { PORT_HANDSHAKE, type PortHandshake } from '../sandbox/protocol';
import { judgeMessage, SANDBOX_ORIGIN } from './message-filter';

/** What a frame set reports to its page. */
export interface FrameSetEvents {
  /**
   * The frame's page fired `load` (first load, reload or navigation). For a sandboxed frame: a fresh
   * sandbox page of ours, its port handed over (never a document that replaced it in the iframe).
   */
  loaded(key: string): void;
  /** A message from the frame that passed the origin and source checks (a sandboxed frame: its port). */
  message(key: string, data: unknown): void;
}

/** The vendor iframes one host page holds (the offscreen document's, or a vendor-screen window's one). */
export interface FrameSet {
  /** Creates the frame; keeps it when it already shows the same page; replaces it otherwise. */
  open(spec: Extract<WorkerMessage, { type: 'open' }>): void;
  /**
   * Posts to the frame once its page has loaded: with its origin as the target, or for a sandboxed frame
   * over the port of its page's channel.
   */
  post(key: string, message: unknown): void;
  /** Removes the frame. */
  close(key: string): void;
  /** The frames held, as announced to the worker. */
  held(): HeldFrame[];
}

/** Whether `url` is a page of this extension (the host pages are, so it shares their origin). */
function isOwnPage(url: string): boolean {
  try {
    // Scheme and host rather than URL.origin, which some URL implementations give as "null" for
    // chrome-extension: addresses.
    const { protocol, host } = new URL(url);
    return `${protocol}//${host}` === location.origin;
  } catch {
    return false;
  }
}

/** Posts kept for a frame whose page has not loaded yet; beyond this the oldest are dropped. */
const MAX_WAITING = 200;
/**
 * A sandboxed frame whose iframe loaded a document we did not put there gets a fresh sandbox page this
 * many times per RESTORE_WINDOW_MS at most; past that its iframe is removed and it stays empty until it
 * is opened again (a vendor script that navigates away each time it runs would otherwise be loaded, and
 * log in, again and again).
 */
const MAX_RESTORES = 3;
const RESTORE_WINDOW_MS = 60_000;

interface Hosted {
  readonly key: string;
  readonly url: string;
  readonly origin: string;
  readonly allow: string;
  readonly title: string;
  /** Our sandboxed page (origin "null"): it is spoken to over a MessageChannel per page load only. */
  readonly sandboxed: boolean;
  iframe: HTMLIFrameElement;
  loaded: boolean;
  waiting: unknown[];
  /** A sandboxed frame: our end of the current page's channel (undefined until its handshake). */
  port: MessagePort | undefined;
  /** A sandboxed frame: when it was given a fresh page after its iframe left ours. */
  restores: number[];
  /** A sandboxed frame that left its page too often: no iframe, nothing delivered, until opened again. */
  stopped: boolean;
}

/**
 * Hosts vendor iframes in `container`. A vendor frame is spoken to with `postMessage` naming its origin,
 * and heard through this window's `message` events from its window and origin. Our sandboxed page
 * (origin "null", see src/sandbox/protocol.ts) is spoken to and heard over a MessageChannel made when the
 * iframe loads it: its port is handed over with one handshake message, and window messages from it are
 * dropped. A document that replaces the sandbox page in its iframe (the vendor script navigated it) gets
 * no port: the old one is closed, and a fresh sandbox page in a new iframe takes its place.
 */
export function createFrameSet(container: HTMLElement, events: FrameSetEvents, log: Logger): FrameSet {
  const frames = new Map<string, Hosted>();

  window.addEventListener('message', (event) => {
    const windows = [...frames.values()].map((f) => ({
      key: f.key,
      origin: f.origin,
      window: f.iframe.contentWindow,
    }));
    const verdict = judgeMessage(windows, event);
    if (verdict.accept) events.message(verdict.key, event.data);
    else log('debug', `message dropped (${verdict.reason})`, event.origin);
  });

  const send = (frame: Hosted, message: unknown) => {
    try {
      if (frame.sandboxed) frame.port?.postMessage(message);
      // The frame's own origin as the target: if the vendor page navigated elsewhere, nothing is delivered.
      else frame.iframe.contentWindow?.postMessage(message, frame.origin);
    } catch (error) {
      log('warn', 'a message the frame could not be sent dropped', error);
    }
  };

  const closePort = (frame: Hosted) => {
    frame.port?.close();
    frame.port = undefined;
  };

  /** The iframe loaded its page: the waiting posts go, and the worker hears of it. */
  const pageLoaded = (frame: Hosted) => {
    frame.loaded = true;
    const waiting = frame.waiting;
    frame.waiting = [];
    for (const message of waiting) send(frame, message);
    events.loaded(frame.key);
  };

  /** A fresh sandbox page loaded in `iframe`: a new channel, its port handed over with the handshake. */
  const connectSandbox = (frame: Hosted, iframe: HTMLIFrameElement) => {
    closePort(frame);
    const target = iframe.contentWindow;
    if (!target) {
      log('warn', 'a sandboxed frame loaded without a window: not connected', frame.key);
      return;
    }
    const channel = new MessageChannel();
    const port = channel.port1;
    frame.port = port;
    port.onmessage = (event) => {
      if (frame.port === port && frames.get(frame.key) === frame) events.message(frame.key, event.data);
    };
    // An opaque origin cannot be named, so "*": the handshake carries the port and nothing else.
    const handshake: PortHandshake = { type: PORT_HANDSHAKE };
    target.postMessage(handshake, '*', [channel.port2]);
    pageLoaded(frame);
  };

  /**
   * The sandboxed frame's iframe loaded a second document: not ours (our page never navigates itself),
   * so it gets nothing. Its port is closed and a new iframe loads the sandbox page afresh, unless the
   * frame keeps doing this: then its iframe is removed. The worker hears `loaded` from the fresh page.
   */
  const intruded = (frame: Hosted) => {
    closePort(frame);
    frame.loaded = false;
    const now = Date.now();
    frame.restores = frame.restores.filter((at) => now - at < RESTORE_WINDOW_MS);
    if (frame.restores.length >= MAX_RESTORES) {
      log('warn', 'a sandboxed frame keeps leaving its page: removed until it is opened again', frame.key);
      frame.stopped = true;
      frame.iframe.remove();
      return;
    }
    log('warn', 'a sandboxed frame left its page: loaded afresh', frame.key);
    frame.restores.push(now);
    const old = frame.iframe;
    frame.iframe = makeIframe(frame);
    old.replaceWith(frame.iframe);
  };

  /** A new iframe for the page of the frame `key` (not in the document yet). */
  const makeIframe = ({ key, url, allow, title }: Pick<Hosted, 'key' | 'url' | 'allow' | 'title'>) => {
    const iframe = document.createElement('iframe');
    // No sandbox: the vendor page needs its own origin, cookies and storage to keep its session.
    iframe.setAttribute('allow', allow);
    iframe.title = title;
    iframe.src = url;
    let loads = 0;
    iframe.addEventListener('load', () => {
      // Only while this very iframe is the frame's (not one replaced, closed or reopened since).
      const hosted = frames.get(key);
      if (hosted?.iframe !== iframe) return;
      loads += 1;
      if (!hosted.sandboxed) pageLoaded(hosted);
      // Only the first document of a new iframe is surely the one we put there.
      else if (loads === 1) connectSandbox(hosted, iframe);
      else intruded(hosted);
    });
    return iframe;
  };

  return {
    open(spec) {
      const sandboxed = spec.origin === SANDBOX_ORIGIN;
      if (sandboxed && !isOwnPage(spec.url)) {
        log('warn', 'a "null"-origin frame that is not our own page refused', spec.key);
        return;
      }
      const existing = frames.get(spec.key);
      if (existing && existing.url === spec.url && existing.origin === spec.origin && !existing.stopped)
        return;
      if (existing) {
        existing.iframe.remove();
        closePort(existing);
      }
      const title = spec.screen?.title ?? 'Vendor page';
      const frame: Hosted = {
        ...pick(spec),
        title,
        sandboxed,
        iframe: makeIframe({ ...spec, title }),
        loaded: false,
        waiting: [],
        port: undefined,
        restores: [],
        stopped: false,
      };
      frames.set(spec.key, frame);
      container.append(frame.iframe);
    },
    post(key, message) {
      const frame = frames.get(key);
      if (!frame) {
        log('debug', 'post for a frame not held here dropped', key);
        return;
      }
      if (frame.loaded) {
        send(frame, message);
        return;
      }
      frame.waiting.push(message);
      if (frame.waiting.length > MAX_WAITING) frame.waiting.shift();
    },
    close(key) {
      const frame = frames.get(key);
      if (!frame) return;
      frame.iframe.remove();
      closePort(frame);
      frames.delete(key);
    },
    held: () => [...frames.values()].map((frame) => ({ ...pick(frame), loaded: frame.loaded })),
  };
}

const pick = ({ key, url, origin, allow }: { key: string; url: string; origin: string; allow: string }) => ({
  key,
  url,
  origin,
  allow,
});
