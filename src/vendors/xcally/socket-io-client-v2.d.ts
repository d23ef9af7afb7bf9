/**
 * socket.io-client 2.5 (installed as `socket.io-client-v2`), which ships no types: the little of it the
 * xCALLY adapter uses. It speaks engine.io protocol 3, as xCALLY Shuttle's realtime server does.
 * Ambient module declarations merge (the simulator's tests declare this module too), hence names of
 * their own here, and the adapter casts what `io` returns.
 */
declare module 'socket.io-client-v2' {
  /** A component-emitter: listeners by event name. */
  interface XcallyV2Emitter {
    /** Adds a listener. */
    on(event: string, listener: (...args: never[]) => void): this;
    /** Removes a listener. */
    off(event: string, listener?: (...args: never[]) => void): this;
  }

  /** The engine.io 3 connection under a manager. */
  interface XcallyV2Engine extends XcallyV2Emitter {}

  /** The connection manager: one engine.io connection, its reconnection and backoff. */
  interface XcallyV2Manager extends XcallyV2Emitter {
    /** Turns reconnection on or off. */
    reconnection(value: boolean): this;
    /** The engine.io connection, once opened. */
    readonly engine?: XcallyV2Engine | null;
  }

  /** A socket of one namespace. */
  interface XcallyV2Socket extends XcallyV2Emitter {
    /** Whether the namespace is connected. */
    readonly connected: boolean;
    /** Its manager. */
    readonly io: XcallyV2Manager;
    /** Sends an event. */
    emit(event: string, ...args: unknown[]): this;
    /** Disconnects and stops reconnecting. */
    close(): this;
  }

  /** Options of `io(uri, options)`, as far as the adapter sets them. */
  interface XcallyV2Options {
    readonly path?: string;
    readonly query?: Readonly<Record<string, string>>;
    readonly transports?: readonly string[];
    readonly reconnection?: boolean;
    readonly reconnectionDelay?: number;
    readonly reconnectionDelayMax?: number;
    readonly randomizationFactor?: number;
    readonly timeout?: number;
    readonly forceNew?: boolean;
    readonly autoConnect?: boolean;
  }

  /** Connects to `uri` (the default namespace) with its own manager when `forceNew`. */
  export default function io(uri: string, options?: XcallyV2Options): XcallyV2Socket;
}
