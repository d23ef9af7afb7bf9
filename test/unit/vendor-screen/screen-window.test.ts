import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { currentScreenWindow, type ScreenWindow } from '../../../src/vendor-screen/screen-window';

// chrome.windows and the screen, faked: the screen's usable area starts at (100, 20) and is 1600 × 900.
const AREA = { availLeft: 100, availTop: 20, availWidth: 1600, availHeight: 900 };
const STRIP = 140;

let current: chrome.windows.Window;
let updates: [number, chrome.windows.UpdateInfo][];
let closed: number;
let win: ScreenWindow;

const fakeWindows = {
  getCurrent: async () => ({ ...current }),
  get: async (id: number) => {
    if (id !== current.id) throw new Error(`No window with id: ${id}.`);
    return { ...current };
  },
  update: async (id: number, info: chrome.windows.UpdateInfo) => {
    updates.push([id, info]);
    current = { ...current, ...info } as chrome.windows.Window;
    return { ...current };
  },
};

const stubScreen = (area: Partial<typeof AREA>) =>
  vi.stubGlobal('window', {
    screen: area,
    close: () => {
      closed += 1;
    },
  });

beforeEach(() => {
  current = { id: 7, state: 'normal', left: 300, top: 200, width: 420, height: 680 } as chrome.windows.Window;
  updates = [];
  closed = 0;
  vi.stubGlobal('chrome', { windows: fakeWindows });
  stubScreen(AREA);
  win = currentScreenWindow();
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the vendor-screen window', () => {
  it('minimizes', async () => {
    await win.minimize();
    expect(updates).toEqual([[7, { state: 'minimized' }]]);
  });

  it('maximizes and comes to the front (autoMaximize on a ringing call)', async () => {
    await win.maximize();
    expect(updates).toEqual([[7, { state: 'maximized', focused: true }]]);
  });

  it('moves to either edge of the usable screen area, keeping its size', async () => {
    await win.moveTo('left');
    await win.moveTo('right');
    expect(updates).toEqual([
      [7, { left: 100, top: 20 }],
      [7, { left: 100 + 1600 - 420, top: 20 }],
    ]);
    expect(current.width).toBe(420);
  });

  it('leaves the maximized state first, since bounds cannot change in it', async () => {
    current.state = 'maximized';
    await win.moveTo('left');
    expect(updates).toEqual([
      [7, { state: 'normal' }],
      [7, { left: 100, top: 20 }],
    ]);
  });

  it('hides to a strip at a side, and is restored to where it was', async () => {
    expect(win.aside).toBe(false);
    await win.toSide('right');
    expect(updates).toEqual([[7, { left: 100 + 1600 - STRIP, width: STRIP }]]);
    expect(win.aside).toBe(true);
    // Moved while hidden: the place to come back to is still the one before hiding.
    await win.toSide('left');
    await win.restore();
    expect(updates.at(-1)).toEqual([7, { left: 300, top: 200, width: 420, height: 680 }]);
    expect(win.aside).toBe(false);
  });

  it('forgets the hidden place when maximized, so a later restore moves nothing', async () => {
    await win.toSide('left');
    await win.maximize();
    expect(win.aside).toBe(false);
    const before = updates.length;
    await win.restore();
    // Only the way out of the maximized state.
    expect(updates.slice(before)).toEqual([[7, { state: 'normal' }]]);
  });

  it('counts from the screen origin when the browser gives no offset', async () => {
    stubScreen({ availWidth: 1000, availHeight: 700 });
    await win.moveTo('left');
    await win.toSide('right');
    expect(updates).toEqual([
      [7, { left: 0, top: 0 }],
      [7, { left: 1000 - STRIP, width: STRIP }],
    ]);
  });

  it('closes (hideInIcon): the frame goes back to the offscreen document', () => {
    win.close();
    expect(closed).toBe(1);
  });
});
