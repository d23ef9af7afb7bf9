/** A browser tab, as far as opening and focusing pages needs to know it. */
export interface BrowserTab {
  /** The tab's id. */
  readonly id: number;
  /** The window it is in. */
  readonly windowId: number;
  /** Its address; absent where the extension may not see it (non-http(s) pages). */
  readonly url?: string;
  /** Whether it is the selected tab of its window. */
  readonly active: boolean;
  /** When the agent last looked at it (epoch ms), when the browser says. */
  readonly lastAccessed?: number;
}

/** The window the agent used last. */
export interface LastWindow {
  /** The window's id. */
  readonly id: number;
  /** Whether it has the focus now (false: the agent is in another application). */
  readonly focused: boolean;
}

/** Options for a new window. */
export interface NewWindow {
  /** The page it opens; http(s), checked by the caller. */
  readonly url: string;
  /** `popup`: a bare window without tabs or address bar; `normal`: a browser window. */
  readonly type: 'popup' | 'normal';
  /** Width in pixels; the browser's default when absent. */
  readonly width?: number;
  /** Height in pixels; the browser's default when absent. */
  readonly height?: number;
}

/** Tab and window operations for screen-pops and call notifications (browser.tabs/windows; fakes in tests). */
export interface TabsApi {
  /** Every tab of every window; `url` is set for the http(s) pages the host permissions cover. */
  list(): Promise<BrowserTab[]>;
  /** The window the agent focused last, or undefined when no browser window is open. */
  lastFocusedWindow(): Promise<LastWindow | undefined>;
  /** Opens `url` in a new, selected tab of the last focused window; resolves with that tab. */
  createTab(url: string): Promise<BrowserTab>;
  /** Selects a tab in its window, loading `url` in it first when given. */
  activateTab(tabId: number, url?: string): Promise<void>;
  /** Brings a window to the front and gives it the focus. */
  focusWindow(windowId: number): Promise<void>;
  /** Opens a new, focused window. */
  createWindow(options: NewWindow): Promise<void>;
}
