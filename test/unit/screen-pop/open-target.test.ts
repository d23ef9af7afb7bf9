import { describe, expect, it } from 'vitest';
import { openTarget } from '../../../src/background/screen-pop/open-target';
import type { BrowserTab } from '../../../src/background/tabs/tabs-api';
import type { BarFrame } from '../../../src/core/hub-state';
import { FakeTabs, NOW } from './fakes';

const tab = (id: number, windowId: number, url: string, extra: Partial<BrowserTab> = {}): BrowserTab => ({
  id,
  windowId,
  url,
  active: false,
  ...extra,
});

const setup = (tabs: BrowserTab[] = [], windows = [{ id: 1, focused: true }]) => {
  const fake = new FakeTabs(tabs, windows);
  const frames: BarFrame[] = [];
  const deps = { tabs: fake, setFrame: (f: BarFrame) => void frames.push(f), now: () => NOW };
  return { fake, frames, deps };
};

describe('openTarget', () => {
  it('opens a new tab and brings its window to the front', async () => {
    const { fake, deps } = setup();
    await expect(openTarget({ kind: 'newTab', url: 'https://crm.example.com/a' }, deps)).resolves.toBe(
      'openedTab',
    );
    expect(fake.calls).toEqual(['createTab https://crm.example.com/a', 'focusWindow 1']);
  });

  it('opens a window when no browser window is open', async () => {
    const { fake, deps } = setup([], []);
    await openTarget({ kind: 'newTab', url: 'https://crm.example.com/a' }, deps);
    expect(fake.calls).toEqual(['createWindow normal https://crm.example.com/a']);
  });

  it('refuses anything but http(s), naming the URL', async () => {
    const { fake, deps } = setup();
    for (const url of ['javascript:alert(1)', 'data:text/html,x', 'file:///etc/passwd', 'crm.example.com']) {
      await expect(openTarget({ kind: 'newTab', url }, deps)).rejects.toThrow(JSON.stringify(url));
      await expect(openTarget({ kind: 'frame', url, title: 't' }, deps)).rejects.toThrow(
        /only http and https/,
      );
    }
    expect(fake.calls).toEqual([]);
  });

  describe('reuseTab', () => {
    const target = {
      kind: 'reuseTab',
      url: 'https://crm.example.com/contacts/42',
      tabPattern: 'https://crm.example.com/*',
    } as const;

    it('navigates the matching tab in front of the last focused window and focuses that window', async () => {
      const { fake, deps } = setup(
        [
          tab(1, 1, 'https://mail.example.com/', { active: false, lastAccessed: NOW }),
          tab(2, 2, 'https://crm.example.com/home', { lastAccessed: NOW - 10 }),
          tab(3, 3, 'https://crm.example.com/list', { active: true, lastAccessed: NOW - 500 }),
        ],
        [
          { id: 1, focused: false },
          { id: 2, focused: false },
          { id: 3, focused: true },
        ],
      );
      fake.lastWindowId = 3;
      await expect(openTarget(target, deps)).resolves.toBe('reusedTab');
      expect(fake.calls).toEqual(['activateTab 3 https://crm.example.com/contacts/42', 'focusWindow 3']);
    });

    it('else takes the matching tab looked at last', async () => {
      const { fake, deps } = setup([
        tab(1, 1, 'https://crm.example.com/a', { lastAccessed: NOW - 100 }),
        tab(2, 2, 'https://crm.example.com/b', { lastAccessed: NOW - 5 }),
        tab(3, 1, 'https://other.example.com/', { active: true, lastAccessed: NOW }),
      ]);
      await openTarget(target, deps);
      expect(fake.calls).toEqual(['activateTab 2 https://crm.example.com/contacts/42', 'focusWindow 2']);
    });

    it('opens a new tab when no tab matches', async () => {
      const { fake, deps } = setup([tab(1, 1, 'https://other.example.com/', { active: true })]);
      await expect(openTarget(target, deps)).resolves.toBe('openedTab');
      expect(fake.calls).toEqual(['createTab https://crm.example.com/contacts/42', 'focusWindow 1']);
    });

    it('rejects a tab pattern that is not a match pattern', async () => {
      const { deps } = setup();
      await expect(openTarget({ ...target, tabPattern: 'crm.example.com' }, deps)).rejects.toThrow(
        /Tab pattern/,
      );
    });
  });

  describe('focus', () => {
    it('shows the matching tab without navigating it', async () => {
      const { fake, deps } = setup([tab(7, 2, 'https://crm.example.com/a')]);
      await expect(openTarget({ kind: 'focus', tabPattern: '*://crm.example.com/*' }, deps)).resolves.toBe(
        'focusedTab',
      );
      expect(fake.calls).toEqual(['activateTab 7', 'focusWindow 2']);
    });

    it('does nothing when no tab matches and no URL is given, and says so', async () => {
      const { fake, deps } = setup();
      await expect(openTarget({ kind: 'focus', tabPattern: '*://crm.example.com/*' }, deps)).resolves.toBe(
        'nothing',
      );
      expect(fake.calls).toEqual([]);
    });

    it('opens the URL when no tab matches and one is given', async () => {
      const { fake, deps } = setup();
      await openTarget(
        { kind: 'focus', tabPattern: '*://crm.example.com/*', url: 'https://crm.example.com/' },
        deps,
      );
      expect(fake.calls).toEqual(['createTab https://crm.example.com/', 'focusWindow 1']);
    });
  });

  it('opens a popup window, 900x700 unless sized, within the sizes validation allows', async () => {
    const { fake, deps } = setup();
    await expect(openTarget({ kind: 'popup', url: 'https://crm.example.com/p' }, deps)).resolves.toBe(
      'openedPopup',
    );
    await openTarget({ kind: 'popup', url: 'https://crm.example.com/p', width: 640.4, height: 480 }, deps);
    await openTarget(
      { kind: 'popup', url: 'https://crm.example.com/p', width: -5, height: Number.NaN },
      deps,
    );
    await openTarget({ kind: 'popup', url: 'https://crm.example.com/p', width: 150, height: 9000 }, deps);
    expect(fake.created).toEqual([
      { url: 'https://crm.example.com/p', type: 'popup', width: 900, height: 700 },
      { url: 'https://crm.example.com/p', type: 'popup', width: 640, height: 480 },
      { url: 'https://crm.example.com/p', type: 'popup', width: 900, height: 700 },
      { url: 'https://crm.example.com/p', type: 'popup', width: 900, height: 4000 },
    ]);
  });

  it('opens a normal window', async () => {
    const { fake, deps } = setup();
    await expect(openTarget({ kind: 'newWindow', url: 'https://crm.example.com/w' }, deps)).resolves.toBe(
      'openedWindow',
    );
    expect(fake.created).toEqual([{ url: 'https://crm.example.com/w', type: 'normal' }]);
  });

  it('shows a frame in the bar', async () => {
    const { fake, frames, deps } = setup();
    await openTarget(
      { kind: 'frame', url: 'https://crm.example.com/f', title: 'Customer', callId: 'c1' },
      deps,
    );
    await openTarget({ kind: 'frame', url: 'https://crm.example.com/g', title: 'Other' }, deps);
    expect(frames).toEqual([
      { url: 'https://crm.example.com/f', title: 'Customer', callId: 'c1', at: NOW },
      { url: 'https://crm.example.com/g', title: 'Other', at: NOW },
    ]);
    expect(fake.calls).toEqual([]);
  });

  it('passes on a failure of the browser', async () => {
    const { fake, deps } = setup([tab(7, 2, 'https://crm.example.com/a')]);
    fake.failWith = new Error('No tab with id: 7.');
    await expect(
      openTarget(
        { kind: 'reuseTab', url: 'https://crm.example.com/x', tabPattern: '*://crm.example.com/*' },
        deps,
      ),
    ).rejects.toThrow('No tab with id: 7.');
  });
});
