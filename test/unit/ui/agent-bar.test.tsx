// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AgentBar } from '../../../content-scripts/agent-bar/AgentBar';
import { HOST_TAG, type MountedHost, mountHost } from '../../../content-scripts/agent-bar/host';
import { DEFAULT_PLACEMENT, placementKey } from '../../../content-scripts/agent-bar/placement';
import type { HubState } from '../../../src/core/hub-state';
import { send } from '../../../src/messaging/client';
import { hubLinked, hubState } from '../../../src/messaging/live-state';
import { actionError } from '../../../src/ui/actions';
import { accessibleName, buttonNames, click, getButton, press, queryButton, settle } from './dom';
import { makeCall, makeState, NOW } from './fixtures';

const fake = vi.hoisted(() => ({
  browser: undefined as unknown as ReturnType<typeof import('./fake-browser').createFakeBrowser>,
}));
vi.mock('webextension-polyfill', async () => {
  const { createFakeBrowser } = await import('./fake-browser');
  fake.browser = createFakeBrowser();
  return { default: fake.browser };
});
vi.mock('../../../src/messaging/client', () => ({ send: vi.fn(async () => undefined) }));
const sendMock = vi.mocked(send);

const ORIGIN = 'https://crm.example.com';
let mounted: MountedHost | undefined;
const hosts: MountedHost[] = [];
function track(host: MountedHost | undefined) {
  if (host) hosts.push(host);
  return host;
}

function shadow(): ShadowRoot {
  const host = document.querySelector(HOST_TAG);
  if (!host?.shadowRoot) throw new Error('no open shadow root');
  return host.shadowRoot;
}
const region = () => shadow().querySelector('[aria-label="Agent bar"]') as HTMLElement | null;

async function setState(state: HubState | undefined, linked = true) {
  await act(async () => {
    hubState.value = state;
    hubLinked.value = linked;
    await settle();
  });
  // The first state starts loading the placement; let that load land too.
  await act(() => settle());
}

async function startBar() {
  mounted = track(mountHost(document, ':host{}', { acceptUntrusted: true }));
  await act(() => {
    render(<AgentBar origin={ORIGIN} />, (mounted as MountedHost).mount);
  });
}

beforeEach(() => {
  vi.useFakeTimers({
    now: NOW,
    toFake: ['Date', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'],
  });
  fake.browser.store.clear();
  fake.browser.storage.local.set.mockClear();
  fake.browser.storage.local.get.mockClear();
  sendMock.mockReset();
  sendMock.mockResolvedValue(undefined);
  actionError.value = undefined;
  hubState.value = undefined;
  hubLinked.value = false;
});
afterEach(async () => {
  if (mounted) await act(() => render(null, (mounted as MountedHost).mount));
  for (const host of hosts.splice(0)) host.remove();
  mounted = undefined;
  vi.useRealTimers();
});

describe('host element', () => {
  it('is one custom element on <html> with an open shadow root holding the styles', () => {
    const inner = track(mountHost(document, '.x{color:red}'))?.mount;
    const host = document.documentElement.lastElementChild;
    expect(host?.localName).toBe(HOST_TAG);
    expect(host?.shadowRoot?.querySelector('style')?.textContent).toBe('.x{color:red}');
    expect(inner?.getRootNode()).toBe(host?.shadowRoot);
  });

  it('does nothing the second time', () => {
    expect(track(mountHost(document, ''))).toBeDefined();
    expect(track(mountHost(document, ''))).toBeUndefined();
    expect(document.querySelectorAll(HOST_TAG)).toHaveLength(1);
  });

  it('keeps typing in the bar away from the page’s shortcuts', () => {
    const inner = (track(mountHost(document, '')) as MountedHost).mount;
    const input = document.createElement('input');
    inner.append(input);
    const pageListener = vi.fn();
    document.addEventListener('keydown', pageListener);
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'c', bubbles: true, composed: true }));
    document.removeEventListener('keydown', pageListener);
    expect(pageListener).not.toHaveBeenCalled();
  });
});

