import type { RealtimeSocket, SocketFactory, SocketOptions } from '../../../src/vendors/xcally/socket';

type Listener = (...args: never[]) => void;

class Emitter {
  private readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  fire(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as (...a: unknown[]) => void)(...args);
  }
}

/** A socket.io socket the test plays the server of. */
export class FakeSocket extends Emitter implements RealtimeSocket {
  connected = false;
  closed = false;
  reconnecting = false;
  /** What the adapter emitted. */
  readonly sent: { name: string; payload: unknown }[] = [];
  readonly engine = new Emitter();
  readonly io = Object.assign(new Emitter(), {
    reconnection: (value: boolean) => {
      this.reconnecting = value;
    },
    engine: this.engine,
  });

  constructor(readonly options: SocketOptions) {
    super();
  }

  emit(name: string, ...args: unknown[]): this {
    this.sent.push({ name, payload: args[0] });
    return this;
  }

  close(): this {
    this.closed = true;
    this.connected = false;
    return this;
  }

  /** The server accepted the connection. */
  connect(): void {
    this.connected = true;
    this.io.fire('open');
    this.fire('connect');
  }

  /** The server sent an event. */
  server(name: string, payload: unknown): void {
    this.engine.fire('packet');
    this.fire(name, payload);
  }

  /** The connection dropped (`transport close`), or the server disconnected it. */
  drop(reason = 'transport close'): void {
    this.connected = false;
    this.fire('disconnect', reason);
  }
}

/** A factory that hands out fake sockets and remembers them. */
export function fakeSockets() {
  const sockets: FakeSocket[] = [];
  const factory: SocketFactory = (options) => {
    const socket = new FakeSocket(options);
    sockets.push(socket);
    return socket;
  };
  return { factory, sockets, last: () => sockets.at(-1)! };
}
