import type { ScreenLayout } from '../../vendors/frame-host';

/** The browser calls the frame router needs, behind an interface so its logic is tested with fakes. */
export interface FramePlatform {
  /** Creates the offscreen document unless it exists; concurrent calls share one creation. */
  ensureOffscreen(): Promise<void>;
  /** Closes the offscreen document if it exists (ordered after any pending creation). */
  closeOffscreen(): Promise<void>;
  /** Opens the vendor-screen window of frame `key`; resolves with the window's id. */
  openScreenWindow(key: string, layout: ScreenLayout | undefined): Promise<number>;
  /** Brings a window to the front. */
  focusWindow(windowId: number): Promise<void>;
  /** Closes a window (already gone: nothing happens). */
  closeWindow(windowId: number): Promise<void>;
  /** Calls `listener` with the id of each window the user or the browser closes. */
  onWindowRemoved(listener: (windowId: number) => void): void;
}
