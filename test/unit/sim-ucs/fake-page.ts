import { createContext, runInContext } from 'node:vm';
import type { WsConnection } from '../../../sim/ucs/ws/connection';
import { connectWs } from '../../../sim/ucs/ws/node-client';

/** A browser WebSocket stand-in over the Node client, enough for the bundle's Link. */
class FakeWebSocket {
  static readonly OPEN = 1;
  readyState = 0;
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: string }) => void) | null = null;
  onclose: (() => void) | null = null;
  private connection: WsConnection | null = null;

  constructor(url: string) {
    connectWs(url).then(
      (connection) => {
        this.connection = connection;
        this.readyState = 1;
        connection.onMessage((data) => this.onmessage?.({ data }));
        connection.onClose(() => {
          this.readyState = 3;
          this.onclose?.();
        });
        this.onopen?.();
      },
      () => {
        this.readyState = 3;
        this.onclose?.();
      },
    );
  }

  send(text: string): void {
    this.connection?.send(text);
  }

  close(): void {
    this.connection?.close();
  }
}

/** A page with `window.ucsOperator = config` that runs the bundle; returns the page's window. */
export function runBundle(code: string, config: Record<string, unknown>) {
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const page: Record<string, unknown> = {
    ucsOperator: config,
    location: { protocol: 'http:', hostname: '127.0.0.1', port: '1' },
    document: { readyState: 'complete', cookie: '', getElementById: () => null },
    WebSocket: FakeWebSocket,
    addEventListener: () => undefined,
    console,
    setTimeout: (fn: () => void, ms: number) => {
      const timer = setTimeout(fn, ms);
      timers.add(timer);
      return timer;
    },
  };
  page.window = page;
  runInContext(code, createContext(page));
  return {
    page,
    /** Stops the bundle's reconnect timers. */
    stop: () => {
      for (const timer of timers) clearTimeout(timer);
    },
  };
}
