import { io } from 'socket.io-client';
import ioV2 from 'socket.io-client-v2';
import {
  CALL_EVENT_NAMES,
  SERVICE_EMIT_NAMES,
  startXcallySim,
  type XcallySim,
  type XcallySimOptions,
} from '../../../sim/xcally';

/** Polls `probe` until it returns something truthy (on the monotonic clock: tests may fake Date). */
export async function until<T>(
  probe: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  what: string,
  timeoutMs = 3000,
): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** An event a test client received. */
export interface Received {
  readonly name: string;
  readonly payload: Record<string, unknown>;
}

/** A socket.io client of either generation, as an adapter or integration service would hold one. */
export interface TestClient {
  /** 2: socket.io-client 2.5 (engine.io 3); 4: socket.io-client 4 (engine.io 4). */
  readonly version: 2 | 4;
  /** Every event received, in order. */
  readonly events: Received[];
  /** How many times it (re)connected. */
  connects: number;
  /** Whether it is connected now. */
  connected(): boolean;
  /** Waits for the next event `name` after the cursor and moves the cursor past it. */
  next(name: string, timeoutMs?: number): Promise<Record<string, unknown>>;
  /** The names received after the cursor. */
  pendingNames(): string[];
  /** Sends an emit. */
  emit(name: string, payload: unknown): void;
  /** Disconnects for good. */
  close(): void;
}

/** Events the test clients listen for (v2 sockets have no onAny). */
const LISTENED = [...CALL_EVENT_NAMES, ...SERVICE_EMIT_NAMES];

/** Connects a client of `version` to the simulator, as agent `peer` (or as a service), and waits for it. */
export async function connect(
  sim: XcallySim,
  version: 2 | 4,
  options: { readonly peer?: string; readonly query?: Record<string, string> } = {},
): Promise<TestClient> {
  const query = { ...options.query, ...(options.peer ? { peer: options.peer } : {}) };
  const common = { path: sim.path, query, forceNew: true, reconnectionDelay: 50, reconnectionDelayMax: 100 };
  const socket =
    version === 4
      ? io(sim.url, { ...common, transports: ['websocket'] })
      : ioV2(sim.url, { ...common, transports: ['websocket'] });
  const events: Received[] = [];
  let cursor = 0;
  const client: TestClient = {
    version,
    events,
    connects: 0,
    connected: () => socket.connected,
    async next(name, timeoutMs = 2000) {
      const index = await until(
        () => {
          const found = events.findIndex((event, at) => at >= cursor && event.name === name);
          return found >= 0 ? found + 1 : undefined;
        },
        `${name} on the v${version} client`,
        timeoutMs,
      );
      cursor = index;
      return events[index - 1]!.payload;
    },
    pendingNames: () => events.slice(cursor).map((event) => event.name),
    emit: (name, payload) => void socket.emit(name, payload),
    close: () => void socket.close(),
  };
  for (const name of LISTENED) {
    socket.on(name, (payload: Record<string, unknown>) => events.push({ name, payload }));
  }
  socket.on('connect', () => {
    client.connects += 1;
  });
  await until(() => socket.connected, `the v${version} client to connect`);
  return client;
}

/** A simulator and the clients a test opened, closed together. */
export interface Setup {
  readonly sim: XcallySim;
  /** Connects a client that is closed with the setup. */
  connect(version: 2 | 4, options?: Parameters<typeof connect>[2]): Promise<TestClient>;
  /** Closes the clients and the simulator. */
  stop(): Promise<void>;
}

export async function setup(options?: XcallySimOptions): Promise<Setup> {
  const sim = await startXcallySim(options);
  const clients: TestClient[] = [];
  return {
    sim,
    async connect(version, connectOptions) {
      const client = await connect(sim, version, connectOptions);
      clients.push(client);
      return client;
    },
    async stop() {
      for (const client of clients) client.close();
      await sim.close();
    },
  };
}

/** GETs a Phonebar path; resolves with status, JSON body and headers. */
export async function phonebar(sim: XcallySim, path: string, init?: RequestInit) {
  const response = await fetch(`${sim.phonebarUrl}${path}`, init);
  const text = await response.text();
  return {
    status: response.status,
    body: text ? (JSON.parse(text) as unknown) : null,
    headers: response.headers,
  };
}

/** Calls a control route over HTTP. */
export async function controlHttp(
  sim: XcallySim,
  name: string,
  body?: unknown,
  method = body === undefined ? 'GET' : 'POST',
) {
  const response = await fetch(`${sim.url}/control/${name}`, {
    method,
    headers: body === undefined ? undefined : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> & unknown };
}
