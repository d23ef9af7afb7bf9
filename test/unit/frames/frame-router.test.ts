import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFrameRouter, type FrameRouter, ORPHAN_MS } from '../../../src/background/frames/frame-router';
import type { HeldFrame } from '../../../src/background/frames/protocol';
import { FakePlatform, FakePort, held, layout, memoryLog, settle, spec } from './fakes';

const KEY = spec().key;

let platform: FakePlatform;
let log: ReturnType<typeof memoryLog>;
let router: FrameRouter;

/** A (re)started worker: a fresh registry over the same browser. */
const startWorker = () => {
  router = createFrameRouter({ platform, log });
  platform.onWindowRemoved((id) => router.windowRemoved(id));
};

beforeEach(() => {
  platform = new FakePlatform();
  log = memoryLog();
  startWorker();
});

afterEach(() => {
  vi.useRealTimers();
});

/** The offscreen document connects and says hello with the frames it holds. */
const offscreenSays = (frames: HeldFrame[] = []) => {
  const port = new FakePort();
  const link = router.connect({ kind: 'offscreen' }, port);
  link.receive({ type: 'hello', host: 'offscreen', frames });
  return { port, link };
};

/** The vendor-screen page of `key` connects from window `windowId`. */
const screenSays = (windowId: number, frames: HeldFrame[] = [], key = KEY) => {
  const port = new FakePort();
  const link = router.connect({ kind: 'screen', key }, port, windowId);
  link.receive({ type: 'hello', host: 'screen', frames });
  return { port, link };
};

/** Opens a channel that records what reaches it. */
const openChannel = async (overrides = {}) => {
  const channel = await router.open(spec(overrides));
  const messages: unknown[] = [];
  let loads = 0;
  channel.onMessage((data) => messages.push(data));
  channel.onLoad(() => {
    loads += 1;
  });
  return { channel, messages, loads: () => loads };
};

describe('opening a frame', () => {
  it('creates the offscreen document, queues until it says hello, then routes both ways', async () => {
    const { channel, messages, loads } = await openChannel();
    expect(platform.ensured).toBe(1);
    channel.post({ cmd: 'status' });

    const { port, link } = offscreenSays();
    expect(port.sent).toEqual([
      { type: 'open', ...spec() },
      { type: 'post', key: KEY, message: { cmd: 'status' } },
    ]);
    channel.post({ cmd: 'dial' });
    expect(port.sent.at(-1)).toEqual({ type: 'post', key: KEY, message: { cmd: 'dial' } });

    link.receive({ type: 'loaded', key: KEY });
    link.receive({ type: 'message', key: KEY, data: { event: 'ringing' } });
    expect(loads()).toBe(1);
    expect(messages).toEqual([{ event: 'ringing' }]);

    // The vendor page navigated: a second load is reported again.
    link.receive({ type: 'loaded', key: KEY });
    expect(loads()).toBe(2);
  });

  it('rejects specs that cannot be hosted, with words for the agent', async () => {
    await expect(router.open(spec({ url: 'javascript:alert(1)' }))).rejects.toThrow(/http/);
    await expect(router.open(spec({ origin: `${spec().origin}/path` }))).rejects.toThrow(/origin/);
    await expect(router.open(spec({ origin: '*' }))).rejects.toThrow(/origin/);
    await expect(router.open(spec({ key: '' }))).rejects.toThrow(/name/);
    expect(platform.ensured).toBe(0);
  });

  it('rejects when the offscreen document cannot be created, and forgets the frame', async () => {
    platform.failEnsure = new Error('Only a single offscreen document may be created.');
    await expect(router.open(spec())).rejects.toThrow(/could not start the page that hosts the vendor/);
    platform.failEnsure = undefined;
    const { port } = offscreenSays();
    expect(port.of('open')).toEqual([]);
  });

  it('closes the frame, and the offscreen document once it hosts nothing', async () => {
    const { channel } = await openChannel();
    const { port } = offscreenSays();
    await channel.close();
    expect(port.sent.at(-1)).toEqual({ type: 'close', key: KEY });
    expect(platform.closed).toBe(1);
    // A closed channel is inert.
    channel.post('late');
    expect(port.of('post')).toEqual([]);
    await expect(channel.showScreen()).rejects.toThrow(/closed/);
  });

  it('gives the frame to the latest open of its key; the older channel goes inert', async () => {
    const first = await openChannel();
    const { port, link } = offscreenSays();
    const second = await openChannel();
    expect(port.of('open')).toHaveLength(1);
    first.channel.post('stale');
    await first.channel.close();
    expect(port.of('post')).toEqual([]);
    expect(port.of('close')).toEqual([]);
    link.receive({ type: 'message', key: KEY, data: 'hi' });
    expect(first.messages).toEqual([]);
    expect(second.messages).toEqual(['hi']);
  });

  it('replaces the page when the same key is opened with another URL', async () => {
    await openChannel();
    const { port, link } = offscreenSays();
    link.receive({ type: 'loaded', key: KEY });
    const other = await openChannel({ url: `${spec().origin}/widget?token=t2` });
    expect(port.of('open').map((m) => m.url)).toEqual([spec().url, `${spec().origin}/widget?token=t2`]);
    expect(other.loads()).toBe(0);
    link.receive({ type: 'loaded', key: KEY });
    expect(other.loads()).toBe(1);
  });
});

