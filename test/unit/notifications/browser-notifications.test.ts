import { afterEach, describe, expect, it, vi } from 'vitest';
import { listenToNotifications } from '../../../src/background/notifications/browser-notifications';
import type { NotificationEvents } from '../../../src/background/notifications/notifications-api';

/** A chrome.notifications event: keeps its listeners so the test can fire them. */
function fakeEvent<A extends unknown[]>() {
  const listeners: ((...args: A) => void)[] = [];
  return {
    addListener: (listener: (...args: A) => void) => listeners.push(listener),
    fire: (...args: A) => {
      for (const listener of listeners) listener(...args);
    },
    get count() {
      return listeners.length;
    },
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('listenToNotifications', () => {
  it("forwards chrome.notifications' button clicks, clicks and closes to the notifier", () => {
    const api = {
      onButtonClicked: fakeEvent<[string, number]>(),
      onClicked: fakeEvent<[string]>(),
      onClosed: fakeEvent<[string, boolean]>(),
    };
    vi.stubGlobal('chrome', { notifications: api });
    const events: NotificationEvents = {
      buttonClicked: vi.fn(async () => {}),
      clicked: vi.fn(async () => {}),
      closed: vi.fn(async () => {}),
    };

    listenToNotifications(events);
    expect([api.onButtonClicked.count, api.onClicked.count, api.onClosed.count]).toEqual([1, 1, 1]);
    api.onButtonClicked.fire('softbar-call:c1', 1);
    api.onClicked.fire('softbar-call:c2');
    api.onClosed.fire('softbar-call:c3', true);

    expect(events.buttonClicked).toHaveBeenCalledWith('softbar-call:c1', 1);
    expect(events.clicked).toHaveBeenCalledWith('softbar-call:c2');
    expect(events.closed).toHaveBeenCalledWith('softbar-call:c3', true);
  });

  it('does nothing without the notifications permission', () => {
    vi.stubGlobal('chrome', {});
    expect(() =>
      listenToNotifications({ buttonClicked: vi.fn(), clicked: vi.fn(), closed: vi.fn() }),
    ).not.toThrow();
  });
});
