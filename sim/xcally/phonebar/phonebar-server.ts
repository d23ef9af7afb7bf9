import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { CallCenter } from '../model/call-center';
import { listen, shut, trackConnections } from '../server/listen';
import { type ApiAnswer, phonebarApi } from './api';

/** A request the Phonebar got. */
export interface PhonebarRequest {
  /** The HTTP method. */
  readonly method: string;
  /** The path with the query, as sent. */
  readonly path: string;
  /** The `Origin` header (the page that called), or null. */
  readonly origin: string | null;
  /** The status it answered. */
  readonly status: number;
  /** When (ms since the epoch). */
  readonly at: number;
}

// Web pages call the Phonebar on localhost: any origin may, and Chrome's Private Network Access
// preflight wants the last header.
const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, OPTIONS',
  'access-control-allow-headers': '*',
  'access-control-allow-private-network': 'true',
  'access-control-max-age': '600',
};

/** Which API call a path is: `/api/<route>[/<id>]`, the id URL-decoded; null for anything else. */
function parse(pathname: string): { route: string; id: string | null } | null {
  const match = /^\/api\/([a-z]+)(?:\/(.*))?$/.exec(pathname);
  if (!match) return null;
  const raw = match[2];
  if (raw === undefined || raw === '') return { route: match[1]!, id: null };
  try {
    return { route: match[1]!, id: decodeURIComponent(raw) };
  } catch {
    return { route: match[1]!, id: raw };
  }
}

/** The agent's local softphone API on its own port, over the shared call state. */
export class PhonebarServer {
  /** Every request, oldest first. */
  readonly requests: PhonebarRequest[] = [];
  private server: Server | null = null;
  private connections = new Set<Socket>();

  constructor(
    private readonly center: CallCenter,
    /** The agent whose phone this is. */
    readonly peer: string,
  ) {}

  /** Listens on 127.0.0.1:`port` (0: a free one); resolves with the port. */
  async start(port: number): Promise<number> {
    const server = createServer((req, res) => this.handle(req, res));
    this.connections = trackConnections(server);
    const bound = await listen(server, port);
    this.server = server;
    return bound;
  }

  /** Stops listening. */
  async stop(): Promise<void> {
    if (this.server) await shut(this.server, this.connections);
    this.server = null;
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const [status, body] = this.answer(req.method ?? 'GET', url.pathname);
    this.requests.push({
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      origin: req.headers.origin ?? null,
      status,
      at: Date.now(),
    });
    if (body === null) {
      res.writeHead(status, CORS).end();
      return;
    }
    res.writeHead(status, {
      ...CORS,
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
    });
    res.end(JSON.stringify(body));
  }

  private answer(method: string, pathname: string): ApiAnswer {
    if (method === 'OPTIONS') return [204, null];
    const call = parse(pathname);
    if (!call) return [404, { error: `no route ${pathname}` }];
    if (method !== 'GET') return [405, { error: 'use GET' }];
    try {
      return phonebarApi(this.center, this.peer, call.route, call.id);
    } catch (error) {
      return [500, { error: error instanceof Error ? error.message : String(error) }];
    }
  }
}
