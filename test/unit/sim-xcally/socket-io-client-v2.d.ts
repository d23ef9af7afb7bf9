// socket.io-client 2.5.0 ships no types: the little the simulator's tests use of it.
declare module 'socket.io-client-v2' {
  /** A socket.io 2 client socket. */
  interface SocketV2 {
    /** The session id once connected. */
    readonly id: string;
    /** Whether it is connected now. */
    readonly connected: boolean;
    /** Listens for an event (also `connect`, `disconnect`, `reconnect`, `error`, `connect_error`). */
    on(event: string, listener: (...args: never[]) => void): SocketV2;
    /** Sends an event. */
    emit(event: string, ...args: unknown[]): SocketV2;
    /** Disconnects for good. */
    close(): SocketV2;
  }

  /** The Manager options the tests pass. */
  interface OptionsV2 {
    /** The socket.io path. */
    path?: string;
    /** e.g. `['websocket']`. */
    transports?: string[];
    /** The handshake query. */
    query?: Record<string, string>;
    /** A Manager of its own instead of the cached one for the URL. */
    forceNew?: boolean;
    /** Reconnect after this long (then longer). */
    reconnectionDelay?: number;
    /** The longest reconnection delay. */
    reconnectionDelayMax?: number;
    /** Whether to reconnect at all. */
    reconnection?: boolean;
  }

  /** Connects to a socket.io server. */
  export default function io(url: string, options?: OptionsV2): SocketV2;
}