describe('after a worker restart', () => {
  it('re-attaches to the frame the offscreen document kept, without reloading it', async () => {
    await openChannel();
    const before = offscreenSays();
    before.link.receive({ type: 'loaded', key: KEY });

    startWorker();
    const { port, link } = offscreenSays([held()]);
    const again = await openChannel();
    await settle();
    expect(port.of('open')).toEqual([]);
    // The adapter learns the page is there, so it queries the vendor again.
    expect(again.loads()).toBe(1);
    again.channel.post('status?');
    expect(port.sent).toEqual([{ type: 'post', key: KEY, message: 'status?' }]);
    link.receive({ type: 'message', key: KEY, data: 'idle' });
    expect(again.messages).toEqual(['idle']);
  });

  it('re-attaches when the adapter opens before the offscreen document says hello', async () => {
    const again = await openChannel();
    again.channel.post('status?');
    const { port } = offscreenSays([held()]);
    expect(port.sent).toEqual([{ type: 'post', key: KEY, message: 'status?' }]);
    expect(again.loads()).toBe(1);
  });

  it('replaces a kept frame whose URL is no longer the one asked for', async () => {
    const { port } = offscreenSays([held({ url: `${spec().origin}/old` })]);
    await openChannel();
    expect(port.of('open').map((m) => m.url)).toEqual([spec().url]);
  });

  it('closes kept frames no adapter opens again, then the idle offscreen document', async () => {
    vi.useFakeTimers();
    const { port, link } = offscreenSays([held()]);
    link.receive({ type: 'message', key: KEY, data: 'nobody listens' });
    expect(platform.closed).toBe(0);
    vi.advanceTimersByTime(ORPHAN_MS);
    expect(port.sent).toEqual([{ type: 'close', key: KEY }]);
    expect(platform.closed).toBe(1);
  });

  it('tells a host to drop a frame closed before it said hello', async () => {
    const { channel } = await openChannel();
    await channel.close();
    const { port } = offscreenSays([held()]);
    expect(port.sent).toEqual([{ type: 'close', key: KEY }]);
  });
});

