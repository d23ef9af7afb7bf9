import browser from 'webextension-polyfill';
import type { BrowserTab, TabsApi } from './tabs-api';

function toTab(tab: browser.Tabs.Tab): BrowserTab {
  if (tab.id === undefined || tab.id === browser.tabs.TAB_ID_NONE)
    throw new Error('The browser gave no tab id.');
  return {
    id: tab.id,
    windowId: tab.windowId ?? browser.windows.WINDOW_ID_NONE,
    url: tab.url,
    active: tab.active,
    lastAccessed: tab.lastAccessed,
  };
}

/**
 * `TabsApi` over browser.tabs and browser.windows. No `tabs` permission is needed: the http/https host
 * permissions make the URLs of web pages visible, and those are the only pages screen-pops and
 * notifications deal with.
 */
export const browserTabs: TabsApi = {
  async list() {
    const tabs = await browser.tabs.query({});
    return tabs.flatMap((tab) =>
      tab.id === undefined || tab.id === browser.tabs.TAB_ID_NONE ? [] : [toTab(tab)],
    );
  },
  async lastFocusedWindow() {
    try {
      const window = await browser.windows.getLastFocused();
      return window.id === undefined ? undefined : { id: window.id, focused: window.focused };
    } catch {
      // Rejects when no browser window is open at all.
      return undefined;
    }
  },
  async createTab(url) {
    return toTab(await browser.tabs.create({ url, active: true }));
  },
  async activateTab(tabId, url) {
    await browser.tabs.update(tabId, url === undefined ? { active: true } : { url, active: true });
  },
  async focusWindow(windowId) {
    await browser.windows.update(windowId, { focused: true });
  },
  async createWindow({ url, type, width, height }) {
    await browser.windows.create({ url, type, width, height, focused: true });
  },
};
