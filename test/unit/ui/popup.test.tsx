// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PopupApp } from '../../../popup/PopupApp';
import type { HubState } from '../../../src/core/hub-state';
import { send } from '../../../src/messaging/client';
import { hubLinked, hubState } from '../../../src/messaging/live-state';
import { actionError } from '../../../src/ui/actions';
import { click, getButton, getField, mount, queryButton } from './dom';
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

let cleanup: (() => Promise<void>) | undefined;
async function show(state: HubState | undefined) {
  hubState.value = state;
  hubLinked.value = state !== undefined;
  const view = await mount(<PopupApp />);
  cleanup = view.unmount;
  return view.root;
}

const missed = makeCall({
  id: 'old',
  state: 'ended',
  remoteNumber: '+12125550100',
  remoteE164: '+12125550100',
  remoteName: 'Front desk',
  createdAt: NOW - 3_600_000,
  answeredAt: NOW - 3_590_000,
  endedAt: NOW - 3_500_000,
  endReason: 'remoteHangup',
});

beforeEach(() => {
  vi.useFakeTimers({ now: NOW, toFake: ['Date', 'setInterval', 'clearInterval'] });
  sendMock.mockReset();
  sendMock.mockResolvedValue(undefined);
  actionError.value = undefined;
});
afterEach(async () => {
  await cleanup?.();
  vi.useRealTimers();
});

describe('popup', () => {
  it('waits for the hub', async () => {
    const root = await show(undefined);
    expect(root.textContent).toContain('Connecting to Softbar…');
  });

  it('offers a simulated call with the demo vendor only', async () => {
    const root = await show(makeState());
    await click(getButton(root, 'Simulate incoming call'));
    expect(sendMock).toHaveBeenCalledWith('simulateIncoming', undefined);
    await cleanup?.();
    const other = await show(makeState({ session: { profileId: 'p', vendorId: 'xcally', label: 'xCALLY' } }));
    expect(queryButton(other, 'Simulate incoming call')).toBeUndefined();
  });

  it('opens the options page', async () => {
    const root = await show(makeState());
    await click(getButton(root, 'Options'));
    expect(fake.browser.runtime.openOptionsPage).toHaveBeenCalled();
  });

  it('lists recent calls and puts a picked number in the dial field', async () => {
    const root = await show(makeState({ recent: [missed] }));
    const text = root.textContent ?? '';
    expect(text).toContain('Front desk');
    expect(text).toContain('Other side hung up');
    expect(text).toContain('1:30');
    await click(getButton(root, '+1 212 555 0100'));
    const field = getField(root, 'Number to dial');
    expect(field.value).toBe('+12125550100');
    await act(() => undefined);
    expect(document.activeElement).toBe(field);
  });

  it('opens the dial field from a recent call during a live call', async () => {
    const root = await show(makeState({ recent: [missed], calls: [makeCall()] }));
    expect(queryButton(root, 'Dial')).toBeUndefined();
    await click(getButton(root, '+1 212 555 0100'));
    expect(getField(root, 'Number to dial').value).toBe('+12125550100');
    expect(queryButton(root, 'Dial')).toBeDefined();
  });

  it('has the same call controls as the bar', async () => {
    const root = await show(makeState({ calls: [makeCall({ state: 'held' })] }));
    await click(getButton(root, 'Resume'));
    expect(sendMock).toHaveBeenCalledWith('command', { type: 'resume', callId: 'call-1' });
  });
});
