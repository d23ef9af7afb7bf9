// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NO_CAPABILITIES } from '../../../src/core/capabilities';
import { send } from '../../../src/messaging/client';
import { actionError } from '../../../src/ui/actions';
import { Softphone } from '../../../src/ui/Softphone';
import { buttonNames, click, getButton, getField, mount, press, queryButton, typeInto } from './dom';
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
  'Transfer',
  'Keypad',
];
const callButtons = (root: HTMLElement) => buttonNames(root).filter((name) => CALL_BUTTONS.includes(name));

let cleanup: (() => Promise<void>) | undefined;
async function show(...args: Parameters<typeof makeState>) {
  const view = await mount(<Softphone state={makeState(...args)} linked />);
  cleanup = view.unmount;
  return view.root;
}

beforeEach(() => {
  vi.useFakeTimers({
    now: NOW,
    toFake: ['Date', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'],
  });
  sendMock.mockReset();
  sendMock.mockResolvedValue(undefined);
  actionError.value = undefined;
});
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
  vi.useRealTimers();
});

describe('a ringing inbound call', () => {
  const ringing = makeCall({
    state: 'ringing',
    answeredAt: undefined,
    createdAt: NOW - 7_000,
    queue: 'Sales',
  });

  it('offers Answer and Decline, and nothing that needs a connected call', async () => {
    const root = await show({ calls: [ringing] });
    expect(callButtons(root)).toEqual(['Answer', 'Decline']);
  });

  it('answers and declines the focused call by its id', async () => {
    const root = await show({ calls: [ringing] });
    await click(getButton(root, 'Answer'));
    expect(sendMock).toHaveBeenLastCalledWith('command', { type: 'answer', callId: 'call-1' });
    await click(getButton(root, 'Decline'));
    expect(sendMock).toHaveBeenLastCalledWith('command', { type: 'reject', callId: 'call-1' });
  });

  it('shows who calls, from where, and the ring time', async () => {
    const root = await show({
      calls: [{ ...ringing, remoteName: 'Ada Lovelace', remoteNumber: '00442079460958' }],
    });
    const text = root.textContent ?? '';
    expect(text).toContain('Ada Lovelace');
    expect(text).toContain('00442079460958');
    expect(text).toContain('+44 20 7946 0958');
    expect(text).toContain('Incoming');
    expect(text).toContain('Ringing');
    expect(text).toContain('Sales');
    expect(root.querySelector('[role="timer"]')?.textContent).toBe('0:07');
  });

  it('keeps the timer running', async () => {
    const root = await show({ calls: [ringing] });
    const { act } = await import('preact/test-utils');
    await act(() => {
      vi.advanceTimersByTime(5_000);
    });
    expect(root.querySelector('[role="timer"]')?.textContent).toBe('0:12');
  });

  it('has no Decline button when the vendor cannot reject', async () => {
    const root = await show({ calls: [ringing], capabilities: { ...FULL_CAPS, reject: false } });
    expect(callButtons(root)).toEqual(['Answer']);
  });
});

describe('controls follow capabilities', () => {
  it('a connected call with every capability', async () => {
    const root = await show({ calls: [makeCall()] });
    expect(callButtons(root)).toEqual(['Hold', 'Mute', 'Transfer', 'Keypad', 'Hang up']);
  });

  it('a vendor that can only hang up', async () => {
    const root = await show({ calls: [makeCall()], capabilities: { ...NO_CAPABILITIES, hangup: true } });
    expect(callButtons(root)).toEqual(['Hang up']);
  });

  it('a vendor that can do nothing shows no call buttons at all', async () => {
    const root = await show({ calls: [makeCall()], capabilities: NO_CAPABILITIES });
    expect(callButtons(root)).toEqual([]);
    expect(queryButton(root, 'Dial')).toBeUndefined();
  });

  it('transfer without consult offers only a blind transfer', async () => {
    const root = await show({ calls: [makeCall()], capabilities: { ...FULL_CAPS, attendedTransfer: false } });
    await click(getButton(root, 'Transfer'));
    expect(queryButton(root, 'Blind transfer')).toBeDefined();
    expect(queryButton(root, 'Consult')).toBeUndefined();
  });

  it('no transfer capability, no Transfer button', async () => {
    const root = await show({
      calls: [makeCall()],
      capabilities: { ...FULL_CAPS, attendedTransfer: false, blindTransfer: false },
    });
    expect(queryButton(root, 'Transfer')).toBeUndefined();
  });
});

