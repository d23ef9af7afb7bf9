import { DEFAULT_POPUP_SIZE } from '../../core/config/defaults';
import { parseMatchPattern } from '../../core/config/match-pattern';
import { POPUP_MAX, POPUP_MIN } from '../../core/config/screen-pop-schema';
import { urlMatchesPattern } from '../../core/config/site-match';
import { isHttpUrl } from '../../core/http-url';
import type { BarFrame } from '../../core/hub-state';
import { preferredTab } from '../tabs/pick-tab';
import type { BrowserTab, TabsApi } from '../tabs/tabs-api';

/** Where and how to show a page: what a screen-pop rule or a vendor's "open this URL" asks for. */
export type OpenTarget =
  /** A new tab in the window used last, brought to the front. */
  | { readonly kind: 'newTab'; readonly url: string }
  /** Load `url` in an open tab matching `tabPattern` and show it; a new tab when none matches. */
  | { readonly kind: 'reuseTab'; readonly url: string; readonly tabPattern: string }
  /** Show an open tab matching `tabPattern` as it is; else open `url` in a new tab, or do nothing. */
  | { readonly kind: 'focus'; readonly tabPattern: string; readonly url?: string }
  /** A bare popup window, `DEFAULT_POPUP_SIZE` unless sizes are given. */
  | { readonly kind: 'popup'; readonly url: string; readonly width?: number; readonly height?: number }
  /** The bar's frame panel, titled `title`, tied to a call when `callId` is given. */
  | { readonly kind: 'frame'; readonly url: string; readonly title: string; readonly callId?: string }
  /** A new normal browser window. */
  | { readonly kind: 'newWindow'; readonly url: string };

/** What `openTarget` did; `nothing` = a `focus` target found no tab and had no URL to open. */
export type OpenOutcome =
  | 'openedTab'
  | 'reusedTab'
  | 'focusedTab'
  | 'openedPopup'
  | 'showedFrame'
  | 'openedWindow'
  | 'nothing';

export interface OpenTargetDeps {
  /** The browser's tabs and windows. */
  readonly tabs: TabsApi;
  /** Shows a page in the bar's frame panel (`Hub.setFrame`). */
  readonly setFrame: (frame: BarFrame) => void;
  /** Epoch ms, for the frame's `at`. */
  readonly now: () => number;
}

/**
 * A usable window dimension: whole pixels within the bounds validation allows, else `fallback`. Rules are
 * validated already; a target from elsewhere (a vendor's request) gets the same bounds.
 */
function windowSize(value: number | undefined, fallback: number): number {
  if (value === undefined || !Number.isFinite(value) || value < POPUP_MIN) return fallback;
  return Math.min(Math.round(value), POPUP_MAX);
}

// Callers build URLs from checked templates already; this last check keeps any other path (vendor
// messages, future callers) from ever opening javascript:, data: or file: addresses.
function assertHttp(url: string): void {
  if (!isHttpUrl(url)) {
    throw new Error(`Softbar opens only http and https addresses; ${JSON.stringify(url)} was not opened.`);
  }
}

async function openTab(url: string, tabs: TabsApi): Promise<OpenOutcome> {
  // With every browser window closed there is no window for a tab: open one.
  if (!(await tabs.lastFocusedWindow())) {
    await tabs.createWindow({ url, type: 'normal' });
    return 'openedTab';
  }
  const tab = await tabs.createTab(url);
  await tabs.focusWindow(tab.windowId);
  return 'openedTab';
}

async function matchingTab(pattern: string, tabs: TabsApi): Promise<BrowserTab | undefined> {
  const parsed = parseMatchPattern(pattern);
  if (!parsed.ok) throw new Error(`Tab pattern: ${parsed.message}.`);
  const [all, window] = await Promise.all([tabs.list(), tabs.lastFocusedWindow()]);
  const matching = all.filter((tab) => tab.url !== undefined && urlMatchesPattern(tab.url, pattern));
  return preferredTab(matching, window?.id);
}

async function showTab(tab: BrowserTab, url: string | undefined, tabs: TabsApi): Promise<void> {
  await tabs.activateTab(tab.id, url);
  await tabs.focusWindow(tab.windowId);
}

/**
 * Opens `target`. Rejects, naming the URL, for anything but http(s), and with the browser's reason when
 * a tab or window operation fails (the tab was closed meanwhile, say); nothing is retried.
 */
export async function openTarget(target: OpenTarget, deps: OpenTargetDeps): Promise<OpenOutcome> {
  if (target.url !== undefined) assertHttp(target.url);
  const { tabs } = deps;
  switch (target.kind) {
    case 'newTab':
      return openTab(target.url, tabs);
    case 'reuseTab': {
      const tab = await matchingTab(target.tabPattern, tabs);
      if (!tab) return openTab(target.url, tabs);
      await showTab(tab, target.url, tabs);
      return 'reusedTab';
    }
    case 'focus': {
      const tab = await matchingTab(target.tabPattern, tabs);
      if (tab) {
        await showTab(tab, undefined, tabs);
        return 'focusedTab';
      }
      return target.url === undefined ? 'nothing' : openTab(target.url, tabs);
    }
    case 'popup':
      await tabs.createWindow({
        url: target.url,
        type: 'popup',
        width: windowSize(target.width, DEFAULT_POPUP_SIZE.width),
        height: windowSize(target.height, DEFAULT_POPUP_SIZE.height),
      });
      return 'openedPopup';
    case 'frame':
      deps.setFrame({
        url: target.url,
        title: target.title,
        ...(target.callId !== undefined && { callId: target.callId }),
        at: deps.now(),
      });
      return 'showedFrame';
    case 'newWindow':
      await tabs.createWindow({ url: target.url, type: 'normal' });
      return 'openedWindow';
  }
}