describe('releasing a frame', () => {
  /** A channel whose vendor page is open and loaded in the offscreen document. */
  const loadedChannel = async () => {
    const opened = await openChannel();
    const offscreen = offscreenSays();
    offscreen.link.receive({ type: 'loaded', key: KEY });
    return { ...opened, ...offscreen };
  };

  it('keeps the page for the next adapter opening the same key and URL, without reloading it', async () => {
    vi.useFakeTimers();
    const first = await loadedChannel();
    first.channel.release();
    vi.advanceTimersByTime(ORPHAN_MS - 1);
    const second = await openChannel();
    await settle();
    expect(first.port.of('open')).toHaveLength(1);
    expect(first.port.of('close')).toEqual([]);
    // Loaded already: the new channel is told once, so its adapter queries the vendor again.
    expect(second.loads()).toBe(1);
    second.channel.post('status?');
    first.link.receive({ type: 'message', key: KEY, data: 'idle' });
    expect(first.port.sent.at(-1)).toEqual({ type: 'post', key: KEY, message: 'status?' });
    expect(second.messages).toEqual(['idle']);
    expect(first.messages).toEqual([]);
    expect(first.loads()).toBe(1);
    // Held again: the timer that would have closed it is gone.
    vi.advanceTimersByTime(ORPHAN_MS);
    expect(first.port.of('close')).toEqual([]);
    expect(platform.closed).toBe(0);
  });

  it('leaves the released channel inert', async () => {
    const { channel, port } = await loadedChannel();
    channel.release();
    channel.post('late');
    channel.ringing();
    await channel.close();
    expect(port.of('post')).toEqual([]);
    expect(port.of('close')).toEqual([]);
    await expect(channel.showScreen()).rejects.toThrow(/closed/);
  });

  it('drops what the released channel had not sent yet', async () => {
    const { channel } = await openChannel();
    channel.post('from the old adapter');
    channel.release();
    const { port } = offscreenSays();
    expect(port.sent).toEqual([{ type: 'open', ...spec() }]);
  });

  it('closes the page, then the idle offscreen document, when no adapter opens it in time', async () => {
    vi.useFakeTimers();
    const { channel, port } = await loadedChannel();
    channel.release();
    vi.advanceTimersByTime(ORPHAN_MS - 1);
    expect(port.of('close')).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(port.of('close')).toEqual([{ type: 'close', key: KEY }]);
    expect(platform.closed).toBe(1);
    // A later open starts a fresh page.
    const again = await openChannel();
    const fresh = offscreenSays();
    expect(fresh.port.of('open')).toHaveLength(1);
    expect(again.loads()).toBe(0);
  });

  it('replaces the page when the next adapter opens the key with another URL', async () => {
    vi.useFakeTimers();
    const { channel, port, link } = await loadedChannel();
    channel.release();
    const other = await openChannel({ url: `${spec().origin}/widget?token=t2` });
    await settle();
    expect(port.of('open').map((m) => m.url)).toEqual([spec().url, `${spec().origin}/widget?token=t2`]);
    expect(other.loads()).toBe(0);
    link.receive({ type: 'loaded', key: KEY });
    expect(other.loads()).toBe(1);
    vi.advanceTimersByTime(ORPHAN_MS);
    expect(port.of('close')).toEqual([]);
  });

  it('closes the window of a released frame shown there when no adapter opens it in time', async () => {
    vi.useFakeTimers();
    const { channel } = await openChannel();
    offscreenSays();
    await channel.showScreen();
    screenSays(100).link.receive({ type: 'loaded', key: KEY });
    channel.release();
    vi.advanceTimersByTime(ORPHAN_MS);
    expect(platform.closedWindows).toEqual([100]);
  });
});

