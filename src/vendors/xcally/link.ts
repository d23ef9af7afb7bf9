import { backoffDelay } from '../../core/backoff';
import type { AdapterContext } from '../contract';
import { KEEPALIVE_EVENT, keepTrafficFlowing } from './keepalive';
import { AGENT_EVENTS, CALL_EVENTS } from './payload';
import type { XcallySettings } from './settings';
import type { RealtimeSocket, SocketFactory } from './socket';

/** How long the first connection may take before it counts as failed. */
export const CONNECT_TIMEOUT_MS = 10_000;
/** Backoff of the link's own reconnection, after the server closed the connection itself. */
const RESPAWN_BASE_MS = 1_000;
const RESPAWN_MAX_MS = 30_000;
/** The link must stay up this long before its backoff starts over (a server may accept, then kick). */
export const STABLE_MS = 30_000;

/** What the bar reads while socket.io reconnects. */
export function reconnectingMessage(attempt?: number): string {
  return `Lost the xCALLY realtime server; reconnecting${attempt === undefined ? '' : ` (attempt ${attempt})`}…`;
}

/** What the link tells its owner. */
export interface LinkListener {
  /** Connected (first time or again): the owner reports its picture, then "connected". */
  connected(): void;
  /** The connection is down and being re-established; `message` is for the bar. */
  reconnecting(message: string): void;
  /** A server event the adapter listens to: a call event, AgentCTI or AgentCTINotification. */
  event(name: string, payload: unknown): void;
}

/** A first connection being waited for. */
interface Pending {
  /** Connected. */
  resolve(): void;
  /** Failed or aborted. */
  reject(error: unknown): void;
}

