import type { HeldFrame, WorkerMessage } from '../background/frames/protocol';
import type { Logger } from '../background/hub';
import { judgeMessage } from './message-filter';

/** What a frame set reports to its page. */
export interface FrameSetEvents {
  /** The frame's page fired `load` (first load, reload or navigation). */
  loaded(key: string): void;
  /** A message from the frame that passed the origin and source checks. */
  message(key: string, data: unknown): void;
}

/** The vendor iframes one host page holds (the offscreen document's, or a vendor-screen window's one). */
export interface FrameSet {
  /** Creates the frame; keeps it when it already shows the same page; replaces it otherwise. */
  open(spec: Extract<WorkerMessage, { type: 'open' }>): void;
  /** Posts to the frame with its origin as the target, once its page has loaded. */
  post(key: string, message: unknown): void;
  /** Removes the frame. */
  close(key: string): void;
  /** The frames held, as announced to the worker. */
  held(): HeldFrame[];
}

/** The origin of our sandboxed page (src/sandbox): opaque, so its messages are judged by source alone. */
const SANDBOX_ORIGIN = 'null';

/** Whether `url` is a page of this extension (the host pages are, so it shares their origin). */
function isOwnPage(url: string): boolean {
  try {
    return new URL(url).origin === location.origin;
  } catch {
    return false;
  }
}

/** Posts kept for a frame whose page has not loaded yet; beyond this the oldest are dropped. */
const MAX_WAITING = 200;

interface Hosted {
  readonly key: string;
  readonly url: string;
  readonly origin: string;
  readonly allow: string;
  readonly iframe: HTMLIFrameElement;
  loaded: boolean;
  waiting: unknown[];
}

/** Hosts vendor iframes in `container`, listening to this window's `message` events for them. */
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
    // The frame's own origin as the target: if the vendor page navigated elsewhere, nothing is delivered.
    // Our sandboxed page's origin is opaque ("null"), which no target origin can name: "*" is safe there
    // because we post straight into that iframe's own contentWindow, and only our sandbox page occupies
    // it (open() checks its URL; the sandbox's CSP and code never navigate it elsewhere).
    frame.iframe.contentWindow?.postMessage(message, frame.origin === SANDBOX_ORIGIN ? '*' : frame.origin);
  };

  return {
    open(spec) {
      if (spec.origin === SANDBOX_ORIGIN && !isOwnPage(spec.url)) {
        log('warn', 'a "null"-origin frame that is not our own page refused', spec.key);
        return;
      }
      const existing = frames.get(spec.key);
      if (existing && existing.url === spec.url && existing.origin === spec.origin) return;
      existing?.iframe.remove();
      const iframe = document.createElement('iframe');
      // No sandbox: the vendor page needs its own origin, cookies and storage to keep its session.
      iframe.setAttribute('allow', spec.allow);
      iframe.title = spec.screen?.title ?? 'Vendor page';
      iframe.src = spec.url;
      const frame: Hosted = { ...pick(spec), iframe, loaded: false, waiting: [] };
      iframe.addEventListener('load', () => {
        if (frames.get(spec.key) !== frame) return;
        frame.loaded = true;
        const waiting = frame.waiting;
        frame.waiting = [];
        for (const message of waiting) send(frame, message);
        events.loaded(spec.key);
      });
      frames.set(spec.key, frame);
      container.append(iframe);
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
      frames.get(key)?.iframe.remove();
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
