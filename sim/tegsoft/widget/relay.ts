/**
 * The widget page's logic, written once: the browser page runs it (bundled by the simulator at start)
 * and the Node virtual frame runs the same code, so tests in Node see what a browser would.
 *
 * The widget logs in with its URL's parameters, relays its parent's actions to the server, and posts
 * the server's events to its parent when the user's integration parameter allows (document 3).
 */
import { parentEventFilter, postsParentEvents } from '../integration';
import {
  type LoginRequest,
  type LoginResponse,
  SIM_PATHS,
  type StreamLine,
  type WidgetAction,
  type WidgetEvent,
} from '../protocol';
import { readLines } from './ndjson';
import { viewFromStatus, type WidgetView } from './view';

/** What the widget needs from the page it runs in. */
export interface WidgetEnv {
  /** The widget URL's query (`sessiontype`, and `token` or `usercode` + `clearpassword`). */
  readonly params: URLSearchParams;
  /** The Tegsoft server's origin (the page's own). */
  readonly baseUrl: string;
  /** A fetch whose responses stream (`response.body.getReader()`). */
  readonly fetch: typeof fetch;
  /** Posts an event to the parent window; the browser does `parent.postMessage(event, '*')`. */
  postToParent(event: WidgetEvent): void;
  /** Subscribes to messages whose source is the parent window; returns the unsubscribe. */
  onParentMessage(listener: (data: unknown) => void): () => void;
  /** Shows the widget's state (called with the whole view after every change). */
  render(view: WidgetView): void;
  /** Nests the forged frames (the browser only: Node has no frames to nest). */
  forge?(urls: { readonly sameOrigin: string; readonly crossOrigin: string }): void;
}

/** A running widget. */
export interface WidgetHandle {
  /** Resolves true once logged in, false when the login failed (or the widget was stopped first). */
  readonly loggedIn: Promise<boolean>;
  /** Stops the widget like closing its page: the agent stays logged in on the server. */
  stop(): void;
}

/**
 * The login the widget URL asks for.
 *
 * ASSUMPTION: the iframe URL's `sessiontype` and the JavaScript embed's `session_type` are both read,
 * default "agent"; a token is used alone when present.
 */
export function loginRequest(params: URLSearchParams): LoginRequest | { readonly error: string } {
  const sessiontype = params.get('sessiontype') ?? params.get('session_type') ?? 'agent';
  const token = params.get('token');
  if (token) return { sessiontype, token };
  const usercode = params.get('usercode');
  const clearpassword = params.get('clearpassword');
  if (usercode && clearpassword !== null) return { sessiontype, usercode, clearpassword };
  if (usercode) return { error: 'clearpassword is missing' };
  return { error: 'no token, or usercode and clearpassword, in the address' };
}

/**
 * The action in a parent message, or undefined for anything else (ignored).
 *
 * ASSUMPTION: like the document's samples, an action needs `type: "action"`, a `group` and a `name`;
 * `data`, when present, must be an object.
 */
export function asAction(message: unknown): WidgetAction | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const { type, group, name, data } = message as Record<string, unknown>;
  if (type !== 'action' || typeof group !== 'string' || typeof name !== 'string') return undefined;
  if (data === undefined || data === null) return { type, group, name };
  if (typeof data !== 'object' || Array.isArray(data)) return undefined;
  return { type, group, name, data: data as Record<string, unknown> };
}

function parseLine(text: string): StreamLine | undefined {
  try {
    const line = JSON.parse(text) as StreamLine;
    return typeof line === 'object' && line !== null && typeof line.kind === 'string' ? line : undefined;
  } catch {
    return undefined;
  }
}

/** How a stream connection ended. */
type StreamEnd = 'refused' | 'unauthorized' | 'cut' | 'loggedOut' | 'stopped';

