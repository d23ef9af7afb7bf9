/**
 * One virtual sandbox page: a node:vm context with the small part of a browser window that Softbar's
 * sandbox page (`src/sandbox/main.ts`) and the UCS agent bar bundle use. It is the page as Chrome runs
 * it from the manifest's `sandbox.pages`: opaque origin, the sandbox CSP, its parent an extension page.
 */
import { type Context, createContext, runInContext } from 'node:vm';
import { browserOrigin, type SandboxPolicy } from './csp';
import { type PageSocket, webSocketClass } from './fake-websocket';

/** What a page needs from its frame. */
export interface PageSetup {
  /** The page's address (the host's `sandboxPage`). */
  readonly url: string;
  /** The parent's origin: the extension's. */
  readonly parentOrigin: string;
  /** The page's Content-Security-Policy. */
  readonly policy: SandboxPolicy;
  /** For error messages: the frame's key. */
  readonly name: string;
  /** The page called `parent.postMessage(message, targetOrigin)`; `message` is already a clone. */
  toParent(message: unknown, targetOrigin: string): void;
}

/** The page's global object, as tests see it (`ucsOperator` and the like live here). */
export type PageWindow = Record<string, unknown>;

type Listener = ((event: PageEvent) => void) | { handleEvent(event: PageEvent): void };

interface Registered {
  readonly listener: Listener;
  readonly once: boolean;
}

/** A DOM-like event: plain fields, plus the methods handlers may call. */
interface PageEvent {
  readonly type: string;
  target: unknown;
  currentTarget: unknown;
  defaultPrevented: boolean;
  preventDefault(): void;
  stopPropagation(): void;
  stopImmediatePropagation(): void;
  readonly [field: string]: unknown;
}

function makeEvent(type: string, fields: Record<string, unknown>): PageEvent & { stopped: boolean } {
  const event = {
    type,
    target: null as unknown,
    currentTarget: null as unknown,
    defaultPrevented: false,
    stopped: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
    stopPropagation() {},
    stopImmediatePropagation() {
      event.stopped = true;
    },
    ...fields,
  };
  return event;
}

/** addEventListener / removeEventListener / dispatch for the window and elements. */
class Listeners {
  readonly #byType = new Map<string, Registered[]>();

  add(type: string, listener: Listener | null | undefined, options?: unknown): void {
    if (!listener) return;
    const list = this.#byType.get(type) ?? [];
    if (list.some((each) => each.listener === listener)) return;
    const once =
      typeof options === 'object' && options !== null && (options as { once?: unknown }).once === true;
    list.push({ listener, once });
    this.#byType.set(type, list);
  }

  remove(type: string, listener: Listener | null | undefined): void {
    const list = this.#byType.get(type) ?? [];
    const index = list.findIndex((each) => each.listener === listener);
    if (index >= 0) list.splice(index, 1);
  }

