import { describe, expect, it, vi } from 'vitest';
import { followVendorRequests } from '../../../src/background/vendor-requests/vendor-requests';
import type { BarFrame, HubState } from '../../../src/core/hub-state';
import type { VendorEvent } from '../../../src/core/vendor-events';
import { FakeTabs } from '../screen-pop/fakes';
import { makeCall, makeState } from '../ui/fixtures';

function setup() {
  const listeners = new Set<(event: VendorEvent) => void>();
  const frames: (BarFrame | undefined)[] = [];
  const notices: string[] = [];
  const hub = {
    current: makeState({ calls: [makeCall({ id: 'call-1', vendorCallIds: ['1599601698.94'] })] }) as HubState,
    onVendorEvent: (listener: (event: VendorEvent) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setFrame: (frame: BarFrame | undefined) => void frames.push(frame),
    dispatch: (event: VendorEvent) => {
      if (event.type === 'notice') notices.push(event.text);
    },
  };
  const tabs = new FakeTabs();
  const notify = vi.fn(async () => {});
  const stop = followVendorRequests({ hub, tabs, notify, now: () => 1000, log: () => {} });
  const emit = async (event: VendorEvent) => {
    for (const listener of listeners) listener(event);
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { tabs, frames, notices, notify, emit, stop, listeners };
}

describe('vendor requests (AgentCTI, AgentCTINotification)', () => {
  it('opens a page in a new tab, a new window, or the bar frame tied to the call', async () => {
    const { tabs, frames, emit } = setup();
    await emit({ type: 'openPage', at: 1, url: 'https://crm.example.com/a', mode: 'newTab' });
    await emit({ type: 'openPage', at: 1, url: 'https://crm.example.com/b', mode: 'newWindow' });
    await emit({
      type: 'openPage',
      at: 1,
      url: 'https://crm.example.com/c',
      mode: 'frame',
      vendorCallId: '1599601698.94',
    });
    expect(tabs.calls[0]).toBe('createTab https://crm.example.com/a');
    expect(tabs.created.map((window) => window.url)).toContain('https://crm.example.com/b');
    expect(frames).toEqual([
      { url: 'https://crm.example.com/c', title: 'Contact center', callId: 'call-1', at: 1000 },
    ]);
  });

  it('refuses anything but http(s), telling the agent', async () => {
    const { tabs, frames, notices, emit } = setup();
    await emit({ type: 'openPage', at: 1, url: 'javascript:alert(1)', mode: 'newTab' });
    await emit({ type: 'openPage', at: 1, url: 'data:text/html,x', mode: 'frame' });
    expect(tabs.calls).toEqual([]);
    expect(frames).toEqual([]);
    expect(notices).toHaveLength(2);
    expect(notices[0]).toContain('was not opened');
  });

  it('shows desktop notices as notifications, and only those', async () => {
    const { notify, emit, stop, listeners } = setup();
    await emit({
      type: 'notice',
      at: 1,
      level: 'info',
      text: 'Call the customer back',
      title: 'Reminder',
      desktop: true,
    });
    await emit({ type: 'notice', at: 1, level: 'warning', text: 'Reconnecting' });
    expect(notify).toHaveBeenCalledTimes(1);
    expect(notify).toHaveBeenCalledWith({ title: 'Reminder', message: 'Call the customer back' });
    stop();
    expect(listeners.size).toBe(0);
  });
});
