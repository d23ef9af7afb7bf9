// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import type { WorkerMessage } from '../../../src/background/frames/protocol';
import { screenMessages } from '../../../src/vendor-screen/screen-host';
import type { ScreenLayout } from '../../../src/vendors/frame-host';
import { settle } from '../frames/fakes';
import { FakeWindow } from './fake-window';

const KEY = 'tegsoft:p1';
const VENDOR = 'https://vendor.example';

let win: FakeWindow;
let framed: string[];
let logged: { level: string; message: string }[];
let parts: { container: HTMLElement; title: HTMLElement; toolbar: HTMLElement };
let receive: (message: WorkerMessage) => void;

beforeEach(() => {
  win = new FakeWindow();
  framed = [];
  logged = [];
  parts = {
    container: document.createElement('div'),
    title: document.createElement('span'),
    toolbar: document.createElement('div'),
  };
  receive = screenMessages({
    key: KEY,
    win,
    ...parts,
    frames: {
      open: (spec) => void framed.push(`open ${spec.url}`),
      post: (key, message) => void framed.push(`post ${key} ${String(message)}`),
      close: (key) => void framed.push(`close ${key}`),
    },
    log: (level, message) => void logged.push({ level, message }),
  });
});

const open = (screen?: ScreenLayout, url = `${VENDOR}/widget`): WorkerMessage =>
  screen
    ? { type: 'open', key: KEY, url, origin: VENDOR, allow: 'microphone', screen }
    : { type: 'open', key: KEY, url, origin: VENDOR, allow: 'microphone' };

const buttons = () => [...parts.toolbar.querySelectorAll('button')].map((b) => b.getAttribute('aria-label'));

describe("the vendor-screen page's handling of the worker", () => {
  it('lays the window out on the first open, placing it at its starting side, then hosts the frame', async () => {
    receive(open({ title: 'Tegsoft', width: '400px', minimize: true, movable: { position: 'left' } }));
    await settle();
    expect(parts.title.textContent).toBe('Tegsoft');
    expect(parts.container.style.width).toBe('400px');
    expect(buttons()).toEqual(['Minimize', 'Move to the right']);
    expect(win.calls).toEqual(['moveTo left']);
    expect(framed).toEqual([`open ${VENDOR}/widget`]);
  });

  it('lays out only once: a later open keeps where the agent put the window', async () => {
    receive(open({ title: 'Tegsoft', movable: { position: 'right' } }));
    receive(open({ title: 'Other', movable: { position: 'left' } }, `${VENDOR}/again`));
    await settle();
    expect(win.calls).toEqual(['moveTo right']);
    expect(parts.title.textContent).toBe('Tegsoft');
    expect(framed).toEqual([`open ${VENDOR}/widget`, `open ${VENDOR}/again`]);
  });

  it('leaves a window that is not movable where the browser opened it', async () => {
    receive(open());
    await settle();
    expect(win.calls).toEqual([]);
    expect(buttons()).toEqual([]);
  });

  it('maximizes on a ringing call when the layout asks for autoMaximize', async () => {
    receive(open({ title: 'Tegsoft', autoMaximize: true }));
    receive({ type: 'ringing', key: KEY });
    await settle();
    expect(win.calls).toEqual(['maximize']);
  });

  it('does not maximize on a ringing call otherwise', async () => {
    receive(open({ title: 'Tegsoft' }));
    receive({ type: 'ringing', key: KEY });
    await settle();
    expect(win.calls).toEqual([]);
  });

  it('passes posts to the frame, and closes the window when the frame is closed', () => {
    receive(open());
    receive({ type: 'post', key: KEY, message: 'status?' });
    receive({ type: 'close', key: KEY });
    expect(framed).toEqual([`open ${VENDOR}/widget`, `post ${KEY} status?`, `close ${KEY}`]);
    expect(win.calls).toEqual(['close']);
  });

  it('ignores messages for another frame', () => {
    receive({ type: 'close', key: 'tegsoft:other' });
    expect(framed).toEqual([]);
    expect(win.calls).toEqual([]);
    expect(logged).toEqual([{ level: 'warn', message: 'message for another frame ignored' }]);
  });

  it('logs a window change the browser refused', async () => {
    win.fail = new Error('no window');
    receive(open({ title: 'Tegsoft', autoMaximize: true, movable: { position: 'left' } }));
    receive({ type: 'ringing', key: KEY });
    await settle();
    expect(logged.map((line) => line.message)).toEqual(['window change failed', 'window change failed']);
  });
});
