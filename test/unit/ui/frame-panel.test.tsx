// @vitest-environment happy-dom
import nodeConsole from 'node:console';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BarFrame } from '../../../src/core/hub-state';
import { send } from '../../../src/messaging/client';
import { actionError } from '../../../src/ui/actions';
import { FramePanel } from '../../../src/ui/FramePanel';
import { accessibleName, buttonNames, click, getButton, mount, settle } from './dom';
import { NOW } from './fixtures';

vi.mock('../../../src/messaging/client', () => ({ send: vi.fn(async () => undefined) }));
const sendMock = vi.mocked(send);

const RECORD: BarFrame = {
  url: 'https://crm.example.com/record.html?phone=%2B442079460958',
  title: 'Customer card',
  callId: 'call-1',
  at: NOW,
};

let cleanup: (() => Promise<void>) | undefined;
async function show(frame: BarFrame) {
  const view = await mount(<FramePanel frame={frame} />);
  cleanup = view.unmount;
  return view.root;
}

beforeEach(() => {
  // happy-dom loads no frames and says so on Node's console; the frame's attributes are what is tested.
  vi.spyOn(nodeConsole, 'error').mockImplementation(() => undefined);
  sendMock.mockReset();
  sendMock.mockResolvedValue(undefined);
  actionError.value = undefined;
});
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
  vi.restoreAllMocks();
});

/** Puts the tab in front or in the background, as the browser does when the agent switches tabs. */
async function setTabVisible(visible: boolean) {
  vi.spyOn(document, 'visibilityState', 'get').mockReturnValue(visible ? 'visible' : 'hidden');
  await act(async () => {
    document.dispatchEvent(new Event('visibilitychange'));
    await settle();
  });
}

const openInTab = (root: HTMLElement) =>
  Array.from(root.querySelectorAll('a')).find((a) => accessibleName(a) === 'Open in tab');

describe('FramePanel', () => {
  it('shows the page in a sandboxed frame under its title', async () => {
    const root = await show(RECORD);
    const section = root.querySelector('section') as HTMLElement;
    expect(accessibleName(section)).toBe('Customer card');
    const frame = root.querySelector('iframe') as HTMLIFrameElement;
    expect(frame.getAttribute('src')).toBe(RECORD.url);
    expect(frame.getAttribute('title')).toBe('Customer card');
    expect(frame.getAttribute('sandbox')?.split(' ').sort()).toEqual([
      'allow-forms',
      'allow-popups',
      'allow-same-origin',
      'allow-scripts',
    ]);
    expect(frame.getAttribute('referrerpolicy')).toBe('no-referrer');
  });

  it('opens the page in a tab through a plain link that leaks nothing', async () => {
    const root = await show(RECORD);
    const link = openInTab(root);
    expect(link?.getAttribute('href')).toBe(RECORD.url);
    expect(link?.getAttribute('target')).toBe('_blank');
    expect(link?.getAttribute('rel')?.split(' ').sort()).toEqual(['noopener', 'noreferrer']);
  });

  it('"Close" asks the hub to close the frame', async () => {
    const root = await show(RECORD);
    expect(buttonNames(root)).toEqual(['Close']);
    await click(getButton(root, 'Close'));
    expect(sendMock).toHaveBeenCalledWith('closeFrame', undefined);
  });

  it('in a background tab, loads nothing until the agent switches to the tab, then keeps the page', async () => {
    await setTabVisible(false);
    const root = await show(RECORD);
    expect(root.querySelector('iframe')).toBeNull();
    expect(accessibleName(root.querySelector('section') as HTMLElement)).toBe('Customer card');
    expect(openInTab(root)?.getAttribute('href')).toBe(RECORD.url);
    expect(buttonNames(root)).toEqual(['Close']);
    expect(root.textContent).toContain('The page loads here when you switch to this tab.');

    await setTabVisible(true);
    expect(root.querySelector('iframe')?.getAttribute('src')).toBe(RECORD.url);
    expect(root.textContent).not.toContain('when you switch to this tab');
    const frame = root.querySelector('iframe');
    // Hidden again: the same frame stays (no second load, nothing typed in it lost).
    await setTabVisible(false);
    expect(root.querySelector('iframe')).toBe(frame);
  });

  it('refuses anything but http(s), and can still be closed', async () => {
    for (const url of [
      'javascript:alert(1)',
      'data:text/html,<p>hi</p>',
      'chrome-extension://x/options.html',
      'not a url',
    ]) {
      const root = await show({ ...RECORD, url });
      expect(root.querySelector('iframe'), url).toBeNull();
      expect(root.querySelector('a'), url).toBeNull();
      expect(root.querySelector('[role="alert"]')?.textContent).toContain('only http and https');
      expect(buttonNames(root)).toEqual(['Close']);
      await cleanup?.();
      cleanup = undefined;
    }
  });
});
