/**
 * Request/response over the sandbox page's protocol (src/sandbox/protocol.ts): numbered `call`s matched
 * to their `result`, with a timeout, and the page's other messages (ready, callbacks, load errors) handed
 * to listeners. Failures reject with an Error whose message the agent can read as is.
 */
import type { FromSandbox, SandboxDescription, ToSandbox } from '../../sandbox/protocol';
import type { FrameChannel } from '../frame-host';

/** How long a method call may take before it is given up (the bundle answers locally or over its socket). */
export const DEFAULT_CALL_TIMEOUT_MS = 10_000;

/** What the adapter hears from the sandbox page besides results. */
export interface SandboxListeners {
  /** The page is listening (it may then be sent `load`). */
  readonly ready?: () => void;
  /** A `window.ucsOperator` callback fired. */
  readonly callback?: (name: string, args: readonly unknown[]) => void;
  /** The bundle did not load; `message` is the page's reason. */
  readonly loadError?: (message: string) => void;
}

/** The adapter's handle on the sandbox page. */
export interface SandboxClient {
  /** Asks the page to set `window.ucsOperator` to `config` and load the bundle from `scriptUrl`; `tag` names it. */
  load(scriptUrl: string, config: Record<string, unknown>, tag?: string): void;
  /** What the page runs: whether a bundle is loaded, and the tag it was loaded with. */
  describe(timeoutMs?: number): Promise<SandboxDescription>;
  /** Calls `window.ucsOperator[method](...args)`; resolves with its value, rejects with a readable Error. */
  call(method: string, args?: readonly unknown[], timeoutMs?: number): Promise<unknown>;
  /** Rejects every pending call (the frame reloaded or closed) and stops listening to the channel. */
  dispose(reason?: string): void;
}

interface Pending {
  readonly method: string;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: Error) => void;
  readonly timer: ReturnType<typeof setTimeout>;
}

/** A client over `channel`; `listeners` get the page's non-result messages. */
export function createSandboxClient(channel: FrameChannel, listeners: SandboxListeners = {}): SandboxClient {
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let disposed = false;

  const settle = (id: number): Pending | undefined => {
    const entry = pending.get(id);
    if (!entry) return undefined;
    pending.delete(id);
    clearTimeout(entry.timer);
    return entry;
  };

  const unsubscribe = channel.onMessage((data) => {
    const message = asFromSandbox(data);
    if (!message) return;
    switch (message.type) {
      case 'ready':
        listeners.ready?.();
        return;
      case 'callback':
        listeners.callback?.(message.name, message.args);
        return;
      case 'loadError':
        listeners.loadError?.(message.message);
        return;
      case 'result': {
        // Ids are ours and numeric; a string id or an unknown one is a late or foreign answer.
        const entry = typeof message.id === 'number' ? settle(message.id) : undefined;
        if (!entry) return;
        if (message.ok) entry.resolve(message.value);
        else entry.reject(new Error(`UCS refused ${entry.method}: ${message.error}`));
        return;
      }
    }
  });

  const post = (message: ToSandbox) => channel.post(message);

  /** Sends the message `make` builds with a fresh id; settles with the page's result for that id. */
  const request = (what: string, make: (id: number) => ToSandbox, timeoutMs: number) => {
    if (disposed) return Promise.reject(new Error(`UCS is not connected; ${what} was not sent`));
    const id = nextId++;
    return new Promise<unknown>((resolve, reject) => {
      const timer = setTimeout(() => {
        if (settle(id))
          reject(new Error(`UCS did not answer ${what} within ${Math.round(timeoutMs / 1000)} s`));
      }, timeoutMs);
      pending.set(id, { method: what, resolve, reject, timer });
      post(make(id));
    });
  };

  return {
    load(scriptUrl, config, tag) {
      if (!disposed) post({ type: 'load', scriptUrl, config, ...(tag === undefined ? {} : { tag }) });
    },
    async describe(timeoutMs = DEFAULT_CALL_TIMEOUT_MS) {
      const value = await request('describe', (id) => ({ type: 'describe', id }), timeoutMs);
      const found = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
      return {
        loaded: found.loaded === true,
        ...(typeof found.tag === 'string' ? { tag: found.tag } : {}),
      };
    },
    call(method, args = [], timeoutMs = DEFAULT_CALL_TIMEOUT_MS) {
      return request(method, (id) => ({ type: 'call', id, method, args: [...args] }), timeoutMs);
    },
    dispose(reason = 'the UCS page closed') {
      if (disposed) return;
      disposed = true;
      unsubscribe();
      for (const id of [...pending.keys()]) {
        const entry = settle(id);
        entry?.reject(new Error(`${entry.method} got no answer: ${reason}`));
      }
    },
  };
}

/** `data` as a sandbox message, or null when it is not one (the page is ours, but stay defensive). */
function asFromSandbox(data: unknown): FromSandbox | null {
  if (typeof data !== 'object' || data === null) return null;
  const message = data as Record<string, unknown>;
  switch (message.type) {
    case 'ready':
      return { type: 'ready' };
    case 'callback':
      return typeof message.name === 'string' && Array.isArray(message.args)
        ? { type: 'callback', name: message.name, args: message.args }
        : null;
    case 'loadError':
      return { type: 'loadError', message: String(message.message ?? 'the UCS bundle did not load') };
    case 'result': {
      const id = message.id;
      if (typeof id !== 'number' && typeof id !== 'string') return null;
      return message.ok === true
        ? { type: 'result', id, ok: true, value: message.value }
        : { type: 'result', id, ok: false, error: String(message.error ?? 'unknown error') };
    }
    default:
      return null;
  }
}
