import type browser from 'webextension-polyfill';
import { LIVE_PORT, type LiveMessage, type SenderRole } from '../messaging/protocol';
import type { Hub } from './hub';

/**
 * Serves the live state: every tab's bar, the popup and the options page hold a port and get each new
 * state. Ports from anyone but our own content scripts and pages are closed at once.
 */
export function acceptLivePort(
  port: browser.Runtime.Port,
  role: SenderRole | undefined,
  hub: Hub,
  ready: Promise<unknown>,
): void {
  if (port.name !== LIVE_PORT || !role) {
    port.disconnect();
    return;
  }
  let open = true;
  let unsubscribe = () => {};
  const post = (message: LiveMessage) => {
    if (!open) return;
    try {
      port.postMessage(message);
    } catch {
      open = false; // the tab went away between the state change and this post
    }
  };
  port.onDisconnect.addListener(() => {
    open = false;
    unsubscribe();
  });
  void ready.then(() => {
    if (!open) return;
    unsubscribe = hub.subscribe((state) => post({ type: 'state', state }));
    post({ type: 'state', state: hub.current });
  });
}
