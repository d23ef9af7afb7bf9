import { describe, expect, it } from 'vitest';
import { createCrmFocus } from '../../../src/background/notifications/crm-focus';
import { FakeTabs } from '../screen-pop/fakes';

const crmPage = (url: string) => !url.includes('blocked.example.com');

describe('crm focus', () => {
  it('is focused only when a focused window shows a page where the bar runs', async () => {
    const tabs = new FakeTabs([
      { id: 1, windowId: 1, url: 'https://crm.example.com/', active: true },
      { id: 2, windowId: 2, url: 'https://blocked.example.com/', active: true },
      { id: 3, windowId: 3, active: true },
    ]);
    const { crmFocused } = createCrmFocus(tabs, crmPage);
    expect(await crmFocused()).toBe(true);
    tabs.windows = [{ id: 1, focused: false }];
    expect(await crmFocused()).toBe(false);
    tabs.windows = [{ id: 2, focused: true }];
    tabs.lastWindowId = 2;
    expect(await crmFocused()).toBe(false);
    tabs.windows = [{ id: 3, focused: true }];
    tabs.lastWindowId = 3;
    expect(await crmFocused()).toBe(false);
    tabs.lastWindowId = undefined;
    expect(await crmFocused()).toBe(false);
  });

  it('brings the CRM tab used last to the front, else the last window', async () => {
    const tabs = new FakeTabs(
      [
        { id: 1, windowId: 1, url: 'https://blocked.example.com/', active: true, lastAccessed: 30 },
        { id: 2, windowId: 2, url: 'https://crm.example.com/a', active: false, lastAccessed: 10 },
        { id: 3, windowId: 2, url: 'https://crm.example.com/b', active: false, lastAccessed: 20 },
      ],
      [
        { id: 1, focused: false },
        { id: 2, focused: false },
      ],
    );
    const { focusCrm } = createCrmFocus(tabs, crmPage);
    await focusCrm();
    expect(tabs.calls).toEqual(['activateTab 3', 'focusWindow 2']);
    tabs.calls.length = 0;
    tabs.tabs = [tabs.tabs[0]!];
    await focusCrm();
    expect(tabs.calls).toEqual(['focusWindow 1']);
  });
});
