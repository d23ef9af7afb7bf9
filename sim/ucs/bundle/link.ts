import type { Phase, WireAnswer, WirePush } from '../protocol';

/** What the link reports to the bundle. */
export interface LinkEvents {
  /** The socket opened (again). */
  open(): void;
  /** A push arrived. */
  push(push: WirePush): void;
  /** A request was refused. */
  refused(method: string, error: string, code: number): void;
  /** The socket could not open or was lost; `wasOpen` tells which. */
  lost(wasOpen: boolean): void;
}

/** ASSUMPTION: the bundle retries a lost or refused connection every 2 s, forever. */
const RETRY_MS = 2000;

/** The bundle's WebSocket to UCS: requests out, answers and pushes in, reconnecting when lost. */
export class Link {
  /** The component's state as last pushed. */
  phase: Phase = 'CREDENTIALS';
  /** The last READY state object, or null. */
  state: unknown = null;
  private socket: WebSocket | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, string>();

  /** `url`: the WebSocket URL. */
  constructor(
    private readonly url: string,
    private readonly events: LinkEvents,
  ) {}

  /** True while a request can be sent. */
  get connected(): boolean {
    return this.socket?.readyState === WebSocket.OPEN;
  }

  /** Opens the socket. */
  start(): void {
    let wasOpen = false;
    const socket = new WebSocket(this.url);
    this.socket = socket;
    socket.onopen = () => {
      wasOpen = true;
      this.events.open();
    };
    socket.onmessage = (event) => this.receive(String(event.data));
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.phase = 'CREDENTIALS';
      this.state = null;
      this.pending.clear();
      this.events.lost(wasOpen);
      setTimeout(() => this.start(), RETRY_MS);
    };
  }

  /** Sends one request; its refusal, if any, comes back through `refused`. */
  request(method: string, args: readonly unknown[]): void {
    if (!this.socket || !this.connected) return;
    const id = this.nextId++;
    this.pending.set(id, method);
    this.socket.send(JSON.stringify({ id, method, args }));
  }

  private receive(text: string): void {
    let message: WirePush | WireAnswer;
    try {
      message = JSON.parse(text);
    } catch {
      return;
    }
    if ('callback' in message) {
      this.phase = message.phase;
      this.state = message.state;
      this.events.push(message);
      return;
    }
    const method = this.pending.get(message.id) ?? '?';
    this.pending.delete(message.id);
    if (!message.ok) this.events.refused(method, message.error, message.code);
  }
}