describe('hold and mute', () => {
  it('Hold on a connected call, Resume on a held one', async () => {
    const root = await show({ calls: [makeCall()] });
    await click(getButton(root, 'Hold'));
    expect(sendMock).toHaveBeenLastCalledWith('command', { type: 'hold', callId: 'call-1' });
    expect(queryButton(root, 'Resume')).toBeUndefined();
    await cleanup?.();

    const held = await show({ calls: [makeCall({ state: 'held' })] });
    expect(queryButton(held, 'Hold')).toBeUndefined();
    await click(getButton(held, 'Resume'));
    expect(sendMock).toHaveBeenLastCalledWith('command', { type: 'resume', callId: 'call-1' });
    expect(held.textContent).toContain('On hold');
  });

  it('Mute or Unmute by the muted flag', async () => {
    const root = await show({ calls: [makeCall({ muted: true })] });
    expect(queryButton(root, 'Mute')).toBeUndefined();
    await click(getButton(root, 'Unmute'));
    expect(sendMock).toHaveBeenLastCalledWith('command', { type: 'unmute', callId: 'call-1' });
  });

  it('hangs up', async () => {
    const root = await show({ calls: [makeCall({ state: 'dialing', direction: 'outbound' })] });
    expect(callButtons(root)).toEqual(['Hang up']);
    await click(getButton(root, 'Hang up'));
    expect(sendMock).toHaveBeenLastCalledWith('command', { type: 'hangup', callId: 'call-1' });
  });
});

describe('errors from the hub', () => {
  it('are shown to the agent, not swallowed', async () => {
    sendMock.mockRejectedValueOnce(new Error('Hold is not supported by Demo PBX'));
    const root = await show({ calls: [makeCall()] });
    await click(getButton(root, 'Hold'));
    const alert = root.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('Hold is not supported by Demo PBX');
    await click(getButton(root, 'Dismiss error'));
    expect(root.querySelector('[role="alert"]')).toBeNull();
  });
});

describe('transfer', () => {
  it('blind-transfers to the typed number', async () => {
    const root = await show({ calls: [makeCall()] });
    await click(getButton(root, 'Transfer'));
    expect(getButton(root, 'Transfer').getAttribute('aria-expanded')).toBe('true');
    await typeInto(getField(root, 'Transfer to'), '201 555-0100');
    await click(getButton(root, 'Blind transfer'));
    expect(sendMock).toHaveBeenLastCalledWith('command', {
      type: 'blindTransfer',
      callId: 'call-1',
      target: '2015550100',
    });
  });

  it('consults, and refuses an empty target with a message', async () => {
    const root = await show({ calls: [makeCall()] });
    await click(getButton(root, 'Transfer'));
    await click(getButton(root, 'Consult'));
    expect(sendMock).not.toHaveBeenCalled();
    expect(root.textContent).toContain('Type the number or extension to transfer to.');
    await typeInto(getField(root, 'Transfer to'), '201');
    await click(getButton(root, 'Consult'));
    expect(sendMock).toHaveBeenLastCalledWith('command', {
      type: 'attendedTransfer',
      callId: 'call-1',
      target: '201',
    });
  });

  it('while consulting offers Complete transfer and Cancel transfer', async () => {
    const root = await show({
      calls: [makeCall({ transfer: { kind: 'attended', target: '201', phase: 'consulting' } })],
    });
    expect(root.textContent).toContain('Consulting 201');
    await click(getButton(root, 'Complete transfer'));
    expect(sendMock).toHaveBeenLastCalledWith('command', { type: 'completeTransfer', callId: 'call-1' });
    await click(getButton(root, 'Cancel transfer'));
    expect(sendMock).toHaveBeenLastCalledWith('command', { type: 'cancelTransfer', callId: 'call-1' });
  });

  it('Escape closes the panel and returns focus to Transfer', async () => {
    const root = await show({ calls: [makeCall()] });
    await click(getButton(root, 'Transfer'));
    const field = getField(root, 'Transfer to');
    await press(field, 'Escape');
    expect(root.querySelector('input[aria-invalid], .sb-transfer')).toBeNull();
    expect(document.activeElement).toBe(getButton(root, 'Transfer'));
  });
});

describe('keypad', () => {
  it('sends touch tones on the connected call', async () => {
    const root = await show({ calls: [makeCall({ dtmf: '12' })] });
    expect(queryButton(root, 'New call')).toBeDefined();
    await click(getButton(root, 'Keypad'));
    await click(getButton(root, '5'));
    expect(sendMock).toHaveBeenLastCalledWith('command', { type: 'dtmf', callId: 'call-1', digits: '5' });
    expect(root.querySelector('output')?.textContent).toBe('12');
  });
});
