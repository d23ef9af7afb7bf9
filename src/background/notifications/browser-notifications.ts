import type { NotificationEvents, NotificationsApi } from './notifications-api';

// chrome.notifications rather than browser.notifications: buttons and requireInteraction are Chrome
// features the polyfill's types leave out, and since Chrome 116 (our minimum) the API returns promises.

/** `NotificationsApi` over chrome.notifications (needs the `notifications` permission). */
export const browserNotifications: NotificationsApi = {
  async create(id, options) {
    await chrome.notifications.create(id, {
      ...options,
      buttons: [...options.buttons],
      iconUrl: chrome.runtime.getURL(options.iconUrl),
    });
  },
  async clear(id) {
    await chrome.notifications.clear(id);
  },
};

/**
 * Forwards chrome.notifications events to `events`. Call synchronously at the worker's top level, so a
 * click that wakes a stopped worker is delivered. Does nothing without the `notifications` permission.
 */
export function listenToNotifications(events: NotificationEvents): void {
  const api = chrome.notifications as typeof chrome.notifications | undefined;
  if (!api) return;
  api.onButtonClicked.addListener((id, index) => void events.buttonClicked(id, index));
  api.onClicked.addListener((id) => void events.clicked(id));
  api.onClosed.addListener((id, byUser) => void events.closed(id, byUser));
}
