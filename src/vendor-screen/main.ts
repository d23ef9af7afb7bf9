import { createFrameSet } from '../offscreen/frame-set';
import { connectHostLink } from '../offscreen/host-link';
import { pageLog } from '../offscreen/page-log';
import type { ScreenLayout } from '../vendors/frame-host';
import { applyLayout } from './layout';
import { currentScreenWindow } from './screen-window';
import { renderTitleBar } from './title-bar';

// The vendor's own screen, in a window the agent opened: this page hosts the one frame named by `?key=`
// while the window is open (the worker moved it here from the offscreen document, and moves it back
// when the window closes). It reuses the offscreen document's frame hosting and worker link.
const key = new URLSearchParams(location.search).get('key') ?? '';
const log = pageLog('vendor screen');
const container = document.getElementById('frame') as HTMLElement;
const title = document.getElementById('title') as HTMLElement;
const toolbar = document.getElementById('buttons') as HTMLElement;
const win = currentScreenWindow();
let layout: ScreenLayout | undefined;
let laidOut = false;

const frames = createFrameSet(
  container,
  {
    loaded: (frameKey) => link.send({ type: 'loaded', key: frameKey }),
    message: (frameKey, data) => link.send({ type: 'message', key: frameKey, data }),
  },
  log,
);

const failed = (error: unknown) => log('warn', 'window change failed', error);

const layOut = (next: ScreenLayout | undefined) => {
  if (laidOut) return;
  laidOut = true;
  layout = next;
  applyLayout(container, title, next);
  const side = renderTitleBar(toolbar, next, win, failed);
  if (side) win.moveTo(side).catch(failed);
};

// Only the worker opens this page, always with a key; without one there is nothing to host.
if (!key) win.close();

const link = connectHostLink({
  host: 'screen',
  held: () => frames.held(),
  log,
  onMessage(message) {
    if (message.key !== key) {
      log('warn', 'message for another frame ignored', message.type);
      return;
    }
    if (message.type === 'open') {
      layOut(message.screen);
      frames.open(message);
    } else if (message.type === 'post') {
      frames.post(message.key, message.message);
    } else if (message.type === 'close') {
      frames.close(message.key);
      win.close();
    } else if (layout?.autoMaximize) {
      win.maximize().catch(failed);
    }
  },
});
