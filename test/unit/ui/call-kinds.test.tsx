// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HubState } from '../../../src/core/hub-state';
import { send } from '../../../src/messaging/client';
import { actionError } from '../../../src/ui/actions';
import { Softphone } from '../../../src/ui/Softphone';
import { accessibleName, buttonNames, click, getButton, mount, queryButton } from './dom';
import { FULL_CAPS, makeCall, makeState, NOW } from './fixtures';

vi.mock('../../../src/messaging/client', () => ({ send: vi.fn(async () => undefined) }));
const sendMock = vi.mocked(send);

const CALL_BUTTONS = [
  'Answer',
  'Decline',
  'Hang up',
  'Hold',
  'Resume',
  'Mute',
  'Unmute',
  'Toggle camera',
  'Transfer',
  'Keypad',
];
const callButtons = (root: HTMLElement) => buttonNames(root).filter((name) => CALL_BUTTONS.includes(name));
const header = (root: HTMLElement) => root.querySelector('.sb-call-dir')?.textContent;

let cleanup: (() => Promise<void>) | undefined;
async function show(state: HubState) {
  const view = await mount(<Softphone state={state} linked />);
  cleanup = view.unmount;
  return view.root;
}

beforeEach(() => {
  vi.useFakeTimers({ now: NOW, toFake: ['Date', 'setInterval', 'clearInterval'] });
  sendMock.mockReset();
  sendMock.mockResolvedValue(undefined);
  actionError.value = undefined;
});
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
  vi.useRealTimers();
});

describe('a web chat', () => {
  const caps = { ...FULL_CAPS, chat: true };

  it('says it is a web chat, and rings with Answer and Decline', async () => {
    const root = await show(
      makeState({
        capabilities: caps,
        calls: [makeCall({ media: 'chat', state: 'ringing', answeredAt: undefined })],
      }),
    );
    expect(header(root)).toBe('Web chat');
    expect(callButtons(root)).toEqual(['Answer', 'Decline']);
    await click(getButton(root, 'Answer'));
    expect(sendMock).toHaveBeenLastCalledWith('command', { type: 'answer', callId: 'call-1' });
  });

  it('has no Hold, Mute or Keypad once answered: there is no audio', async () => {
    const root = await show(makeState({ capabilities: caps, calls: [makeCall({ media: 'chat' })] }));
    expect(callButtons(root)).toEqual(['Transfer', 'Hang up']);
    await click(getButton(root, 'Hang up'));
    expect(sendMock).toHaveBeenLastCalledWith('command', { type: 'hangup', callId: 'call-1' });
  });
});

describe('a campaign call', () => {
  it('names the campaign in the header, once', async () => {
    const root = await show(
      makeState({
        calls: [makeCall({ direction: 'outbound', campaign: 'Spring renewals', queue: 'Sales' })],
      }),
    );
    expect(header(root)).toBe('Campaign Spring renewals');
    expect(root.querySelector('.sb-call-meta')?.textContent).toBe('QueueSales');
    expect(root.textContent?.split('Spring renewals')).toHaveLength(2);
  });

  it('a web chat keeps its campaign under the number', async () => {
    const root = await show(makeState({ calls: [makeCall({ media: 'chat', campaign: 'Web leads' })] }));
    expect(header(root)).toBe('Web chat');
    expect(root.querySelector('.sb-call-meta')?.textContent).toBe('CampaignWeb leads');
  });

  it('plain calls still say which way they go', async () => {
    const root = await show(makeState({ calls: [makeCall()] }));
    expect(header(root)).toBe('Incoming');
  });
});

describe('a video call', () => {
  const video = makeCall({ media: 'video' });

  it('says so and toggles the camera when the vendor does video', async () => {
    const root = await show(makeState({ capabilities: { ...FULL_CAPS, video: true }, calls: [video] }));
    expect(header(root)).toBe('Incoming video call');
    const camera = getButton(root, 'Toggle camera');
    expect(camera.textContent).toBe('Camera');
    expect(callButtons(root)).toEqual(['Hold', 'Mute', 'Toggle camera', 'Transfer', 'Keypad', 'Hang up']);
    await click(camera);
    expect(sendMock).toHaveBeenLastCalledWith('command', {
      type: 'camera',
      callId: 'call-1',
      action: 'toggle',
    });
  });

  it('has no camera button without the video capability; with it, a voice call can turn the camera on', async () => {
    const noVideo = await show(makeState({ calls: [video] }));
    expect(queryButton(noVideo, 'Toggle camera')).toBeUndefined();
    await cleanup?.();
    const voice = await show(makeState({ capabilities: { ...FULL_CAPS, video: true }, calls: [makeCall()] }));
    expect(queryButton(voice, 'Toggle camera')).toBeDefined();
    await cleanup?.();
    const chat = await show(
      makeState({ capabilities: { ...FULL_CAPS, video: true }, calls: [makeCall({ media: 'chat' })] }),
    );
    expect(queryButton(chat, 'Toggle camera')).toBeUndefined();
  });

  it('has no camera button while held', async () => {
    const caps = { ...FULL_CAPS, video: true };
    const held = await show(makeState({ capabilities: caps, calls: [{ ...video, state: 'held' }] }));
    expect(queryButton(held, 'Toggle camera')).toBeUndefined();
  });
});

describe('switch line', () => {
  const consulting = makeCall({ transfer: { kind: 'attended', target: '201', phase: 'consulting' } });

  it('switches between the caller and the consulted party', async () => {
    const root = await show(
      makeState({ capabilities: { ...FULL_CAPS, switchLine: true }, calls: [consulting] }),
    );
    const panel = root.querySelector('.sb-transfer') as HTMLElement;
    expect(buttonNames(panel)).toEqual(['Complete transfer', 'Cancel transfer', 'Switch line']);
    await click(getButton(root, 'Switch line'));
    expect(sendMock).toHaveBeenLastCalledWith('command', { type: 'switchLine', callId: 'call-1' });
  });

  it('is absent without the capability, and outside a consultation', async () => {
    const without = await show(makeState({ calls: [consulting] }));
    expect(queryButton(without, 'Switch line')).toBeUndefined();
    await cleanup?.();
    const caps = { ...FULL_CAPS, switchLine: true };
    const plain = await show(makeState({ capabilities: caps, calls: [makeCall()] }));
    await click(getButton(plain, 'Transfer'));
    expect(queryButton(plain, 'Switch line')).toBeUndefined();
  });

  it('shows the hub’s refusal', async () => {
    sendMock.mockRejectedValueOnce(new Error('Switching lines is not supported by Tegsoft'));
    const root = await show(
      makeState({ capabilities: { ...FULL_CAPS, switchLine: true }, calls: [consulting] }),
    );
    await click(getButton(root, 'Switch line'));
    const alert = root.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('Switching lines is not supported by Tegsoft');
    expect(accessibleName(getButton(root, 'Dismiss error'))).toBe('Dismiss error');
  });
});
