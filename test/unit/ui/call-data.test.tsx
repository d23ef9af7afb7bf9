// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Call } from '../../../src/core/call';
import { send } from '../../../src/messaging/client';
import { actionError } from '../../../src/ui/actions';
import { Softphone } from '../../../src/ui/Softphone';
import { click, getButton, getField, mount, press, queryButton, typeInto } from './dom';
import { FULL_CAPS, makeCall, makeState, NOW } from './fixtures';

vi.mock('../../../src/messaging/client', () => ({ send: vi.fn(async () => undefined) }));
const sendMock = vi.mocked(send);

const caps = { ...FULL_CAPS, setCallData: true };
const tegsoftCall = makeCall({
  vendorData: {
    CALLID: 'tg-77',
    variables: { customerId: 'C-1001', priority: 'high', nested: { no: 'objects' } },
    ctiVariableNames: ['customerId', 'priority', 'orderId'],
  },
});

let cleanup: (() => Promise<void>) | undefined;
async function show(call: Call = tegsoftCall, capabilities = caps) {
  const view = await mount(<Softphone state={makeState({ capabilities, calls: [call] })} linked />);
  cleanup = view.unmount;
  return view.root;
}

async function openData(root: HTMLElement) {
  await click(getButton(root, 'Call data'));
  return root.querySelector<HTMLElement>('.sb-call-data') as HTMLElement;
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

describe('call data', () => {
  it('is offered only when the vendor takes call data', async () => {
    const without = await show(tegsoftCall, FULL_CAPS);
    expect(queryButton(without, 'Call data')).toBeUndefined();
    await cleanup?.();
    const root = await show();
    const toggle = getButton(root, 'Call data');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
  });

  it('lists the call’s CTI variables, text only', async () => {
    const panel = await openData(await show());
    const rows = [...panel.querySelectorAll('.sb-var')].map((row) => [
      row.querySelector('dt')?.textContent,
      row.querySelector('dd')?.textContent,
    ]);
    expect(rows).toEqual([
      ['customerId', 'C-1001'],
      ['priority', 'high'],
    ]);
  });

  it('says when there is none (variables missing or not an object)', async () => {
    const panel = await openData(await show(makeCall({ vendorData: { variables: 'x=1' } })));
    expect(panel.textContent).toContain('This call has no call data yet.');
  });

  it('sets a variable with the agent’s click, then empties the form', async () => {
    const root = await show();
    const panel = await openData(root);
    await typeInto(getField(panel, 'Variable name'), ' orderId ');
    await typeInto(getField(panel, 'Value'), 'A-42');
    await click(getButton(panel, 'Set variable'));
    expect(sendMock).toHaveBeenLastCalledWith('command', {
      type: 'setCallData',
      callId: 'call-1',
      variables: { orderId: 'A-42' },
    });
    expect(getField(panel, 'Variable name').value).toBe('');
    expect(getField(panel, 'Value').value).toBe('');
  });

  it('sets on Enter in a field', async () => {
    const panel = await openData(await show());
    await typeInto(getField(panel, 'Variable name'), 'priority');
    await typeInto(getField(panel, 'Value'), 'low');
    await press(getField(panel, 'Value'), 'Enter');
    expect(sendMock).toHaveBeenLastCalledWith('command', {
      type: 'setCallData',
      callId: 'call-1',
      variables: { priority: 'low' },
    });
  });

  it('ignores a submission the page forges', async () => {
    const panel = await openData(await show());
    await typeInto(getField(panel, 'Variable name'), 'priority');
    panel.querySelector('form')?.requestSubmit();
    expect(sendMock).not.toHaveBeenCalled();
  });

  it('asks for a name before sending anything', async () => {
    const panel = await openData(await show());
    await typeInto(getField(panel, 'Value'), 'A-42');
    await click(getButton(panel, 'Set variable'));
    expect(sendMock).not.toHaveBeenCalled();
    const name = getField(panel, 'Variable name');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(panel.querySelector('[role="alert"]')?.textContent).toBe('Type the name of the variable to set.');
  });

  it('edits a listed variable', async () => {
    const panel = await openData(await show());
    await click(getButton(panel, 'Edit variable priority'));
    expect(getField(panel, 'Variable name').value).toBe('priority');
    expect(getField(panel, 'Value').value).toBe('high');
    expect(document.activeElement).toBe(getField(panel, 'Value'));
  });

  it('suggests the names the vendor knows', async () => {
    const panel = await openData(await show());
    const list = getField(panel, 'Variable name').getAttribute('list');
    const options = [...(panel.querySelector(`datalist[id="${list}"]`)?.querySelectorAll('option') ?? [])];
    expect(options.map((option) => option.value)).toEqual(['customerId', 'priority', 'orderId']);
  });

  it('clears the call data', async () => {
    const panel = await openData(await show());
    await click(getButton(panel, 'Clear call data'));
    expect(sendMock).toHaveBeenLastCalledWith('command', { type: 'clearCallData', callId: 'call-1' });
  });

  it('shows the hub’s refusal and keeps what was typed', async () => {
    sendMock.mockRejectedValueOnce(new Error('Setting call data is not supported by Demo PBX'));
    const root = await show();
    const panel = await openData(root);
    await typeInto(getField(panel, 'Variable name'), 'orderId');
    await click(getButton(panel, 'Set variable'));
    expect(root.querySelector('.sb-error')?.textContent).toContain('Setting call data is not supported');
    expect(getField(panel, 'Variable name').value).toBe('orderId');
  });

  it('Escape closes the panel and returns focus to Call data', async () => {
    const root = await show();
    const panel = await openData(root);
    await press(getField(panel, 'Value'), 'Escape');
    expect(root.querySelector('.sb-call-data')).toBeNull();
    expect(document.activeElement).toBe(getButton(root, 'Call data'));
  });
});
