import { createFrameSet } from '../offscreen/frame-set';
import { connectHostLink } from '../offscreen/host-link';
import { pageLog } from '../offscreen/page-log';
import { screenMessages } from './screen-host';
import { currentScreenWindow } from './screen-window';

// The vendor's own screen, in a window the agent opened: this page hosts the one frame named by `?key=`
// while the window is open (the worker moved it here from the offscreen document, and moves it back
// when the window closes). It reuses the offscreen document's frame hosting and worker link.
const key = new URLSearchParams(location.search).get('key') ?? '';
const win = currentScreenWindow();

/** Hosts the frame `frameKey` and connects to the worker, which sends it here. */
function host(frameKey: string): void {
  const log = pageLog('vendor screen');
  const container = document.getElementById('frame') as HTMLElement;
  const frames = createFrameSet(
    container,
    {
      loaded: (loadedKey) => link.send({ type: 'loaded', key: loadedKey }),
      message: (fromKey, data) => link.send({ type: 'message', key: fromKey, data }),
    },
    log,
  );
  const link = connectHostLink({
    host: 'screen',
    held: () => frames.held(),
    log,
    onMessage: screenMessages({
      key: frameKey,
      frames,
      win,
      container,
      title: document.getElementById('title') as HTMLElement,
      toolbar: document.getElementById('buttons') as HTMLElement,
      log,
    }),
  });
}

// Only the worker opens this page, always with a key. Without one there is nothing to host: the window
// closes without connecting, since a connection would wake the worker for a page it never asked for.
if (key) host(key);
else win.close();