describe('agent bar', () => {
  it('renders nothing and reads no storage until the hub state arrives', async () => {
    await startBar();
    expect(region()).toBeNull();
    expect(fake.browser.storage.local.get).not.toHaveBeenCalled();
    await setState(makeState());
    expect(region()?.localName).toBe('section');
    expect(accessibleName(region() as HTMLElement)).toBe('Agent bar');
    expect(fake.browser.storage.local.get).toHaveBeenCalledWith(placementKey(ORIGIN));
  });

  it('shows the call with the contract names and the number as text', async () => {
    await startBar();
    await setState(makeState({ calls: [makeCall()] }));
    const names = buttonNames(shadow());
    for (const name of ['Hang up', 'Hold', 'Mute', 'Transfer', 'Keypad', 'Move agent bar', 'Dock left']) {
      expect(names).toContain(name);
    }
    expect(shadow().querySelector('select')).not.toBeNull();
    expect(shadow().textContent).toContain('+44 20 7946 0958');
  });

  it('says when it lost the hub', async () => {
    await startBar();
    await setState(makeState(), false);
    expect(shadow().textContent).toContain('Reconnecting to Demo PBX…');
  });

  it('minimizes to a handle and opens again, moving focus along', async () => {
    await startBar();
    await setState(makeState());
    await click(getButton(shadow(), 'Minimize agent bar'));
    expect(queryButton(shadow(), 'Dial')).toBeUndefined();
    const open = getButton(shadow(), 'Open agent bar');
    expect(shadow().activeElement).toBe(open);
    expect(accessibleName(region() as HTMLElement)).toBe('Agent bar');
    await click(open);
    expect(shadow().activeElement).toBe(getButton(shadow(), 'Minimize agent bar'));
  });

  it('a call ringing while minimized shows up with its own Answer button', async () => {
    await startBar();
    await setState(makeState());
    await click(getButton(shadow(), 'Minimize agent bar'));
    await setState(makeState({ calls: [makeCall({ state: 'ringing', answeredAt: undefined })] }));
    expect(shadow().textContent).toContain('Incoming call from +44 20 7946 0958');
    await click(getButton(shadow(), 'Answer'));
    expect(sendMock).toHaveBeenCalledWith('command', { type: 'answer', callId: 'call-1' });
  });

  it('hides to a tab on the edge, which a ringing call replaces by the handle', async () => {
    await startBar();
    await setState(makeState());
    await click(getButton(shadow(), 'Hide agent bar'));
    expect(buttonNames(shadow())).toEqual(['Show agent bar']);
    await setState(makeState({ calls: [makeCall({ state: 'ringing', answeredAt: undefined })] }));
    expect(queryButton(shadow(), 'Answer')).toBeDefined();
    expect(queryButton(shadow(), 'Open agent bar')).toBeDefined();
  });

  it('remembers its place for the site, and only its place', async () => {
    await startBar();
    await setState(makeState());
    await click(getButton(shadow(), 'Dock left'));
    expect(getButton(shadow(), 'Dock left').getAttribute('aria-pressed')).toBe('true');
    expect(region()?.dataset.mode).toBe('left');
    // A deliberate choice is written at once: a reload right after must keep it.
    await act(() => settle());
    expect([...fake.browser.store.keys()]).toEqual([placementKey(ORIGIN)]);
    const stored = fake.browser.store.get(placementKey(ORIGIN)) as Record<string, unknown>;
    expect(Object.keys(stored).sort()).toEqual(Object.keys(DEFAULT_PLACEMENT).sort());
    expect(stored).toMatchObject({ mode: 'left', view: 'open' });
  });

  it('comes back where it was left', async () => {
    fake.browser.store.set(placementKey(ORIGIN), { ...DEFAULT_PLACEMENT, mode: 'right', view: 'hidden' });
    await startBar();
    await setState(makeState());
    expect(buttonNames(shadow())).toEqual(['Show agent bar']);
    expect(region()?.dataset.side).toBe('right');
  });

  it('moves with the arrow keys', async () => {
    await startBar();
    await setState(makeState());
    const bar = region() as HTMLElement;
    const before = Number.parseFloat(bar.style.left);
    await press(getButton(shadow(), 'Move agent bar'), 'ArrowLeft');
    expect(Number.parseFloat(bar.style.left)).toBe(before - 10);
    expect(fake.browser.storage.local.set).not.toHaveBeenCalled();
    await act(() => {
      vi.advanceTimersByTime(500);
    });
    expect(fake.browser.storage.local.set).toHaveBeenCalledTimes(1);
    await press(getButton(shadow(), 'Move agent bar'), 'ArrowUp', { shiftKey: true });
    expect(bar.dataset.mode).toBe('float');
  });

  it('follows a pointer drag on the handle', async () => {
    await startBar();
    await setState(makeState());
    const handle = getButton(shadow(), 'Move agent bar');
    await act(() => {
      handle.dispatchEvent(
        new PointerEvent('pointerdown', { bubbles: true, button: 0, pointerId: 1, clientX: 20, clientY: 10 }),
      );
      handle.dispatchEvent(
        new PointerEvent('pointermove', { bubbles: true, pointerId: 1, clientX: 220, clientY: 110 }),
      );
      handle.dispatchEvent(
        new PointerEvent('pointerup', { bubbles: true, pointerId: 1, clientX: 220, clientY: 110 }),
      );
    });
    const bar = region() as HTMLElement;
    expect(bar.style.left).toBe('200px');
    expect(bar.style.top).toBe('100px');
    await act(() => settle());
    expect(fake.browser.store.get(placementKey(ORIGIN))).toMatchObject({
      mode: 'float',
      anchorX: 'left',
      x: 200,
      y: 100,
    });
  });

  it('writes a drag once, when it ends', async () => {
    await startBar();
    await setState(makeState());
    const handle = getButton(shadow(), 'Move agent bar');
    await act(async () => {
      handle.dispatchEvent(
        new PointerEvent('pointerdown', { bubbles: true, button: 0, pointerId: 7, clientX: 20, clientY: 10 }),
      );
      for (let x = 30; x < 130; x += 10) {
        handle.dispatchEvent(
          new PointerEvent('pointermove', { bubbles: true, pointerId: 7, clientX: x, clientY: 10 }),
        );
        await settle();
      }
    });
    expect(fake.browser.storage.local.set).not.toHaveBeenCalled();
    await act(async () => {
      handle.dispatchEvent(
        new PointerEvent('pointerup', { bubbles: true, pointerId: 7, clientX: 120, clientY: 10 }),
      );
      await settle();
    });
    expect(fake.browser.storage.local.set).toHaveBeenCalledTimes(1);
  });
});

describe('host guard', () => {
  it('stops untrusted (page-forged) events before our handlers see them', () => {
    const guarded = mountHost(document, '') as MountedHost;
    const button = document.createElement('button');
    let clicks = 0;
    button.addEventListener('click', () => clicks++);
    guarded.mount.append(button);
    button.click();
    button.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(clicks).toBe(0);
    guarded.remove();
  });
});