describe('the vendor screen', () => {
  it('moves the frame into a window and back to the offscreen document when it closes', async () => {
    const { channel, messages, loads } = await openChannel({ screen: layout });
    const offscreen = offscreenSays();
    offscreen.link.receive({ type: 'loaded', key: KEY });
    expect(loads()).toBe(1);

    await channel.showScreen();
    expect(offscreen.port.sent.at(-1)).toEqual({ type: 'close', key: KEY });
    expect(platform.windows).toEqual([{ key: KEY, layout, id: 100 }]);
    // The offscreen document hosts nothing now.
    expect(platform.closed).toBe(1);
    channel.post('while moving');

    const screen = screenSays(100);
    expect(screen.port.sent).toEqual([
      { type: 'open', ...spec({ screen: layout }) },
      { type: 'post', key: KEY, message: 'while moving' },
    ]);
    screen.link.receive({ type: 'loaded', key: KEY });
    screen.link.receive({ type: 'message', key: KEY, data: 'from the window' });
    offscreen.link.receive({ type: 'message', key: KEY, data: 'from a stale copy' });
    expect(loads()).toBe(2);
    expect(messages).toEqual(['from the window']);

    channel.ringing();
    expect(screen.port.sent.at(-1)).toEqual({ type: 'ringing', key: KEY });

    // Showing it again only brings the window to the front.
    await channel.showScreen();
    expect(platform.windows).toHaveLength(1);
    expect(platform.focused).toEqual([100]);

    screen.link.disconnected();
    expect(platform.ensured).toBe(2);
    const back = offscreenSays();
    expect(back.port.of('open')).toEqual([{ type: 'open', ...spec({ screen: layout }) }]);
    back.link.receive({ type: 'loaded', key: KEY });
    expect(loads()).toBe(3);
    channel.ringing();
    expect(back.port.of('ringing')).toEqual([]);
  });

  it('does not maximize on ringing unless the layout asks for it', async () => {
    const { channel } = await openChannel({ screen: { title: 'Vendor' } });
    offscreenSays();
    await channel.showScreen();
    const screen = screenSays(100);
    channel.ringing();
    expect(screen.port.of('ringing')).toEqual([]);
  });

  it('moves the frame back when the window closes before its page connected', async () => {
    const { channel } = await openChannel();
    offscreenSays();
    await channel.showScreen();
    platform.removeWindow(100);
    const back = offscreenSays();
    expect(back.port.of('open')).toHaveLength(1);
  });

  it('keeps the frame in the offscreen document when the window cannot open', async () => {
    const { channel } = await openChannel();
    const first = offscreenSays();
    platform.failWindow = new Error('no display');
    await expect(channel.showScreen()).rejects.toThrow(/could not open the vendor's screen: no display/);
    const back = offscreenSays();
    expect(first.port.of('close')).toHaveLength(1);
    expect(back.port.of('open')).toHaveLength(1);
  });

  it('closes the window when the frame is closed', async () => {
    const { channel } = await openChannel();
    offscreenSays();
    await channel.showScreen();
    screenSays(100);
    await channel.close();
    expect(platform.closedWindows).toEqual([100]);
  });

  it('re-attaches to a frame shown in a window across a worker restart', async () => {
    const { channel } = await openChannel({ screen: layout });
    offscreenSays();
    await channel.showScreen();
    screenSays(100).link.receive({ type: 'loaded', key: KEY });

    startWorker();
    const screen = screenSays(100, [held()]);
    const again = await openChannel({ screen: layout });
    await settle();
    expect(screen.port.of('open')).toEqual([]);
    expect(again.loads()).toBe(1);
    again.channel.ringing();
    expect(screen.port.of('ringing')).toHaveLength(1);
    // Its window closing still brings the frame back.
    screen.link.disconnected();
    expect(offscreenSays().port.of('open')).toHaveLength(1);
  });

  it('closes a second page for a frame whose window is already open', async () => {
    const { channel } = await openChannel();
    offscreenSays();
    await channel.showScreen();
    const first = screenSays(100);
    const second = screenSays(101);
    expect(second.port.sent).toEqual([{ type: 'close', key: KEY }]);
    second.link.disconnected();
    channel.post('still here');
    expect(first.port.sent.at(-1)).toEqual({ type: 'post', key: KEY, message: 'still here' });
  });

  it('closes a window whose frame went back before its page connected', async () => {
    const { channel } = await openChannel();
    offscreenSays();
    await channel.showScreen();
    platform.removeWindow(100);
    const late = screenSays(100);
    expect(late.port.sent).toEqual([{ type: 'close', key: KEY }]);
  });
});

describe('what host pages send', () => {
  it('ignores malformed messages, and says so in the log', async () => {
    const { messages, loads } = await openChannel();
    const { link } = offscreenSays();
    for (const junk of [
      null,
      'loaded',
      42,
      { type: 'loaded' },
      { type: 'loaded', key: 7 },
      { type: 'message', key: KEY, data: 1, extra: true },
      { type: 'exec', key: KEY },
      { type: 'hello', host: 'offscreen', frames: [{ key: KEY }] },
    ]) {
      link.receive(junk);
    }
    expect(messages).toEqual([]);
    expect(loads()).toBe(0);
    expect(log.lines.filter((line) => line.message.startsWith('malformed'))).toHaveLength(8);
  });

  it('ignores a page announcing itself as another kind of host', async () => {
    await openChannel();
    const port = new FakePort();
    const link = router.connect({ kind: 'screen', key: KEY }, port, 5);
    link.receive({ type: 'hello', host: 'offscreen', frames: [] });
    expect(port.sent).toEqual([]);
  });

  it('ignores messages before hello and for frames the page does not hold', async () => {
    const { messages } = await openChannel();
    const port = new FakePort();
    const early = router.connect({ kind: 'offscreen' }, port);
    early.receive({ type: 'message', key: KEY, data: 'too early' });
    early.receive({ type: 'hello', host: 'offscreen', frames: [] });
    early.receive({ type: 'message', key: 'other', data: 'not ours' });
    expect(messages).toEqual([]);
  });

  it('accepts a message whose data was dropped by JSON (undefined)', async () => {
    const { messages } = await openChannel();
    const { link } = offscreenSays();
    link.receive({ type: 'message', key: KEY });
    expect(messages).toEqual([undefined]);
  });

  it('reopens the frames of an offscreen document that went away while the worker ran', async () => {
    const { loads } = await openChannel();
    const { link } = offscreenSays();
    link.receive({ type: 'loaded', key: KEY });
    link.disconnected();
    expect(platform.ensured).toBe(2);
    const { port, link: again } = offscreenSays();
    expect(port.of('open')).toHaveLength(1);
    again.receive({ type: 'loaded', key: KEY });
    expect(loads()).toBe(2);
  });
});
