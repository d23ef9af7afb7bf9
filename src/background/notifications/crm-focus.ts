import { isHttpUrl } from '../../core/http-url';
import { preferredTab } from '../tabs/pick-tab';
import type { TabsApi } from '../tabs/tabs-api';

/** Whether the agent is looking at a CRM page, and bringing one to the front. */
export interface CrmFocus {
  /** True when a browser window has the focus and its selected tab is a CRM page. */
  crmFocused(): Promise<boolean>;
  /** Shows the CRM tab the agent used last and focuses its window; just the last window when there is none. */
  focusCrm(): Promise<void>;
}

/**
 * `crmPage(url)` says whether an http(s) page is one of the admin's CRM pages: in the worker, the bar runs
 * there and the site is on the allow list (`isCrmPage(policies.policyFor(url))`).
 */
export function createCrmFocus(tabs: TabsApi, crmPage: (url: string) => boolean): CrmFocus {
  const isCrm = (url: string | undefined) => url !== undefined && isHttpUrl(url) && crmPage(url);
  return {
    async crmFocused() {
      const window = await tabs.lastFocusedWindow();
      if (!window?.focused) return false;
      const selected = (await tabs.list()).find((tab) => tab.windowId === window.id && tab.active);
      return isCrm(selected?.url);
    },
    async focusCrm() {
      const [all, window] = await Promise.all([tabs.list(), tabs.lastFocusedWindow()]);
      const tab = preferredTab(
        all.filter((t) => isCrm(t.url)),
        window?.id,
      );
      if (tab) {
        await tabs.activateTab(tab.id);
        await tabs.focusWindow(tab.windowId);
      } else if (window) {
        await tabs.focusWindow(window.id);
      }
    },
  };
}