/** Drops the query and fragment of any URL in a text: a handshake `?token=` must not reach logs. */
const withoutQueries = (text: string): string =>
  text.replace(/(\b[a-z][a-z0-9+.-]*:\/\/[^\s?#]*)[?#][^\s]*/gi, '$1');

/** A text detail of an error, never the error object (it may carry the socket's URL and token). */
const detailOf = (error: unknown): string => {
  const detail =
    error instanceof Error
      ? error.message || error.name
      : typeof error === 'string' && error !== ''
        ? error
        : isObject(error) && typeof error.message === 'string' && error.message !== ''
          ? error.message
          : 'no reason given';
  return withoutQueries(detail);
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/** Whether a connect error is the server refusing (a middleware error), not the network failing. */
const isRefusal = (error: unknown): boolean =>
  !(
    error instanceof Error &&
    ((error as { type?: unknown }).type === 'TransportError' || error.message === 'timeout')
  );

/**
 * The socket.io connection to xcally-realtime. The first connection resolves or rejects `open` (so the
 * hub's backoff takes over when it fails); after that socket.io reconnects by itself with backoff, and
 * every state goes to the listener. A server that closes the connection on purpose is not reconnected
 * by socket.io: the link makes a new connection itself, with a backoff of its own.
 */
export class RealtimeLink {
  private socket: RealtimeSocket | undefined;
  private pending: Pending | undefined;
  private stopKeepAlive: (() => void) | undefined;
  private respawnTimer: ReturnType<typeof setTimeout> | undefined;
  private stableTimer: ReturnType<typeof setTimeout> | undefined;
  private respawns = 0;
  private closed = false;

  constructor(
    private readonly settings: Pick<XcallySettings, 'url' | 'path' | 'engineIo' | 'peer' | 'query'>,
    private readonly factory: SocketFactory,
    private readonly log: AdapterContext['log'],
    private readonly listener: LinkListener,
    private readonly timeoutMs = CONNECT_TIMEOUT_MS,
  ) {}

  /** Connects; resolves once connected, rejects with a message for the agent, or the abort reason. */
  open(signal: AbortSignal): Promise<void> {
    signal.throwIfAborted();
    if (this.closed) return Promise.reject(new Error('The xCALLY session was closed.'));
    clearTimeout(this.respawnTimer);
    this.respawnTimer = undefined;
    this.drop();
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => this.fail(signal.reason);
      signal.addEventListener('abort', onAbort, { once: true });
      this.pending = {
        resolve: () => {
          signal.removeEventListener('abort', onAbort);
          resolve();
        },
        reject: (error) => {
          signal.removeEventListener('abort', onAbort);
          reject(error);
        },
      };
      this.spawn();
    });
  }

  /** Sends an event; false when there is no connection to buffer it on. */
  emit(name: string, payload: unknown): boolean {
    if (!this.socket || this.closed) return false;
    this.socket.emit(name, payload);
    return true;
  }

  /** Whether the connection is up now. */
  get connected(): boolean {
    return this.socket?.connected === true;
  }

  /** Disconnects for good and stops every timer. */
  close(): void {
    this.closed = true;
    clearTimeout(this.respawnTimer);
    clearTimeout(this.stableTimer);
    this.fail(new Error('The xCALLY session was closed.'));
    this.drop();
  }

  private spawn(): void {
    const socket = this.factory({
      url: this.settings.url,
      path: this.settings.path,
      engineIo: this.settings.engineIo,
      query: { ...this.settings.query, peer: this.settings.peer },
      timeoutMs: this.timeoutMs,
    });
    this.socket = socket;
    const mine = () => this.socket === socket && !this.closed;
    // Once up, socket.io reconnects this socket itself and reports each failed attempt as connect_error.
    let wasUp = false;
    for (const name of [...CALL_EVENTS, ...AGENT_EVENTS]) {
      socket.on(name, (payload: unknown) => {
        if (mine()) this.listener.event(name, payload);
      });
    }
    socket.on('connect', () => {
      if (!mine()) return;
      socket.io.reconnection(true);
      wasUp = true;
      // The backoff starts over only once the link proved stable, so accept-then-kick backs off.
      clearTimeout(this.stableTimer);
      this.stableTimer = setTimeout(() => {
        this.stableTimer = undefined;
        if (mine() && socket.connected) this.respawns = 0;
      }, STABLE_MS);
      const pending = this.pending;
      this.pending = undefined;
      this.listener.connected();
      pending?.resolve();
    });
    const notUp = (error: unknown) => {
      if (!mine()) return;
      if (!wasUp) this.notConnected(error);
      // socket.io does not retry a refusal (a middleware error): the link makes a new connection later.
      else if (isRefusal(error))
        this.respawnLater(`The xCALLY realtime server refused the reconnection (${detailOf(error)})`);
      else this.log('debug', `xCALLY: reconnection attempt failed (${detailOf(error)})`);
    };
    socket.on('connect_error', notUp);
    // socket.io 2 reports a timeout and a refusing middleware apart from connect_error.
    socket.on('connect_timeout', () => notUp(new Error('timeout')));
    socket.on('error', (error: unknown) => {
      if (!socket.connected) notUp(error instanceof Error ? error : new Error(detailOf(error)));
      else if (mine())
        this.log('warn', `xCALLY: the realtime connection reported an error (${detailOf(error)})`);
    });
    socket.on('disconnect', (reason: unknown) => {
      if (!mine()) return;
      clearTimeout(this.stableTimer);
      this.stableTimer = undefined;
      this.log('info', `xCALLY: realtime connection lost (${String(reason)})`);
      if (reason === 'io server disconnect')
        this.respawnLater('The xCALLY realtime server closed the connection');
      else this.listener.reconnecting(reconnectingMessage());
    });
    socket.io.on('reconnect_attempt', (attempt: unknown) => {
      if (mine())
        this.listener.reconnecting(reconnectingMessage(typeof attempt === 'number' ? attempt : undefined));
    });
    this.stopKeepAlive = keepTrafficFlowing(socket.io, () => {
      if (mine() && socket.connected) socket.emit(KEEPALIVE_EVENT);
    });
  }

  /** The first connection attempt of a fresh socket failed. */
  private notConnected(error: unknown): void {
    if (this.pending) {
      const where = `${this.settings.url}${this.settings.path}`;
      const version =
        this.settings.engineIo === 3
          ? '3, for socket.io 2 servers such as xCALLY Shuttle'
          : '4, for socket.io 3 and later servers';
      this.fail(
        new Error(
          isRefusal(error)
            ? `The xCALLY realtime server at ${where} refused the connection: ${detailOf(error)}. Check "peer" and the handshake values in "query".`
            : `Could not reach the xCALLY realtime server at ${where} (${detailOf(error)}). Check "url" and "path", that the server is running, and "engineIo" (now ${version}).`,
        ),
      );
      this.drop();
      return;
    }
    // A socket the link made after the server closed the connection: try again later.
    this.respawnLater(`Reconnecting failed (${detailOf(error)})`);
  }

  private respawnLater(why: string): void {
    this.drop();
    if (this.closed) return;
    this.respawns += 1;
    const delay = backoffDelay(this.respawns - 1, RESPAWN_BASE_MS, RESPAWN_MAX_MS);
    this.listener.reconnecting(
      `${why}; reconnecting in ${Math.max(1, Math.round(delay / 1000))} s (attempt ${this.respawns})…`,
    );
    clearTimeout(this.respawnTimer);
    this.respawnTimer = setTimeout(() => {
      this.respawnTimer = undefined;
      if (!this.closed) this.spawn();
    }, delay);
  }

  private fail(error: unknown): void {
    const pending = this.pending;
    this.pending = undefined;
    if (!pending) return;
    this.drop();
    pending.reject(error);
  }

  /** Closes the current socket, if any, without telling anyone. */
  private drop(): void {
    this.stopKeepAlive?.();
    this.stopKeepAlive = undefined;
    const socket = this.socket;
    this.socket = undefined;
    socket?.close();
  }
}
