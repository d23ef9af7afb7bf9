import type browser from 'webextension-polyfill';
import { SANDBOX_PAGE } from '../../sandbox/protocol';
import type { FrameHost } from '../../vendors/frame-host';
import type { Logger } from '../hub';
import { chromeFramePlatform } from './chrome-platform';
import { createFrameRouter } from './frame-router';
import { hostPageOf } from './host-pages';
import type { FramePlatform } from './platform';
import { FRAMES_PORT, type WorkerMessage } from './protocol';

/** The browser frame host: vendor frames in the offscreen document or in a vendor-screen window. */
export interface BrowserFrameHost extends FrameHost {
  /** Takes a runtime port when it is one of the frame hosts' (returns false for other ports). */
  acceptPort(port: browser.Runtime.Port): boolean;
}

export interface FrameHostDeps {
  /** The worker's log. */
  readonly log: Logger;
  /** Browser calls (Chrome's offscreen and windows APIs unless a test gives fakes). */
  readonly platform?: FramePlatform;
  /** Our extension's id, which host pages' ports must carry (chrome.runtime.id unless a test gives one). */
  readonly extensionId?: string;
}

/** The part of a runtime port used here (a polyfill port, or a fake in tests). */
type PortLike = Pick<browser.Runtime.Port, 'name' | 'sender' | 'postMessage' | 'onMessage' | 'onDisconnect'>;

/**
 * Creates the frame host. Its listeners (windows closing) are registered at once: call this at the
 * worker's top level.
 */
export function createFrameHost(deps: FrameHostDeps): BrowserFrameHost {
  const { log } = deps;
  const platform = deps.platform ?? chromeFramePlatform(log);
  const extensionId = deps.extensionId ?? chrome.runtime.id;
  const router = createFrameRouter({ platform, log, extensionOrigin: `chrome-extension://${extensionId}` });
  platform.onWindowRemoved((windowId) => router.windowRemoved(windowId));
  return {
    sandboxPage: `chrome-extension://${extensionId}/${SANDBOX_PAGE}`,
    open: (spec) => router.open(spec),
    acceptPort(port: PortLike) {
      if (port.name !== FRAMES_PORT) return false;
      // The sender is judged from what Chrome says, never from the messages: only our own pages host.
      const page = hostPageOf(port.sender, extensionId);
      if (!page) {
        log('warn', 'frame-host port from an unknown sender left to others');
        return false;
      }
      const link = router.connect(
        page,
        { post: (message: WorkerMessage) => port.postMessage(message) },
        port.sender?.tab?.windowId,
      );
      port.onMessage.addListener((message: unknown) => link.receive(message));
      port.onDisconnect.addListener(() => link.disconnected());
      return true;
    },
  };
}
