/**
 * A browser `WebSocket` for the virtual sandbox page, over the simulator's Node client (Node 20 has no
 * WebSocket). One class per page: the page tracks its sockets, closes them when it goes away (so the
 * server sees the connection drop), and no event reaches a page that is gone.
 */
import type { WsConnection } from '../ws/connection';
import { connectWs } from '../ws/node-client';

/** What a page's WebSocket class needs from its page. */
export interface SocketPage {
  /** The page still runs: events are delivered only then. */
  alive(): boolean;
  /** Whether the page's connect-src allows `url`. */
  mayConnect(url: URL): boolean;
  /** A socket opened (or is opening) / went away. */
  track(socket: PageSocket): void;
  untrack(socket: PageSocket): void;
  /** Reports a CSP refusal or an exception thrown by an event handler. */
  report(error: unknown): void;
}

/** The part of a page's socket the page uses. */
export interface PageSocket {
  /** The page goes away: the connection is closed with 1001 ("going away"), and no event fires. */
  abandon(): void;
}

type Listener = ((event: SocketEvent) => void) | { handleEvent(event: SocketEvent): void };

/** The events a socket fires; plain objects (the page sees `type`, `target`, `data`, `code`...). */
interface SocketEvent {
  readonly type: string;
  readonly target: unknown;
  readonly [field: string]: unknown;
}

const CONNECTING = 0;
const OPEN = 1;
const CLOSING = 2;
const CLOSED = 3;

/** The `WebSocket` constructor for one page. */
export function webSocketClass(page: SocketPage) {
  return class WebSocket implements PageSocket {
    static readonly CONNECTING = CONNECTING;
    static readonly OPEN = OPEN;
    static readonly CLOSING = CLOSING;
    static readonly CLOSED = CLOSED;
    readonly CONNECTING = CONNECTING;
    readonly OPEN = OPEN;
    readonly CLOSING = CLOSING;
    readonly CLOSED = CLOSED;

    readonly url: string;
    readyState: number = CONNECTING;
    readonly protocol = '';
    readonly extensions = '';
    readonly bufferedAmount = 0;
    binaryType = 'blob';
    onopen: ((event: SocketEvent) => void) | null = null;
    onmessage: ((event: SocketEvent) => void) | null = null;
    onerror: ((event: SocketEvent) => void) | null = null;
    onclose: ((event: SocketEvent) => void) | null = null;
    #listeners = new Map<string, Listener[]>();
    #connection: WsConnection | null = null;
    #closeCode = 1006;
    #abandoned = false;

    constructor(url: string | URL, _protocols?: string | string[]) {
      let target: URL;
      try {
        target = new URL(String(url));
      } catch {
        throw new DOMException(
          `Failed to construct 'WebSocket': The URL '${url}' is invalid.`,
          'SyntaxError',
        );
      }
      if (target.protocol === 'http:') target.protocol = 'ws:';
      else if (target.protocol === 'https:') target.protocol = 'wss:';
      if (target.protocol !== 'ws:' && target.protocol !== 'wss:') {
        throw new DOMException(
          `Failed to construct 'WebSocket': The URL's scheme must be either 'ws' or 'wss'.`,
          'SyntaxError',
        );
      }
      if (target.hash !== '') {
        throw new DOMException(
          `Failed to construct 'WebSocket': The URL contains a fragment.`,
          'SyntaxError',
        );
      }
      this.url = target.href;
      if (!page.mayConnect(target)) {
        // Chrome refuses the connection (a console error) and fails the socket asynchronously.
        page.report(
          new Error(`Refused to connect to '${this.url}': it violates connect-src of the sandbox CSP.`),
        );
        this.readyState = CLOSED;
        setTimeout(() => this.#fail(), 0);
        return;
      }
      page.track(this);
      connectWs(this.url).then(
        (connection) => this.#opened(connection),
        () => this.#fail(),
      );
    }

    send(data: unknown): void {
      if (this.readyState === CONNECTING) {
        throw new DOMException(
          "Failed to execute 'send' on 'WebSocket': Still in CONNECTING state.",
          'InvalidStateError',
        );
      }
      // Browsers discard what is sent on a closing or closed socket.
      if (this.readyState === OPEN) this.#connection?.send(String(data));
    }

    close(code?: number, _reason?: string): void {
      if (this.readyState === CLOSING || this.readyState === CLOSED) return;
      if (code !== undefined && code !== 1000 && (code < 3000 || code > 4999)) {
        throw new DOMException(
          `Failed to execute 'close' on 'WebSocket': The close code ${code} is invalid.`,
          'InvalidAccessError',
        );
      }
      if (this.readyState === CONNECTING) {
        // Closing before the connection opened fails it: error, then close (1006).
        this.readyState = CLOSED;
        setTimeout(() => this.#fail(), 0);
        return;
      }
      this.readyState = CLOSING;
      this.#closeCode = code ?? 1000;
      this.#connection?.close(this.#closeCode);
    }

    addEventListener(type: string, listener: Listener | null): void {
      if (!listener) return;
      const list = this.#listeners.get(type) ?? [];
      if (!list.includes(listener)) list.push(listener);
      this.#listeners.set(type, list);
    }

    removeEventListener(type: string, listener: Listener | null): void {
      const list = this.#listeners.get(type) ?? [];
      const index = listener ? list.indexOf(listener) : -1;
      if (index >= 0) list.splice(index, 1);
    }

    abandon(): void {
      this.#abandoned = true;
      this.readyState = CLOSED;
      this.#connection?.close(1001);
      page.untrack(this);
    }

    #opened(connection: WsConnection): void {
      if (this.#abandoned || !page.alive() || this.readyState !== CONNECTING) {
        // The page went away, or the page closed the socket, while it was opening.
        connection.close(this.#abandoned ? 1001 : 1000);
        return;
      }
      this.#connection = connection;
      this.readyState = OPEN;
      connection.onMessage((data) => this.#fire('message', { data, origin: new URL(this.url).origin }));
      connection.onClose(() => {
        const code = this.readyState === CLOSING ? this.#closeCode : 1006;
        this.readyState = CLOSED;
        page.untrack(this);
        this.#fire('close', { code, reason: '', wasClean: code !== 1006 });
      });
      this.#fire('open', {});
    }

    /** The connection could not be made (or was given up before it opened). */
    #fail(): void {
      this.readyState = CLOSED;
      page.untrack(this);
      this.#fire('error', {});
      this.#fire('close', { code: 1006, reason: '', wasClean: false });
    }

    #fire(type: string, fields: Record<string, unknown>): void {
      if (this.#abandoned || !page.alive()) return;
      const event: SocketEvent = { type, target: this, currentTarget: this, ...fields };
      const handlers: Listener[] = [...(this.#listeners.get(type) ?? [])];
      const property = this[`on${type}` as 'onopen'];
      if (typeof property === 'function') handlers.unshift(property);
      for (const handler of handlers) {
        try {
          if (typeof handler === 'function') handler.call(this, event);
          else handler.handleEvent(event);
        } catch (error) {
          // As in a browser: reported, and the other handlers still run.
          page.report(error);
        }
      }
    }
  };
}
