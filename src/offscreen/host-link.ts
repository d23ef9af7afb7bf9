import {
  FRAMES_PORT,
  type HeldFrame,
  type HostMessage,
  parseWorkerMessage,
  type WorkerMessage,
} from '../background/frames/protocol';
import type { Logger } from '../background/hub';

/** Under 30 s, the worker's idle limit: port traffic this often keeps it running while a vendor page lives. */
const PING_MS = 20_000;
const RETRY_MIN_MS = 100;
const RETRY_MAX_MS = 10_000;
/** A connection that lasted this long was healthy: the next reconnect starts fast again. */
const STABLE_MS = 30_000;

export interface HostLinkOptions {
  /** Which host page this is, as announced in `hello`. */
  readonly host: 'offscreen' | 'screen';
  /** The frames the page holds now (announced on each connection). */
  readonly held: () => readonly HeldFrame[];
  /** Handles each well-formed message from the worker. */
  readonly onMessage: (message: WorkerMessage) => void;
  /** The page's log. */
  readonly log: Logger;
}

/** A host page's connection to the worker. */
export interface HostLink {
  /** Sends to the worker; dropped while the worker restarts (the next `hello` tells it the state). */
  send(message: HostMessage): void;
}

/**
 * Connects the page to the worker and keeps it connected: when the worker is stopped or restarted, the
 * port breaks and the page connects again (which wakes the worker), saying `hello` with the frames it
 * still holds so the new worker re-attaches to them instead of reloading them.
 */
export function connectHostLink(options: HostLinkOptions): HostLink {
  const { log } = options;
  let port: chrome.runtime.Port | undefined;
  let retry = RETRY_MIN_MS;

  const connect = () => {
    let next: chrome.runtime.Port;
    try {
      next = chrome.runtime.connect({ name: FRAMES_PORT });
    } catch (error) {
      // The extension was reloaded or removed: this page is about to go too.
      log('warn', 'cannot reach the worker', error);
      return;
    }
    const connectedAt = Date.now();
    port = next;
    next.onMessage.addListener((raw: unknown) => {
      const message = parseWorkerMessage(raw);
      if (message) options.onMessage(message);
      else log('warn', 'malformed message from the worker ignored');
    });
    next.onDisconnect.addListener(() => {
      void chrome.runtime.lastError;
      if (port === next) port = undefined;
      if (Date.now() - connectedAt > STABLE_MS) retry = RETRY_MIN_MS;
      setTimeout(connect, retry);
      retry = Math.min(retry * 2, RETRY_MAX_MS);
    });
    next.postMessage({ type: 'hello', host: options.host, frames: options.held() } satisfies HostMessage);
  };

  const send = (message: HostMessage) => {
    if (!port) {
      log('debug', 'worker not connected: message dropped', message.type);
      return;
    }
    try {
      port.postMessage(message);
    } catch (error) {
      log('debug', 'worker port broke', error);
    }
  };

  connect();
  setInterval(() => {
    if (options.held().length > 0) send({ type: 'ping' });
  }, PING_MS);
  return { send };
}
