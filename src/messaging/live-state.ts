import { signal } from '@preact/signals';
import browser from 'webextension-polyfill';
import { backoffDelay } from '../core/backoff';
import type { HubState } from '../core/hub-state';
import type { PagePolicy } from '../core/page-policy';
import { LIVE_PORT, type LiveMessage } from './protocol';

/** The hub's live state as this context last heard it; undefined until the first message. */
export const hubState = signal<HubState | undefined>(undefined);
/** What Softbar does on this page (content scripts only); undefined until the hub says. */
export const pagePolicy = signal<PagePolicy | undefined>(undefined);
/** Whether this context is linked to the hub right now (false while the worker restarts). */
export const hubLinked = signal(false);

const MAX_BACKOFF_MS = 5_000;

/**
 * Keeps a live port to the hub open. When Chrome stops the service worker the port drops; connecting
 * again wakes the worker, which restores its state, so reconnect with a short backoff.
 */
export function followHubState(): () => void {
  let stopped = false;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let port: browser.Runtime.Port | undefined;

  const open = () => {
    if (stopped) return;
    try {
      port = browser.runtime.connect({ name: LIVE_PORT });
    } catch {
      // The extension was reloaded or removed: this content script is orphaned and must stay quiet.
      hubLinked.value = false;
      return;
    }
    port.onMessage.addListener((message: unknown) => {
      const live = message as LiveMessage;
      if (live?.type === 'state') {
        attempt = 0;
        hubLinked.value = true;
        hubState.value = live.state;
      } else if (live?.type === 'page') {
        attempt = 0;
        pagePolicy.value = live.policy;
      }
    });
    port.onDisconnect.addListener(() => {
      hubLinked.value = false;
      port = undefined;
      if (stopped) return;
      const delay = backoffDelay(attempt++, 100, MAX_BACKOFF_MS);
      timer = setTimeout(open, delay);
    });
  };
  open();
  return () => {
    stopped = true;
    clearTimeout(timer);
    port?.disconnect();
  };
}
