// @vitest-environment happy-dom
import { useState } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { send } from '../../../src/messaging/client';
import { actionError } from '../../../src/ui/actions';
import { DialForm, dialProblem } from '../../../src/ui/DialForm';
import { click, getButton, getField, mount, press, settle } from './dom';

vi.mock('../../../src/messaging/client', () => ({ send: vi.fn(async () => undefined) }));
const sendMock = vi.mocked(send);

function Harness({ initial = '' }: { initial?: string }) {
  const [value, setValue] = useState(initial);
  return <DialForm value={value} onValueChange={setValue} />;
}

let cleanup: (() => Promise<void>) | undefined;
async function show(initial?: string) {
  const view = await mount(<Harness initial={initial} />);
  cleanup = view.unmount;
  return view.root;
}

beforeEach(() => {
  sendMock.mockReset();
  sendMock.mockResolvedValue(undefined);
  actionError.value = undefined;
});
afterEach(async () => {
  await cleanup?.();
});

describe('dialing', () => {
  it('dials the normalized number and clears the field', async () => {
    const root = await show('+44 (20) 7946-0958');
    await click(getButton(root, 'Dial'));
    expect(sendMock).toHaveBeenCalledWith('command', { type: 'dial', number: '+442079460958' });
    expect(getField(root, 'Number to dial').value).toBe('');
  });

  it('dials on Enter', async () => {
    const root = await show('201');
    await press(getField(root, 'Number to dial'), 'Enter');
    expect(sendMock).toHaveBeenCalledWith('command', { type: 'dial', number: '201' });
  });

  it('does not dial for a page script: requestSubmit, a forged submit or a forged click', async () => {
    const root = await show('+1 900 555 0100');
    const form = getField(root, 'Number to dial').form as HTMLFormElement;
    await act(async () => {
      // requestSubmit fires a submit event browsers mark as trusted: the shadow root's guard lets it in.
      form.requestSubmit();
      form.requestSubmit(getButton(root, 'Dial'));
      form.dispatchEvent(new SubmitEvent('submit', { bubbles: true, cancelable: true }));
      getButton(root, 'Dial').click();
      await settle();
    });
    expect(sendMock).not.toHaveBeenCalled();
    expect(getField(root, 'Number to dial').value).toBe('+1 900 555 0100');
  });

  it('refuses text that is not a number, with a message tied to the field', async () => {
    const root = await show('call mom');
    await click(getButton(root, 'Dial'));
    expect(sendMock).not.toHaveBeenCalled();
    const field = getField(root, 'Number to dial');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    const message = root.querySelector(`#${field.getAttribute('aria-describedby')}`);
    expect(message?.textContent).toContain('not a phone number');
  });

  it('asks for a number when the field is empty', async () => {
    const root = await show();
    await click(getButton(root, 'Dial'));
    expect(sendMock).not.toHaveBeenCalled();
    expect(root.textContent).toContain('Type a number to dial.');
  });

  it('builds the number from the keypad', async () => {
    const root = await show();
    for (const key of ['1', '2', '#', '0', '*']) await click(getButton(root, key));
    expect(getField(root, 'Number to dial').value).toBe('12#0*');
    await click(getButton(root, 'Delete last digit'));
    expect(getField(root, 'Number to dial').value).toBe('12#0');
  });

  it('keeps the number when the hub refuses the call, and says why', async () => {
    sendMock.mockRejectedValueOnce(new Error('Dialing is not possible while offline'));
    const root = await show('201');
    await click(getButton(root, 'Dial'));
    expect(getField(root, 'Number to dial').value).toBe('201');
    expect(actionError.value).toBe('Dialing is not possible while offline');
  });
});

describe('dialProblem', () => {
  it.each([
    ['', 'Type a number to dial.'],
    ['   ', 'Type a number to dial.'],
    ['abc', 'That is not a phone number: use digits, +, * and #.'],
    ['++1', 'That is not a phone number: use digits, +, * and #.'],
  ])('%j is refused', (input, message) => {
    expect(dialProblem(input)).toBe(message);
  });

  it.each(['+1 212 555 0100', '*72', '#31#2015550100', '0044.20.7946.0958'])('%j is dialable', (input) => {
    expect(dialProblem(input)).toBeUndefined();
  });
});
