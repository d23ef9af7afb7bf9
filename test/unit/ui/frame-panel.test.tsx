// @vitest-environment happy-dom
import nodeConsole from 'node:console';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BarFrame } from '../../../src/core/hub-state';
import { send } from '../../../src/messaging/client';
import { actionError } from '../../../src/ui/actions';
import { FramePanel } from '../../../src/ui/FramePanel';
import { accessibleName, buttonNames, click, getButton, mount } from './dom';
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
    const link = Array.from(root.querySelectorAll('a')).find((a) => accessibleName(a) === 'Open in tab');
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
