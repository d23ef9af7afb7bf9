import { io as ioV4 } from 'socket.io-client';
import ioV2 from 'socket.io-client-v2';

/** A listener of a socket.io emitter; `never[]` accepts a listener of any arguments. */
type Listener = (...args: never[]) => void;

/** What the adapter uses of an engine.io connection (both protocol versions). */
export interface RealtimeEngine {
  /** `packet` (received) and `packetCreate` (sent) tell of traffic. */
  on(event: string, listener: Listener): unknown;
}

/** What the adapter uses of a socket.io manager (socket.io-client 2 and 4 alike). */
export interface RealtimeManager {
  /** `open`, `reconnect_attempt` (attempt number), `reconnect_error`, ... */
  on(event: string, listener: Listener): unknown;
  /** Turns socket.io's own reconnection with backoff on or off. */
  reconnection(value: boolean): unknown;
  /** The current engine.io connection. */
  readonly engine?: RealtimeEngine | null;
}

/** What the adapter uses of a socket.io socket (socket.io-client 2 and 4 alike). */
export interface RealtimeSocket {
  /** `connect`, `disconnect` (reason), `connect_error`, `error`, and the server's events. */
  on(event: string, listener: Listener): unknown;
  /** Sends an event (buffered while reconnecting). */
  emit(event: string, ...args: unknown[]): unknown;
  /** Disconnects for good. */
  close(): unknown;
  /** Whether it is connected now. */
  readonly connected: boolean;
  /** Its manager. */
  readonly io: RealtimeManager;
}

/** How to open the realtime connection. */
export interface SocketOptions {
  /** The server's origin. */
  readonly url: string;
  /** The socket.io path. */
  readonly path: string;
  /** 3: socket.io-client 2; 4: socket.io-client 4. */
  readonly engineIo: 3 | 4;
  /** The handshake query. */
  readonly query: Readonly<Record<string, string>>;
  /** How long the first connection may take, in ms. */
  readonly timeoutMs: number;
}

/** Makes a connected-or-connecting socket; tests pass a fake. */
export type SocketFactory = (options: SocketOptions) => RealtimeSocket;

/** socket.io's first delay before reconnecting; it doubles each attempt, ±50%. */
export const RECONNECT_DELAY_MS = 1_000;
/** socket.io's longest delay between reconnection attempts. */
export const RECONNECT_DELAY_MAX_MS = 10_000;

/**
 * A socket with socket.io-client 2 (engine.io 3) or 4 (engine.io 4). WebSocket only: the service worker
 * has no XMLHttpRequest for long polling. Reconnection starts off; the link turns it on once the first
 * connection is up, so a first failure goes back to the hub's backoff instead. `forceNew`: a test
 * connection never shares the live session's manager.
 */
export const openSocket: SocketFactory = (options) => {
  const common = {
    path: options.path,
    query: { ...options.query },
    transports: ['websocket'],
    reconnection: false,
    reconnectionDelay: RECONNECT_DELAY_MS,
    reconnectionDelayMax: RECONNECT_DELAY_MAX_MS,
    randomizationFactor: 0.5,
    timeout: options.timeoutMs,
    forceNew: true,
    autoConnect: true,
  };
  const socket = options.engineIo === 3 ? ioV2(options.url, common) : ioV4(options.url, common);
  return socket as unknown as RealtimeSocket;
};
