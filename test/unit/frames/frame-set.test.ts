import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WorkerMessage } from '../../../src/background/frames/protocol';
import { createFrameSet, type FrameSet } from '../../../src/offscreen/frame-set';
import { memoryLog, spec } from './fakes';

// The host page's frame set (the offscreen document's and a vendor-screen window's) over a fake DOM, with
// Node's real MessageChannel: our sandboxed page (origin "null") is spoken to and heard over a port made
// for each page load and handed over with one handshake; a document that replaces it in its iframe (the
// vendor script navigated it, e.g. to a data: URL, "null" too) gets nothing, and a fresh page replaces it.

const EXTENSION = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
const SANDBOX_URL = `${EXTENSION}/src/sandbox/index.html`;

type Open = Extract<WorkerMessage, { type: 'open' }>;
const sandboxOpen = (overrides: Partial<Open> = {}): Open => ({
  type: 'open',
  key: 'ucs:p1',
  url: SANDBOX_URL,
  origin: 'null',
  allow: 'microphone; autoplay',
  ...overrides,
});

/** An iframe's window: records what is posted to it (the test's stand-in for whatever document is in it). */
class FakeContentWindow {
  readonly posts: { message: unknown; targetOrigin: string; transfer: unknown[] }[] = [];
  postMessage(message: unknown, targetOrigin: string, transfer: unknown[] = []): void {
    this.posts.push({ message, targetOrigin, transfer });
  }
}

class FakeIframe {
  readonly attributes = new Map<string, string>();
  title = '';
  src = '';
  parent: FakeContainer | undefined;
  /** Like a real iframe's: the same window across the navigations of its document. */
  contentWindow: FakeContentWindow | null = new FakeContentWindow();
  private readonly loads: (() => void)[] = [];

  setAttribute(name: string, value: string): void {
    this.attributes.set(name, value);
  }
  addEventListener(type: string, listener: () => void): void {
    if (type === 'load') this.loads.push(listener);
  }
  remove(): void {
    this.parent?.children.splice(this.parent.children.indexOf(this), 1);
    this.parent = undefined;
    this.contentWindow = null;
  }
  replaceWith(other: FakeIframe): void {
    const parent = this.parent;
    if (!parent) return;
    parent.children.splice(parent.children.indexOf(this), 1, other);
    other.parent = parent;
    this.parent = undefined;
    this.contentWindow = null;
  }
  /** A document finished loading in the iframe (the first one, or one it navigated to). */
  fireLoad(): void {
    for (const listener of this.loads) listener();
  }
}

class FakeContainer {
  readonly children: FakeIframe[] = [];
  append(iframe: FakeIframe): void {
    iframe.parent = this;
    this.children.push(iframe);
  }
}

/** The host page's window: `message` listeners, and a way to deliver a window message event to them. */
class FakeWindow {
  private readonly listeners: ((event: unknown) => void)[] = [];
  addEventListener(type: string, listener: (event: unknown) => void): void {
    if (type === 'message') this.listeners.push(listener);
  }
  deliver(event: { data: unknown; origin: string; source: unknown }): void {
    for (const listener of this.listeners) listener(event);
  }
}