  /** Calls the `on<type>` property (if a function) and the listeners; what they throw goes to `report`. */
  dispatch(
    owner: Record<string, unknown>,
    event: PageEvent & { stopped: boolean },
    report: (error: unknown) => void,
  ): void {
    event.target ??= owner;
    event.currentTarget = owner;
    const handlers: Listener[] = [];
    const property = owner[`on${event.type}`];
    if (typeof property === 'function') handlers.push(property as (event: PageEvent) => void);
    for (const each of [...(this.#byType.get(event.type) ?? [])]) {
      if (each.once) this.remove(event.type, each.listener);
      handlers.push(each.listener);
    }
    for (const handler of handlers) {
      if (event.stopped) break;
      try {
        if (typeof handler === 'function') handler.call(owner, event);
        else handler.handleEvent(event);
      } catch (error) {
        report(error);
      }
    }
  }
}

/** A DOM element, just enough for `createElement('script')`, `head.append` and `getElementById`. */
class PageElement {
  readonly tagName: string;
  readonly nodeName: string;
  readonly children: PageElement[] = [];
  parentNode: PageElement | null = null;
  textContent = '';
  readonly style: Record<string, string> = {};
  onload: unknown = null;
  onerror: unknown = null;
  readonly #attributes = new Map<string, string>();
  readonly #listeners = new Listeners();
  readonly #page: VirtualPage;
  /** A script element ran (or failed) already: it never runs again. */
  started = false;

  constructor(page: VirtualPage, tagName: string) {
    this.#page = page;
    this.tagName = tagName.toUpperCase();
    this.nodeName = this.tagName;
  }

  get id(): string {
    return this.#attributes.get('id') ?? '';
  }
  set id(value: string) {
    this.#attributes.set('id', String(value));
  }

  /** As in a browser: set as written, read resolved against the page's address. */
  get src(): string {
    const value = this.#attributes.get('src');
    if (value === undefined) return '';
    try {
      return new URL(value, this.#page.url).href;
    } catch {
      return value;
    }
  }
  set src(value: string) {
    this.#attributes.set('src', String(value));
  }

  get type(): string {
    return this.#attributes.get('type') ?? '';
  }
  set type(value: string) {
    this.#attributes.set('type', String(value));
  }

  get isConnected(): boolean {
    let node: PageElement | null = this;
    while (node.parentNode) node = node.parentNode;
    return node === this.#page.documentElement;
  }

  setAttribute(name: string, value: unknown): void {
    this.#attributes.set(name.toLowerCase(), String(value));
  }
  getAttribute(name: string): string | null {
    return this.#attributes.get(name.toLowerCase()) ?? null;
  }
  hasAttribute(name: string): boolean {
    return this.#attributes.has(name.toLowerCase());
  }
  removeAttribute(name: string): void {
    this.#attributes.delete(name.toLowerCase());
  }

  append(...nodes: unknown[]): void {
    for (const node of nodes) {
      if (node instanceof PageElement) this.appendChild(node);
      else this.textContent += String(node);
    }
  }

  appendChild<T>(node: T): T {
    if (!(node instanceof PageElement)) throw new TypeError('appendChild: not an element of this page');
    node.remove();
    node.parentNode = this;
    this.children.push(node);
    if (node.isConnected) this.#page.connected(node);
    return node;
  }

  remove(): void {
    const parent = this.parentNode;
    if (!parent) return;
    parent.children.splice(parent.children.indexOf(this), 1);
    this.parentNode = null;
  }

  /** This element or a descendant with `id`. */
  find(id: string): PageElement | null {
    if (this.id === id) return this;
    for (const child of this.children) {
      const found = child.find(id);
      if (found) return found;
    }
    return null;
  }

  addEventListener(type: string, listener: Listener | null, options?: unknown): void {
    this.#listeners.add(type, listener, options);
  }
  removeEventListener(type: string, listener: Listener | null): void {
    this.#listeners.remove(type, listener);
  }

  /** Fires a plain event (`load`, `error`) at the element. */
  fire(type: string): void {
    const event = makeEvent(type, {});
    event.target = this;
    this.#listeners.dispatch(this as unknown as Record<string, unknown>, event, (error) =>
      this.#page.report(error),
    );
  }
}

/** A page-realm deep copy of a structured clone (objects from Node's realm have other prototypes). */
const ADOPT_SOURCE = `(() => {
  const adopt = (value, seen) => {
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return value;
    if (seen.has(value)) return seen.get(value);
    const own = (copy) => {
      seen.set(value, copy);
      for (const key of Object.keys(value)) {
        Object.defineProperty(copy, key, {
          value: adopt(value[key], seen), writable: true, enumerable: true, configurable: true,
        });
      }
      return copy;
    };
    switch (Object.prototype.toString.call(value)) {
      case '[object Object]': return own({});
      case '[object Array]': return own(new Array(value.length));
      case '[object Date]': return own(new Date(value.getTime()));
      case '[object RegExp]': return own(new RegExp(value.source, value.flags));
      case '[object Boolean]': case '[object Number]': case '[object String]': case '[object BigInt]':
        return own(Object(value.valueOf()));
      case '[object Map]': {
        const copy = new Map();
        seen.set(value, copy);
        for (const [k, v] of value) copy.set(adopt(k, seen), adopt(v, seen));
        return copy;
      }
      case '[object Set]': {
        const copy = new Set();
        seen.set(value, copy);
        for (const v of value) copy.add(adopt(v, seen));
        return copy;
      }
      case '[object Error]': {
        const Kind = typeof globalThis[value.name] === 'function' ? globalThis[value.name] : Error;
        const copy = new Kind(value.message);
        seen.set(value, copy);
        if ('stack' in value) copy.stack = value.stack;
        if ('cause' in value) copy.cause = adopt(value.cause, seen);
        return copy;
      }
      // ArrayBuffer, typed arrays, Blob...: left as Node made them.
      default: return value;
    }
  };
  return (value) => adopt(value, new Map());
})()`;

const SANDBOXED_STORAGE = (what: string, owner: string) =>
  new DOMException(
    `Failed to read the '${what}' property from '${owner}': The document is sandboxed and lacks the 'allow-same-origin' flag.`,
    'SecurityError',
  );

/** `document.cookie` of a page that may have cookies: name=value pairs, `max-age=0` deletes. */
class CookieJar {
  readonly #cookies = new Map<string, string>();
  read(): string {
    return [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
  write(text: string): void {
    const [pair = '', ...attributes] = String(text).split(';');
    const equals = pair.indexOf('=');
    const name = (equals < 0 ? '' : pair.slice(0, equals)).trim();
    const value = (equals < 0 ? pair : pair.slice(equals + 1)).trim();
    const expired = attributes.some((attribute) => {
      const [key = '', setting = ''] = attribute.split('=').map((part) => part.trim().toLowerCase());
      return (
        (key === 'max-age' && Number(setting) <= 0) ||
        (key === 'expires' && Date.parse(setting) <= Date.now())
      );
    });
    if (expired) this.#cookies.delete(name);
    else this.#cookies.set(name, value);
  }
}

/** A `Storage` (localStorage) of a page that may have one. */
function memoryStorage() {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    key: (index: number) => [...items.keys()][index] ?? null,
    getItem: (key: string) => items.get(String(key)) ?? null,
    setItem: (key: string, value: unknown) => void items.set(String(key), String(value)),
    removeItem: (key: string) => void items.delete(String(key)),
    clear: () => items.clear(),
  };
}

/** A URL class whose `origin` is the browser's (Node's is "null" for chrome-extension: URLs). */
class PageURL extends URL {}
Object.defineProperty(PageURL.prototype, 'origin', {
  get(this: URL) {
    return browserOrigin(this);
  },
  configurable: true,
  enumerable: true,
});

/** Who a window message the page receives comes from. */
export interface WindowMessageFrom {
  /** The sender's origin, as the event names it (the parent's: the extension's). */
  readonly origin: string;
  /** The sender's window, as the event names it (the parent's: the page's `parent`). */
  readonly source: unknown;
  /** Ports transferred with the message (Node MessagePorts). */
  readonly ports?: readonly MessagePort[];
}

/**
 * A MessagePort as the page sees it, over a Node MessagePort: what arrives is made the page's own and
 * delivered only while the page lives (to `onmessage` and `message` listeners; what they throw is the
 * page's uncaught error); as in a browser, messages wait until `onmessage` is set or `start()` is called.
 */
export class PagePort {
  readonly #page: VirtualPage;
  readonly #port: MessagePort;
  readonly #listeners = new Listeners();
  readonly #queue: unknown[] = [];
  #onmessage: unknown = null;
  #started = false;
  #closed = false;

  constructor(page: VirtualPage, port: MessagePort) {
    this.#page = page;
    this.#port = port;
    port.addEventListener('message', (event) => {
      if (this.#closed) return;
      if (!page.alive) {
        this.close();
        return;
      }
      this.#queue.push(page.adopt(event.data));
      this.#drain();
    });
    port.start();
    // A Node port keeps the process running while it listens: a page's port must not.
    (port as unknown as { unref?: () => void }).unref?.();
    page.track(this);
  }

  get onmessage(): unknown {
    return this.#onmessage;
  }
  set onmessage(handler: unknown) {
    this.#onmessage = typeof handler === 'function' ? handler : null;
    this.start();
  }

  /** Sends to the other end: cloned now (an uncloneable message throws here), delivered later. */
  postMessage(message: unknown): void {
    if (this.#closed || !this.#page.alive) return;
    this.#port.postMessage(message);
  }

  start(): void {
    if (this.#started) return;
    this.#started = true;
    this.#drain();
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#queue.length = 0;
    this.#port.close();
  }

  addEventListener(type: string, listener: Listener | null, options?: unknown): void {
    this.#listeners.add(String(type), listener, options);
  }
  removeEventListener(type: string, listener: Listener | null): void {
    this.#listeners.remove(String(type), listener);
  }

  /** Delivers what waits, each message as a task of its own (as a started port does). */
  #drain(): void {
    if (!this.#started || this.#queue.length === 0) return;
    setTimeout(() => {
      if (this.#closed || !this.#page.alive || this.#queue.length === 0) return;
      const data = this.#queue.shift();
      const event = makeEvent('message', { data, origin: '', source: null, lastEventId: '', ports: [] });
      event.target = this;
      this.#listeners.dispatch(this as unknown as Record<string, unknown>, event, (error) =>
        this.#page.report(error),
      );
      this.#drain();
    }, 0);
  }
}

/** One page: create, `run` its script, give it window messages (the parent's handshake), `destroy`. */
export class VirtualPage {
  /** The page's global object (`window`, `self`, `globalThis` inside). */
  readonly window: PageWindow;
  /** The `window.parent` the page sees; the `source` of every message from the parent. */
  readonly parent: { postMessage(message: unknown, targetOrigin?: unknown): void };
  readonly documentElement: PageElement;
  /** Uncaught exceptions and CSP refusals, as the browser's console would show them. */
  readonly errors: string[] = [];
  readonly url: string;
  readonly #setup: PageSetup;
  readonly #context: Context;
  readonly #listeners = new Listeners();
  readonly #timers = new Map<number, ReturnType<typeof setTimeout>>();
  readonly #sockets = new Set<PageSocket>();
  readonly #ports = new Set<PagePort>();
  readonly #adopt: (value: unknown) => unknown;
  #nextTimer = 1;
  #alive = true;

  constructor(setup: PageSetup) {
    this.#setup = setup;
    this.url = setup.url;
    const policy = setup.policy;
    const address = new URL(setup.url);
    const page = this;

    this.parent = {
      postMessage(message: unknown, options?: unknown) {
        const targetOrigin =
          typeof options === 'object' && options !== null
            ? String((options as { targetOrigin?: unknown }).targetOrigin ?? '/')
            : options === undefined
              ? '/'
              : String(options);
        // As in a browser: what cannot be cloned throws (DataCloneError) in the sender, synchronously.
        const copy = structuredClone(message);
        if (page.#alive) setup.toParent(copy, targetOrigin);
      },
    };

    const html = new PageElement(this, 'html');
    const head = new PageElement(this, 'head');
    const body = new PageElement(this, 'body');
    html.children.push(head, body);
    head.parentNode = html;
    body.parentNode = html;
    this.documentElement = html;
    const jar = new CookieJar();
    const document = {
      readyState: 'complete',
      visibilityState: 'visible',
      hidden: false,
      title: 'Softbar vendor sandbox',
      URL: setup.url,
      documentElement: html,
      head,
      body,
      createElement: (tagName: string) => new PageElement(this, String(tagName)),
      getElementById: (id: string) => html.find(String(id)),
      querySelector: () => null,
      querySelectorAll: () => [],
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
    };
    // `cookie` throws in a page without allow-same-origin: not enumerable, like the storage getters.
    Object.defineProperty(document, 'cookie', {
      configurable: true,
      get(): string {
        if (!policy.sameOrigin) throw SANDBOXED_STORAGE('cookie', 'Document');
        return jar.read();
      },
      set(text: string) {
        if (!policy.sameOrigin) {
          throw new DOMException(
            "Failed to set the 'cookie' property on 'Document': The document is sandboxed and lacks the 'allow-same-origin' flag.",
            'SecurityError',
          );
        }
        jar.write(text);
      },
    });
    const location = {
      href: address.href,
      origin: browserOrigin(address),
      protocol: address.protocol,
      host: address.host,
      hostname: address.hostname,
      port: address.port,
      pathname: address.pathname,
      search: address.search,
      hash: address.hash,
      toString: () => address.href,
      assign: () => undefined,
      replace: () => undefined,
      reload: () => undefined,
    };
    const storage = (name: string) => {
      const store = memoryStorage();
      return () => {
        if (!policy.sameOrigin) throw SANDBOXED_STORAGE(name, 'Window');
        return store;
      };
    };

    const global: PageWindow = {
      // A sandboxed page's own origin is opaque.
      origin: 'null',
      isSecureContext: true,
      location,
      document,
      parent: this.parent,
      top: this.parent,
      frameElement: null,
      navigator: { userAgent: 'Softbar virtual sandbox', language: 'en', languages: ['en'], onLine: true },
      console,
      URL: PageURL,
      URLSearchParams,
      TextEncoder,
      TextDecoder,
      DOMException,
      crypto: globalThis.crypto,
      atob,
      btoa,
      WebSocket: webSocketClass({
        alive: () => this.#alive,
        mayConnect: (url) => {
          const allowed = policy.allows('connect-src', url);
          if (!allowed) this.#violation(`connect-src refused ${url.href}`);
          return allowed;
        },
        track: (socket) => void this.#sockets.add(socket),
        untrack: (socket) => void this.#sockets.delete(socket),
        report: (error) => this.report(error),
      }),
      structuredClone: (value: unknown, options?: StructuredSerializeOptions) =>
        this.#adopt(structuredClone(value, options)),
      queueMicrotask: (callback: () => void) =>
        queueMicrotask(() => {
          if (this.#alive) this.#guard(callback);
        }),
      setTimeout: (handler: unknown, ms?: number, ...args: unknown[]) =>
        this.#timer(false, handler, ms, args),
      setInterval: (handler: unknown, ms?: number, ...args: unknown[]) =>
        this.#timer(true, handler, ms, args),
      clearTimeout: (id: unknown) => this.#clearTimer(id),
      clearInterval: (id: unknown) => this.#clearTimer(id),
      addEventListener: (type: string, listener: Listener | null, options?: unknown) =>
        this.#listeners.add(String(type), listener, options),
      removeEventListener: (type: string, listener: Listener | null) =>
        this.#listeners.remove(String(type), listener),
      postMessage: () => {
        throw new Error('The virtual sandbox page does not post to itself.');
      },
    };
    // Not enumerable: tools that walk the window (a test's deep equality, a console.log) must not trip
    // over the getters that throw.
    Object.defineProperty(global, 'localStorage', { get: storage('localStorage'), configurable: true });
    Object.defineProperty(global, 'sessionStorage', { get: storage('sessionStorage'), configurable: true });
    global.window = global;
    global.self = global;
    this.window = global;
    this.#context = createContext(global, { name: `virtual sandbox ${setup.name}` });
    this.#adopt = runInContext(ADOPT_SOURCE, this.#context) as (value: unknown) => unknown;
  }

  /** The page runs (it was not destroyed). */
  get alive(): boolean {
    return this.#alive;
  }

  /** Runs a classic script in the page; an exception is reported, as a browser reports it. */
  run(code: string, filename: string): void {
    if (!this.#alive) return;
    if (!this.#setup.policy.scripts) {
      this.#violation(`the sandbox CSP does not allow scripts (${filename})`);
      return;
    }
    try {
      runInContext(code, this.#context, { filename });
    } catch (error) {
      this.report(error);
    }
  }

  /**
   * A `message` event at the page's window, later, as `postMessage` delivers: `data` (a clone, made the
   * page's own), the `origin` and `source` its sender has, and `ports` (Node MessagePorts, each handed to
   * the page as a MessagePort of its own). The parent's handshake is one; a test forges others.
   */
  windowMessage(data: unknown, from: WindowMessageFrom): void {
    if (!this.#alive) {
      for (const port of from.ports ?? []) port.close();
      return;
    }
    const copy = this.#adopt(structuredClone(data));
    const ports = (from.ports ?? []).map((port) => new PagePort(this, port));
    setTimeout(() => {
      if (!this.#alive) return;
      const event = makeEvent('message', {
        data: copy,
        origin: from.origin,
        source: from.source,
        lastEventId: '',
        ports,
      });
      this.#listeners.dispatch(this.window, event, (error) => this.report(error));
    }, 0);
  }

  /** `value` (a structured clone from Node's realm) as the page's own value. */
  adopt(value: unknown): unknown {
    return this.#adopt(value);
  }

  /** A port handed to the page: closed with it. */
  track(port: PagePort): void {
    if (this.#alive) this.#ports.add(port);
    else port.close();
  }

  /**
   * The page goes away: `pagehide` (when the document is unloaded rather than dropped), then its
   * timers stop and its WebSockets close (the server sees them go).
   */
  destroy(pagehide: boolean): void {
    if (!this.#alive) return;
    if (pagehide) {
      for (const type of ['pagehide', 'unload']) {
        this.#listeners.dispatch(this.window, makeEvent(type, { persisted: false }), (error) =>
          this.report(error),
        );
      }
    }
    this.#alive = false;
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
    for (const socket of [...this.#sockets]) socket.abandon();
    this.#sockets.clear();
    for (const port of [...this.#ports]) port.close();
    this.#ports.clear();
  }

  /** An uncaught exception in the page: recorded, printed, and an `error` event at the window. */
  report(error: unknown): void {
    const text =
      error instanceof Error || (typeof error === 'object' && error !== null && 'stack' in error)
        ? String((error as Error).stack ?? error)
        : String(error);
    this.errors.push(text);
    console.error(`[virtual sandbox ${this.#setup.name}] uncaught`, error);
    const message = typeof error === 'object' && error !== null ? (error as Error).message : String(error);
    this.#listeners.dispatch(this.window, makeEvent('error', { message, error }), (again) => {
      this.errors.push(String(again));
    });
  }

  /** A script element was attached to the document: it runs (once). */
  connected(element: PageElement): void {
    const scripts: PageElement[] = [];
    const collect = (node: PageElement) => {
      if (node.tagName === 'SCRIPT') scripts.push(node);
      node.children.forEach(collect);
    };
    collect(element);
    for (const script of scripts) {
      if (script.started) continue;
      script.started = true;
      void this.#load(script);
    }
  }

  async #load(script: PageElement): Promise<void> {
    const fail = () =>
      setTimeout(() => {
        if (this.#alive) script.fire('error');
      }, 0);
    if (!script.hasAttribute('src')) {
      if (!this.#setup.policy.inlineScripts) {
        this.#violation('script-src refused an inline script');
        return;
      }
      this.run(script.textContent, `${this.url}#inline`);
      return;
    }
    let url: URL;
    try {
      url = new URL(script.src);
    } catch {
      fail();
      return;
    }
    if (!this.#setup.policy.allows('script-src', url)) {
      this.#violation(`script-src refused ${url.href}`);
      fail();
      return;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      this.#violation(`the virtual page loads http(s) scripts only, not ${url.href}`);
      fail();
      return;
    }
    let code: string;
    try {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      code = await response.text();
    } catch {
      if (this.#alive) script.fire('error');
      return;
    }
    if (!this.#alive) return;
    this.run(code, url.href);
    if (this.#alive) script.fire('load');
  }

  #violation(text: string): void {
    this.errors.push(`CSP: ${text}`);
  }

  #guard(callback: () => void): void {
    try {
      callback();
    } catch (error) {
      this.report(error);
    }
  }

  #timer(repeat: boolean, handler: unknown, ms: unknown, args: unknown[]): number {
    const id = this.#nextTimer++;
    if (!this.#alive || typeof handler !== 'function') return id;
    const delay = Math.max(0, Number(ms) || 0);
    const fire = () => {
      if (!repeat) this.#timers.delete(id);
      if (this.#alive) this.#guard(() => handler(...args));
    };
    this.#timers.set(id, repeat ? setInterval(fire, delay) : setTimeout(fire, delay));
    return id;
  }

  #clearTimer(id: unknown): void {
    if (typeof id !== 'number') return;
    const timer = this.#timers.get(id);
    if (timer === undefined) return;
    clearTimeout(timer);
    this.#timers.delete(id);
  }
}
