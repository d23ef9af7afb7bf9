/** A side of the screen. */
export type Side = 'left' | 'right';

/** The vendor-screen window's own moves (title-bar buttons and `autoMaximize`). */
export interface ScreenWindow {
  /** Minimizes the window. */
  minimize(): Promise<void>;
  /** Maximizes and focuses the window (a call rings); undoes `toSide`. */
  maximize(): Promise<void>;
  /** Moves the window to the left or right edge of its screen, keeping its size. */
  moveTo(side: Side): Promise<void>;
  /** Narrows the window to a strip at that edge of the screen. */
  toSide(side: Side): Promise<void>;
  /** Brings back the size and place the window had before `toSide`. */
  restore(): Promise<void>;
  /** Closes the window: the frame goes back to the offscreen document, hidden. */
  close(): void;
  /** Whether the window is hidden to a side (`toSide` without `restore` or `maximize` since). */
  readonly aside: boolean;
}

/** Width of the window hidden to a side: enough for the title bar's buttons to bring it back. */
const STRIP_WIDTH = 140;

type Bounds = Required<Pick<chrome.windows.UpdateInfo, 'left' | 'top' | 'width' | 'height'>>;

/** The screen area windows may use (`availLeft` and `availTop` are Chrome's, missing from the DOM types). */
const available = () => {
  const area = window.screen as Screen & { availLeft?: number; availTop?: number };
  return {
    left: area.availLeft ?? 0,
    top: area.availTop ?? 0,
    width: area.availWidth,
    height: area.availHeight,
  };
};

/** ScreenWindow for the window this page is in, through chrome.windows. */
export function currentScreenWindow(): ScreenWindow {
  let saved: Bounds | undefined;
  const current = () => chrome.windows.getCurrent();
  // Bounds cannot change while the window is maximized or minimized.
  const normal = async () => {
    const win = await current();
    if (win.state === 'normal' || win.id === undefined) return win;
    await chrome.windows.update(win.id, { state: 'normal' });
    return chrome.windows.get(win.id);
  };
  const edge = (side: Side, width: number) => {
    const area = available();
    return side === 'left' ? area.left : area.left + area.width - width;
  };
  return {
    async minimize() {
      const win = await current();
      await chrome.windows.update(win.id!, { state: 'minimized' });
    },
    async maximize() {
      saved = undefined;
      const win = await current();
      await chrome.windows.update(win.id!, { state: 'maximized', focused: true });
    },
    async moveTo(side) {
      const win = await normal();
      const width = win.width ?? STRIP_WIDTH;
      await chrome.windows.update(win.id!, { left: edge(side, width), top: available().top });
    },
    async toSide(side) {
      const win = await normal();
      saved ??= {
        left: win.left ?? 0,
        top: win.top ?? 0,
        width: win.width ?? 400,
        height: win.height ?? 600,
      };
      await chrome.windows.update(win.id!, { left: edge(side, STRIP_WIDTH), width: STRIP_WIDTH });
    },
    async restore() {
      const bounds = saved;
      saved = undefined;
      const win = await normal();
      if (bounds) await chrome.windows.update(win.id!, bounds);
    },
    close() {
      window.close();
    },
    get aside() {
      return saved !== undefined;
    },
  };
}