const wait = (ms = 30) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the frame set hosts a sandboxed frame over a MessageChannel per page load', () => {
  let container: FakeContainer;
  let win: FakeWindow;
  let log: ReturnType<typeof memoryLog>;
  let loaded: string[];
  let heard: { key: string; data: unknown }[];
  let frames: FrameSet;
  const pagePorts: MessagePort[] = [];

  beforeEach(() => {
    container = new FakeContainer();
    win = new FakeWindow();
    vi.stubGlobal('window', win);
    vi.stubGlobal('location', { origin: EXTENSION });
    vi.stubGlobal('document', { createElement: () => new FakeIframe() });
    log = memoryLog();
    loaded = [];
    heard = [];
    frames = createFrameSet(
      container as unknown as HTMLElement,
      {
        loaded: (key) => loaded.push(key),
        message: (key, data) => heard.push({ key, data }),
      },
      log,
    );
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    for (const port of pagePorts.splice(0)) port.close();
  });

  const iframe = () => {
    const only = container.children.at(-1);
    if (!only) throw new Error('no iframe in the container');
    return only;
  };

  /** The page side of a handshake: the port it transferred, listening; what arrives on it is kept. */
  const pageSide = (post: FakeContentWindow['posts'][number] | undefined) => {
    const port = post?.transfer[0] as MessagePort | undefined;
    if (!port) throw new Error('no port was transferred');
    pagePorts.push(port);
    const got: unknown[] = [];
    port.onmessage = (event) => got.push(event.data);
    return { port, got };
  };

  it('hands the page its port with one handshake that carries nothing else, then posts over the port only', async () => {
    frames.open(sandboxOpen());
    const frame = iframe();
    const window = frame.contentWindow as FakeContentWindow;
    // Before the page loads, posts wait (as for every frame).
    frames.post('ucs:p1', { type: 'describe', id: 1 });
    expect(window.posts).toEqual([]);
    expect(loaded).toEqual([]);

    frame.fireLoad();
    expect(window.posts).toHaveLength(1);
    const [handshake] = window.posts;
    // "*" is all an opaque origin allows: the message is the bare handshake, its one transfer the port.
    expect(handshake?.targetOrigin).toBe('*');
    expect(handshake?.message).toStrictEqual({ type: 'softbar:port' });
    expect(handshake?.transfer).toHaveLength(1);
    expect(handshake?.transfer[0]).toBeInstanceOf(MessagePort);
    expect(loaded).toEqual(['ucs:p1']);

    const page = pageSide(handshake);
    const sso = { type: 'call', id: 2, method: 'sso', args: ['jan.novak', 'the-secret-token', 'CRM'] };
    frames.post('ucs:p1', sso);
    await wait();
    expect(page.got).toEqual([{ type: 'describe', id: 1 }, sso]);
    // The credentials never went through the window: the handshake is still the only window post.
    expect(window.posts).toHaveLength(1);
    expect(frames.held()).toEqual([
      { key: 'ucs:p1', url: SANDBOX_URL, origin: 'null', allow: 'microphone; autoplay', loaded: true },
    ]);
  });

  it('hears the page over its port, and drops window messages claiming to be from it', async () => {
    frames.open(sandboxOpen());
    const frame = iframe();
    frame.fireLoad();
    const page = pageSide((frame.contentWindow as FakeContentWindow).posts[0]);
    page.port.postMessage({ type: 'ready' });
    await wait();
    expect(heard).toEqual([{ key: 'ucs:p1', data: { type: 'ready' } }]);

    // From the frame's own window, whatever origin it says: dropped, and logged at debug.
    const forged = { type: 'callback', name: 'onCredentials', args: [] };
    win.deliver({ data: forged, origin: 'null', source: frame.contentWindow });
    win.deliver({ data: forged, origin: EXTENSION, source: frame.contentWindow });
    // From anything else, too.
    win.deliver({ data: forged, origin: 'null', source: { name: 'another window' } });
    await wait();
    expect(heard).toEqual([{ key: 'ucs:p1', data: { type: 'ready' } }]);
    expect(log.lines.filter((line) => line.message === 'message dropped (sandboxed: port only)')).toEqual([
      { level: 'debug', message: 'message dropped (sandboxed: port only)' },
      { level: 'debug', message: 'message dropped (sandboxed: port only)' },
    ]);
  });

  it('gives a document the iframe navigated to no port: the old one dies, a fresh page gets a new one', async () => {
    frames.open(sandboxOpen());
    const first = iframe();
    const firstWindow = first.contentWindow as FakeContentWindow;
    first.fireLoad();
    const old = pageSide(firstWindow.posts[0]);
    // (Node tells the other end of a MessagePort when it is closed; a browser's page just hears nothing.)
    const oldClosed = new Promise((resolve) =>
      (old.port as unknown as { once(type: 'close', listener: () => void): void }).once('close', () =>
        resolve('closed'),
      ),
    );

    // The vendor script navigated the iframe (a data: page): its load fires on the same iframe.
    first.fireLoad();
    await expect(oldClosed).resolves.toBe('closed');
    expect(firstWindow.posts).toHaveLength(1);
    expect(loaded).toEqual(['ucs:p1']);
    expect(log.lines).toContainEqual({
      level: 'warn',
      message: 'a sandboxed frame left its page: loaded afresh',
    });
    // The new document can neither be heard, through the window or the old port...
    win.deliver({
      data: { type: 'callback', name: 'onCredentials', args: [] },
      origin: 'null',
      source: firstWindow,
    });
    old.port.postMessage({ type: 'callback', name: 'onCredentials', args: ['old port'] });
    // ...nor reached: what the worker posts now waits for the fresh page.
    const sso = { type: 'call', id: 7, method: 'sso', args: ['jan.novak', 'the-secret-token', 'CRM'] };
    frames.post('ucs:p1', sso);
    await wait();
    expect(heard).toEqual([]);
    expect(old.got).toEqual([]);
    expect(firstWindow.posts).toHaveLength(1);
    expect(frames.held()[0]?.loaded).toBe(false);

    // A new iframe loads the sandbox page in its place, and gets a new channel.
    const second = iframe();
    expect(second).not.toBe(first);
    expect(container.children).toEqual([second]);
    expect(second.src).toBe(SANDBOX_URL);
    expect(second.attributes.get('allow')).toBe('microphone; autoplay');
    second.fireLoad();
    const secondWindow = second.contentWindow as FakeContentWindow;
    expect(secondWindow.posts.map((post) => post.message)).toStrictEqual([{ type: 'softbar:port' }]);
    const fresh = pageSide(secondWindow.posts[0]);
    expect(fresh.port).not.toBe(old.port);
    expect(loaded).toEqual(['ucs:p1', 'ucs:p1']);
    fresh.port.postMessage({ type: 'ready' });
    frames.post('ucs:p1', { type: 'describe', id: 8 });
    await wait();
    expect(fresh.got).toEqual([sso, { type: 'describe', id: 8 }]);
    expect(heard).toEqual([{ key: 'ucs:p1', data: { type: 'ready' } }]);
    // The old port stays dead.
    old.port.postMessage({ type: 'callback', name: 'onReady', args: [] });
    await wait();
    expect(old.got).toEqual([]);
    expect(heard).toHaveLength(1);
  });

  it('stops restoring a frame that keeps leaving its page, until it is opened again', async () => {
    frames.open(sandboxOpen());
    for (let restore = 0; restore < 3; restore += 1) {
      const frame = iframe();
      frame.fireLoad();
      frame.fireLoad();
    }
    expect(container.children).toHaveLength(1);
    const last = iframe();
    last.fireLoad();
    last.fireLoad();
    expect(container.children).toEqual([]);
    expect(log.lines).toContainEqual({
      level: 'warn',
      message: 'a sandboxed frame keeps leaving its page: removed until it is opened again',
    });
    expect(loaded).toHaveLength(4);
    expect(frames.held()[0]?.loaded).toBe(false);

    // The worker opening it again (same page) starts it afresh.
    frames.open(sandboxOpen());
    expect(container.children).toHaveLength(1);
    iframe().fireLoad();
    expect(loaded).toHaveLength(5);
  });

  it('closes the port with the frame, and with a frame replaced by another page', async () => {
    frames.open(sandboxOpen());
    iframe().fireLoad();
    const first = pageSide((iframe().contentWindow as FakeContentWindow).posts[0]);
    frames.open(sandboxOpen({ url: `${SANDBOX_URL}?again` }));
    iframe().fireLoad();
    const second = pageSide((iframe().contentWindow as FakeContentWindow).posts[0]);
    first.port.postMessage({ type: 'ready', from: 'replaced' });
    second.port.postMessage({ type: 'ready', from: 'current' });
    await wait();
    expect(heard).toEqual([{ key: 'ucs:p1', data: { type: 'ready', from: 'current' } }]);
    frames.close('ucs:p1');
    second.port.postMessage({ type: 'ready', from: 'closed' });
    await wait();
    expect(heard).toHaveLength(1);
    expect(container.children).toEqual([]);
  });

  it('refuses a "null"-origin frame that is not our own page', () => {
    frames.open(sandboxOpen({ url: 'https://vendor.example/page' }));
    expect(container.children).toEqual([]);
  });

  it('leaves vendor frames as they were: posts to their origin, window messages from it, loads as they come', () => {
    const { key, url, origin, allow } = spec();
    frames.open({ type: 'open', key, url, origin, allow });
    const frame = iframe();
    const window = frame.contentWindow as FakeContentWindow;
    frame.fireLoad();
    frames.post(key, { hello: 1 });
    expect(window.posts).toEqual([{ message: { hello: 1 }, targetOrigin: origin, transfer: [] }]);
    win.deliver({ data: { from: 'vendor' }, origin, source: window });
    win.deliver({ data: { from: 'elsewhere' }, origin: 'https://evil.example', source: window });
    expect(heard).toEqual([{ key, data: { from: 'vendor' } }]);
    // A vendor page navigating within its frame is its business: the same iframe, loaded again.
    frame.fireLoad();
    expect(loaded).toEqual([key, key]);
    expect(container.children).toEqual([frame]);
  });
});
