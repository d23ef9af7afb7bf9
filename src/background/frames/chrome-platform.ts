import type { Logger } from '../hub';
import { OFFSCREEN_PAGE, screenPath } from './host-pages';
import type { FramePlatform } from './platform';
import { screenWindowSize } from './screen-size';

const JUSTIFICATION =
  "Hosts the contact-center vendor's agent widget (an iframe that needs a page, the microphone and WebRTC) " +
  'so calls survive CRM tabs being closed or reloaded.';

/** FramePlatform on Chrome's offscreen and windows APIs. */
export function chromeFramePlatform(log: Logger): FramePlatform {
  // Creating and closing run one after the other: Chrome allows a single offscreen document, and a
  // creation racing a close (or another creation) fails.
  let chain: Promise<void> = Promise.resolve();
  let creating: Promise<void> | undefined;
  const serial = (task: () => Promise<void>): Promise<void> => {
    const run = chain.then(task);
    chain = run.catch(() => undefined);
    return run;
  };
  const offscreenUrl = chrome.runtime.getURL(OFFSCREEN_PAGE);
  const offscreenExists = async () =>
    (
      await chrome.runtime.getContexts({
        contextTypes: [chrome.runtime.ContextType.OFFSCREEN_DOCUMENT],
        documentUrls: [offscreenUrl],
      })
    ).length > 0;

  return {
    ensureOffscreen() {
      if (creating) return creating;
      const run = serial(async () => {
        if (await offscreenExists()) return;
        await chrome.offscreen.createDocument({
          url: OFFSCREEN_PAGE,
          reasons: [
            chrome.offscreen.Reason.IFRAME_SCRIPTING,
            chrome.offscreen.Reason.USER_MEDIA,
            chrome.offscreen.Reason.WEB_RTC,
          ],
          justification: JUSTIFICATION,
        });
        log('debug', 'offscreen document created');
      });
      creating = run;
      const settled = () => {
        if (creating === run) creating = undefined;
      };
      run.then(settled, settled);
      return run;
    },
    closeOffscreen() {
      creating = undefined;
      return serial(async () => {
        if (!(await offscreenExists())) return;
        await chrome.offscreen.closeDocument();
        log('debug', 'offscreen document closed');
      });
    },
    async openScreenWindow(key, layout) {
      const size = screenWindowSize(layout);
      const created = await chrome.windows.create({
        type: 'popup',
        url: chrome.runtime.getURL(screenPath(key)),
        focused: true,
        ...size,
      });
      if (created?.id === undefined) throw new Error('the browser gave no window');
      return created.id;
    },
    async focusWindow(windowId) {
      await chrome.windows.update(windowId, { focused: true });
    },
    async closeWindow(windowId) {
      await chrome.windows.remove(windowId).catch(() => undefined);
    },
    onWindowRemoved(listener) {
      chrome.windows.onRemoved.addListener(listener);
    },
  };
}