/** Starts the widget in `env`: logs in, then relays actions and events until stopped. */
export function runWidget(env: WidgetEnv): WidgetHandle {
  const abort = new AbortController();
  let stopped = false;
  let sid = '';
  let online = false;
  let sending = false;
  let reconnectDelayMs = 500;
  let allows = parentEventFilter(null);
  let view: WidgetView = { phase: 'loggingIn', connected: false, eventsToParent: false };
  // ASSUMPTION: actions that arrive before the login finished, or while the stream reconnects, wait
  // and go out in order once the widget is connected (a failed login drops them).
  const pending: WidgetAction[] = [];

  const endpoint = (path: string) => new URL(path, env.baseUrl).toString();
  const sessionEndpoint = (path: string) => `${endpoint(path)}?sid=${encodeURIComponent(sid)}`;

  const show = (patch: Partial<WidgetView>) => {
    if (stopped) return;
    view = { ...view, ...patch };
    env.render(view);
  };

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        abort.signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      abort.signal.addEventListener('abort', done);
    });

  const fail = (reason: string): false => {
    pending.length = 0;
    show({ phase: 'loginFailed', connected: false, error: `Login failed: ${reason}` });
    return false;
  };

  async function login(): Promise<boolean> {
    const request = loginRequest(env.params);
    if ('error' in request) return fail(request.error);
    let answer: LoginResponse;
    try {
      const response = await env.fetch(endpoint(SIM_PATHS.login), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(request),
        signal: abort.signal,
      });
      answer = (await response.json()) as LoginResponse;
    } catch {
      return stopped ? false : fail('the Tegsoft server cannot be reached');
    }
    if (!answer.ok) return fail(answer.error);
    sid = answer.sid;
    reconnectDelayMs = answer.reconnectDelayMs;
    allows = parentEventFilter(answer.integration);
    show({
      phase: 'online',
      error: undefined,
      agentName: answer.displayName,
      exten: answer.exten,
      eventsToParent: postsParentEvents(answer.integration),
    });
    return true;
  }

  /** Sends waiting actions, in order, while connected; one that cannot go now waits for the next connection. */
  async function flush(): Promise<void> {
    if (sending) return;
    sending = true;
    try {
      while (online && !stopped && pending.length > 0) {
        const response = await env
          .fetch(sessionEndpoint(SIM_PATHS.action), {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(pending[0]),
            signal: abort.signal,
          })
          .catch(() => undefined);
        await response?.body?.cancel().catch(() => {});
        // 401 (session gone) and 5xx (server down) are worth a retry; another 4xx never is.
        if (!response || response.status === 401 || response.status >= 500) return;
        pending.shift();
      }
    } finally {
      sending = false;
    }
  }

  function receive(line: StreamLine): void {
    if (line.kind === 'event') {
      if (line.event.name === 'status') show(viewFromStatus(line.event.data));
      if (allows(line.event.name)) env.postToParent(line.event);
    } else if (line.kind === 'integration') {
      allows = parentEventFilter(line.parameter);
      show({ eventsToParent: postsParentEvents(line.parameter) });
    } else if (line.kind === 'forge') {
      env.forge?.({ sameOrigin: line.sameOrigin, crossOrigin: line.crossOrigin });
    }
  }

  async function stream(): Promise<StreamEnd> {
    let response: Response;
    try {
      response = await env.fetch(sessionEndpoint(SIM_PATHS.stream), { signal: abort.signal });
    } catch {
      return stopped ? 'stopped' : 'refused';
    }
    if (!response.ok || !response.body) {
      await response.body?.cancel().catch(() => {});
      return response.status === 401 ? 'unauthorized' : 'refused';
    }
    online = true;
    show({ connected: true });
    void flush();
    try {
      for await (const text of readLines(response.body)) {
        const line = parseLine(text);
        if (line?.kind === 'loggedOut') return 'loggedOut';
        if (line) receive(line);
      }
      return stopped ? 'stopped' : 'cut';
    } catch {
      return stopped ? 'stopped' : 'cut';
    } finally {
      online = false;
    }
  }

  async function run(): Promise<boolean> {
    if (!(await login())) return false;
    void (async () => {
      let refusals = 0;
      for (;;) {
        const end = await stream();
        if (end === 'stopped' || stopped) return;
        if (end === 'loggedOut') {
          // ASSUMPTION: after logout the page says so and stops; only a reload ("Log in again") logs in.
          pending.length = 0;
          show({ phase: 'loggedOut', connected: false });
          return;
        }
        show({ connected: false });
        if (end === 'unauthorized') {
          // ASSUMPTION: when the server forgot the session (it was reset) the page logs in again by itself.
          if (!(await login())) return;
          continue;
        }
        // ASSUMPTION: a cut stream is retried after the server's reconnect delay, doubling (up to 8×)
        // while the server refuses.
        refusals = end === 'refused' ? refusals + 1 : 0;
        await sleep(reconnectDelayMs * Math.min(2 ** refusals, 8));
        if (stopped) return;
      }
    })();
    return true;
  }

  const unsubscribe = env.onParentMessage((message) => {
    const action = asAction(message);
    if (!action || stopped || view.phase === 'loginFailed' || view.phase === 'loggedOut') return;
    pending.push(action);
    void flush();
  });

  show({});
  const loggedIn = run();

  return {
    loggedIn,
    stop() {
      if (stopped) return;
      stopped = true;
      pending.length = 0;
      unsubscribe();
      abort.abort();
    },
  };
}
