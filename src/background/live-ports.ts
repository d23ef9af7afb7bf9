import type browser from 'webextension-polyfill';
import { LIVE_PORT, type LiveMessage, type SenderRole } from '../messaging/protocol';
import type { Hub } from './hub';
import type { PagePolicies } from './page-policies';

/**
 * Serves the live state: every tab's content script, the popup and the options page hold a port and get
 * each new state. Content scripts also get their page's policy (bar, detection, dial confirmation),
 * again whenever it changes. Ports from anyone but our own content scripts and pages are closed at once.
 */
export function acceptLivePort(
  port: browser.Runtime.Port,
  role: SenderRole | undefined,
  hub: Hub,
  policies: PagePolicies,
  ready: Promise<unknown>,
): void {
  if (port.name !== LIVE_PORT || !role) {
    port.disconnect();
    return;
  }
  let open = true;
  const unsubscribers: (() => void)[] = [];
  const post = (message: LiveMessage) => {
    if (!open) return;
    try {
      port.postMessage(message);
    } catch {
      open = false; // the tab went away between the change and this post
    }
  };
  port.onDisconnect.addListener(() => {
    open = false;
    for (const unsubscribe of unsubscribers) unsubscribe();
  });
  let stopState: (() => void) | undefined;
  const followState = (on: boolean) => {
    if (on && !stopState) {
      stopState = hub.subscribe((state) => post({ type: 'state', state }));
      post({ type: 'state', state: hub.current });
    } else if (!on && stopState) {
      stopState();
      stopState = undefined;
    }
  };
  unsubscribers.push(() => followState(false));
  void ready.then(() => {
    if (!open) return;
    if (role !== 'contentScript') {
      followState(true);
      return;
    }
    const url = port.sender?.url;
    let last = '';
    const postPolicy = () => {
      const policy = policies.policyFor(url);
      const key = JSON.stringify(policy);
      if (key === last) return;
      last = key;
      post({ type: 'page', policy });
      // A page where Softbar stays off gets no call state either.
      followState(policy.bar);
    };
    postPolicy();
    unsubscribers.push(policies.subscribe(postPolicy));
  });
}
