import type { WorkerMessage } from '../background/frames/protocol';
import type { Logger } from '../background/hub';
import type { FrameSet } from '../offscreen/frame-set';
import type { ScreenLayout } from '../vendors/frame-host';
import { applyLayout } from './layout';
import type { ScreenWindow } from './screen-window';
import { renderTitleBar } from './title-bar';

/** The parts of the vendor-screen page that the worker's messages act on. */
export interface ScreenParts {
  /** The key of the one frame this page hosts (its `?key=`). */
  readonly key: string;
  /** The page's frame hosting. */
  readonly frames: Pick<FrameSet, 'open' | 'post' | 'close'>;
  /** The window the page is in. */
  readonly win: ScreenWindow;
  /** The element the frame goes in, sized by the layout. */
  readonly container: HTMLElement;
  /** The title bar's text. */
  readonly title: HTMLElement;
  /** The title bar's row of buttons. */
  readonly toolbar: HTMLElement;
  /** The page's log. */
  readonly log: Logger;
}

/**
 * The vendor-screen page's handler of the worker's messages: the first `open` lays the window out (sizes,
 * title-bar buttons, starting side) and each `open` or `post` goes to the frame; `close` closes the
 * window; `ringing` maximizes it when the layout asks for `autoMaximize`.
 */
export function screenMessages(parts: ScreenParts): (message: WorkerMessage) => void {
  const { key, frames, win, log } = parts;
  const failed = (error: unknown) => log('warn', 'window change failed', error);
  let layout: ScreenLayout | undefined;
  let laidOut = false;

  const layOut = (next: ScreenLayout | undefined) => {
    // Once only: a later `open` (re-sent after a worker restart) must not undo where the agent put the window.
    if (laidOut) return;
    laidOut = true;
    layout = next;
    applyLayout(parts.container, parts.title, next);
    const side = renderTitleBar(parts.toolbar, next, win, failed);
    if (side) win.moveTo(side).catch(failed);
  };

  return (message) => {
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
  };
}
