import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket as NetSocket } from 'node:net';
import { Server, type Socket } from 'socket.io';
import { listen, trackConnections } from '../server/listen';

/** A client connected to the realtime server. */
export interface ClientInfo {
  /** The socket.io id. */
  readonly id: string;
  /** The agent the client says it is (handshake query `peer`); null: an integration service. */
  readonly peer: string | null;
  /** The engine.io protocol: 3 for socket.io 1.x/2.x clients, 4 for 3.x/4.x. */
  readonly protocol: number;
  /** `websocket` or `polling`. */
  readonly transport: string;
  /** The handshake query (engine.io's own `EIO`, `transport` and `t` left out). */
  readonly query: Record<string, string>;
  /** When it connected (ms since the epoch). */
  readonly connectedAt: number;
}

/** How the realtime server is set up. */
export interface RealtimeServerOptions {
  /** The socket.io path. */
  readonly path: string;
  /** When set, the handshake must carry it as query or auth `token`. */
  readonly token: string | null;
  /** Answers the HTTP requests that are not socket.io's. */
  handler(req: IncomingMessage, res: ServerResponse): void;
  /** Told of every emit a client sends (arguments without an ack callback). */
  onEmit(client: ClientInfo, name: string, args: unknown[]): void;
}

const ENGINE_QUERY = new Set(['EIO', 'transport', 't', 'sid', 'j', 'b64']);
const room = (peer: string) => `peer:${peer}`;

/** The first value of a query parameter. */
function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function describe(socket: Socket): ClientInfo {
  const query: Record<string, string> = {};
  for (const [key, value] of Object.entries(socket.handshake.query)) {
    const text = first(value);
    if (!ENGINE_QUERY.has(key) && text !== undefined) query[key] = text;
  }
  return {
    id: socket.id,
    peer: first(socket.handshake.query.peer) || null,
    protocol: socket.conn.protocol,
    transport: socket.conn.transport.name,
    query,
    connectedAt: socket.data.connectedAt as number,
  };
}

/**
 * xcally-realtime's socket.io endpoint on 127.0.0.1, for socket.io 2 clients (engine.io 3) and current
 * ones alike. It can stop and listen again on the same port; each start is a fresh socket.io server.
 */
export class RealtimeServer {
  private io: Server | null = null;
  private connections = new Set<NetSocket>();
  private closed = false;
  /** The port it listens (or listened) on; 0 before the first start. */
  port = 0;

  constructor(private readonly options: RealtimeServerOptions) {}

  /** Listens on `port` (0: a free one; a restart passes the old port). */
  async start(port: number): Promise<void> {
    // A restart whose down time outlives the simulator must not bring it back.
    if (this.closed) return;
    const http = createServer(this.options.handler);
    this.connections = trackConnections(http);
    const io = new Server(http, {
      path: this.options.path,
      allowEIO3: true,
      serveClient: false,
      cors: { origin: true, credentials: true },
    });
    io.use((socket, next) => this.admit(socket, next));
    io.on('connection', (socket) => {
      const peer = first(socket.handshake.query.peer);
      if (peer) void socket.join(room(peer));
      socket.onAny((name: string, ...args: unknown[]) => {
        this.options.onEmit(
          describe(socket),
          name,
          args.filter((arg) => typeof arg !== 'function'),
        );
      });
    });
    this.port = await listen(http, port);
    this.io = io;
  }

  /**
   * ASSUMPTION: xcally-realtime's authentication is not published; with a `token` option the simulator
   * wants it in the handshake query (socket.io 2 has no auth payload) or the socket.io 4 auth.
   */
  private admit(socket: Socket, next: (error?: Error) => void): void {
    socket.data.connectedAt = Date.now();
    const wanted = this.options.token;
    const auth = socket.handshake.auth as Record<string, unknown>;
    const given = first(socket.handshake.query.token) ?? auth.token;
    next(wanted === null || given === wanted ? undefined : new Error('unauthorized'));
  }

  /** Cuts every connection (clients see the transport close and reconnect) and stops listening. */
  async stop(): Promise<void> {
    const io = this.io;
    if (!io) return;
    this.io = null;
    for (const connection of this.connections) connection.destroy();
    // Closes the engine's clients and the HTTP server; no socket.io DISCONNECT packet is sent, so the
    // clients take it for a lost connection and reconnect.
    await io.close();
  }

  /** Stops for good: a pending restart will not listen again. */
  async close(): Promise<void> {
    this.closed = true;
    await this.stop();
  }

  /** Emits to every connected client; resolves with how many there were. */
  broadcast(name: string, payload: unknown): number {
    if (!this.io) return 0;
    this.io.emit(name, payload);
    return this.io.sockets.sockets.size;
  }

  /** Emits to the clients that said they are `peer`; returns how many there were. */
  toPeer(peer: string, name: string, payload: unknown): number {
    if (!this.io) return 0;
    const count = this.io.sockets.adapter.rooms.get(room(peer))?.size ?? 0;
    this.io.to(room(peer)).emit(name, payload);
    return count;
  }

  /** The connected clients, in connection order. */
  clients(): ClientInfo[] {
    return this.io ? [...this.io.sockets.sockets.values()].map(describe) : [];
  }
}
