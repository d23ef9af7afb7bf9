import { createFrameSet } from './frame-set';
import { connectHostLink } from './host-link';
import { pageLog } from './page-log';

// The offscreen document: the worker has no DOM, so vendor pages that need one (Tegsoft's widget) live
// here, hidden, for as long as the browser runs; the worker creates it when a frame is first opened.
const log = pageLog('offscreen');
const frames = createFrameSet(
  document.body,
  {
    loaded: (key) => link.send({ type: 'loaded', key }),
    message: (key, data) => link.send({ type: 'message', key, data }),
  },
  log,
);
const link = connectHostLink({
  host: 'offscreen',
  held: () => frames.held(),
  log,
  onMessage(message) {
    if (message.type === 'open') frames.open(message);
    else if (message.type === 'post') frames.post(message.key, message.message);
    else if (message.type === 'close') frames.close(message.key);
  },
});
