import { type StartupOptions, startUcsSim, type UcsSim, type WirePush } from '../../../sim/ucs';
import type { WsConnection } from '../../../sim/ucs/ws/connection';
import { connectWs } from '../../../sim/ucs/ws/node-client';

/** A request's answer as the test sees it. */
export interface Answer {
  readonly ok: boolean;
  readonly result?: unknown;
  readonly error?: string;
  readonly code?: number;
}

/** A WebSocket client speaking the simulator's wire protocol, recording pushes. */
export class TestClient {
  readonly pushes: WirePush[] = [];
  private nextId = 1;
  private readonly waiting = new Map<number, (answer: Answer) => void>();
  private readonly watchers: (() => void)[] = [];

  constructor(readonly ws: WsConnection) {
    ws.onMessage((text) => {
      const message = JSON.parse(text);
      if ('callback' in message) {
        this.pushes.push(message);
        for (const watcher of [...this.watchers]) watcher();
      } else this.waiting.get(message.id)?.(message);
    });
  }

  /** Sends a request and waits for its answer. */
  call(method: string, ...args: unknown[]): Promise<Answer> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.ws.send(JSON.stringify({ id, method, args }));
    });
  }

  /** The callbacks pushed so far, in order. */
  names(): string[] {
    return this.pushes.map((push) => push.callback);
  }

  /** The last push of `callback`, waiting up to 2 s for it. */
  last(callback: string): Promise<WirePush> {
    return this.until(() => this.pushes.findLast((push) => push.callback === callback), callback);
  }

  /** The `n`-th (1-based) push of `callback`, waiting up to 2 s for it. */
  nth(callback: string, n: number): Promise<WirePush> {
    return this.until(
      () => this.pushes.filter((push) => push.callback === callback)[n - 1],
      `${callback} #${n}`,
    );
  }

  /** The callbacks pushed since `from` (an index into `pushes`). */
  namesSince(from: number): string[] {
    return this.names().slice(from);
  }

  /** Waits up to 2 s until `find` returns a push. */
  private async until(find: () => WirePush | undefined, what: string): Promise<WirePush> {
    const found = find();
    if (found) return found;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no ${what} push; got ${this.names().join(', ')}`)),
        2000,
      );
      const watcher = () => {
        const push = find();
        if (!push) return;
        clearTimeout(timer);
        this.watchers.splice(this.watchers.indexOf(watcher), 1);
        resolve(push);
      };
      this.watchers.push(watcher);
    });
  }
}

/** A started simulator plus clients that are closed with it. */
export interface Setup {
  readonly sim: UcsSim;
  connect(): Promise<TestClient>;
  /** Connects, says hello and logs in as `username` and pairs `identifier` (READY). */
  ready(username?: string, identifier?: string, options?: Partial<StartupOptions>): Promise<TestClient>;
  stop(): Promise<void>;
}

/** Starts a simulator on a free port. */
export async function setup(options: Parameters<typeof startUcsSim>[0] = {}): Promise<Setup> {
  const sim = await startUcsSim(options);
  const clients: TestClient[] = [];
  const connect = async () => {
    const client = new TestClient(await connectWs(sim.wsUrl));
    clients.push(client);
    return client;
  };
  return {
    sim,
    connect,
    async ready(username = 'jan.novak', identifier = 'pc101', startup = {}) {
      const client = await connect();
      await client.call('hello', startup);
      const password = username === 'jan.novak' ? 'heslo123' : 'heslo456';
      const login = await client.call('login', username, password);
      if (!login.ok) throw new Error(login.error);
      const pair = await client.call('selectIdentifier', identifier);
      if (!pair.ok) throw new Error(pair.error);
      return client;
    },
    async stop() {
      for (const client of clients) client.ws.destroy();
      await sim.close();
    },
  };
}

/** Calls a control route over HTTP. */
export async function controlHttp(sim: UcsSim, name: string, body?: unknown) {
  const res = await fetch(`${sim.url}/control/${name}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
