import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { UcsCenter } from '../model/center';
import { Refusal } from '../model/refusal';
import { UcsSession } from '../model/session';
import { ERROR_CODES, type WireAnswer } from '../protocol';
import type { WsConnection } from '../ws/connection';
import { acceptUpgrade, refuseUpgrade } from '../ws/upgrade';

/** The HTTP server plus the WebSocket endpoint the bundle talks to. */
export class UcsServer {
  private readonly http: Server;
  private readonly sockets = new Set<Socket>();
  private readonly connections = new Set<WsConnection>();
  private down = false;

  /** `wsPath`: the WebSocket path; `handler`: every plain HTTP request. */
  constructor(
    private readonly center: UcsCenter,
    private readonly wsPath: string,
    handler: (req: IncomingMessage, res: ServerResponse) => void,
  ) {
    this.http = createServer(handler);
    this.http.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
    this.http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) =>
      this.upgrade(req, socket, head),
    );
  }

  /** Listens on 127.0.0.1:`port` (0: a free one); resolves with the port. */
  listen(port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      this.http.once('error', reject);
      this.http.listen(port, '127.0.0.1', () => {
        this.http.off('error', reject);
        const address = this.http.address();
        resolve(typeof address === 'object' && address ? address.port : port);
      });
    });
  }

  /** True while the simulated UCS is down. */
  get isDown(): boolean {
    return this.down;
  }

  /**
   * Takes the simulated UCS down: every WebSocket is cut without a close frame and new ones are
   * refused with 503. ASSUMPTION: the HTTP side (bundle, control) stays up so that tests can bring it back.
   */
  goDown(): void {
    this.down = true;
    for (const connection of this.connections) connection.destroy();
  }

  /** Accepts WebSockets again; agents' states (status, calls) survived, sessions did not. */
  goUp(): void {
    this.down = false;
  }

  /** How many WebSockets are open. */
  get openConnections(): number {
    return this.connections.size;
  }

  /** Stops listening and cuts everything. */
  close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    return new Promise((resolve) => this.http.close(() => resolve()));
  }

  private upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (path !== this.wsPath) return void refuseUpgrade(socket, 404, 'Not Found');
    if (this.down) return void refuseUpgrade(socket, 503, 'Service Unavailable');
    const connection = acceptUpgrade(req, socket, head);
    if (!connection) return;
    this.connections.add(connection);
    const session = new UcsSession(this.center, (push) => connection.send(JSON.stringify(push)));
    this.center.sessions.add(session);
    connection.onClose(() => {
      this.connections.delete(connection);
      this.center.sessions.delete(session);
    });
    connection.onMessage((text) => connection.send(JSON.stringify(answer(session, text))));
  }
}

function answer(session: UcsSession, text: string): WireAnswer {
  let request: { id?: unknown; method?: unknown; args?: unknown };
  try {
    request = JSON.parse(text);
  } catch {
    return { id: -1, ok: false, error: 'not JSON', code: ERROR_CODES.badRequest };
  }
  const id = typeof request.id === 'number' ? request.id : -1;
  if (typeof request.method !== 'string')
    return { id, ok: false, error: 'method is required', code: ERROR_CODES.badRequest };
  const args = Array.isArray(request.args) ? request.args : [];
  try {
    return { id, ok: true, result: session.handle(request.method, args) ?? null };
  } catch (error) {
    if (error instanceof Refusal) return { id, ok: false, error: error.message, code: error.code };
    return { id, ok: false, error: error instanceof Error ? error.message : String(error), code: 500 };
  }
}
