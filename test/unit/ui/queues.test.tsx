// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HubState } from '../../../src/core/hub-state';
import { send } from '../../../src/messaging/client';
import { actionError } from '../../../src/ui/actions';
import { Softphone } from '../../../src/ui/Softphone';
import { waitingWords } from '../../../src/ui/WaitingBadge';
import { accessibleName, choose, click, getButton, getField, mount, press, queryButton } from './dom';
import { DESK_CAPS, makeDesk, makeQueue, makeState } from './fixtures';

vi.mock('../../../src/messaging/client', () => ({ send: vi.fn(async () => undefined) }));
const sendMock = vi.mocked(send);

let cleanup: (() => Promise<void>) | undefined;
async function show(state: HubState) {
  const view = await mount(<Softphone state={state} linked />);
  cleanup = view.unmount;
  return view.root;
}

const SUPPORT = makeQueue({ id: '7', name: 'Support' });
const SALES = makeQueue({ id: '9', name: 'Sales', active: false });
const CAMPAIGN = makeQueue({ id: '12', name: 'Spring campaign', direction: 'outbound' });

const withQueues = (overrides: Partial<HubState> = {}) =>
  makeState({
    capabilities: DESK_CAPS,
    desk: makeDesk({ queues: [SUPPORT, SALES, CAMPAIGN] }),
    ...overrides,
  });

const checkbox = (root: HTMLElement, name: string) => getField(root, name);

beforeEach(() => {
  sendMock.mockReset();
  sendMock.mockResolvedValue(undefined);
  actionError.value = undefined;
});
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

describe('queues', () => {
  it('fold open to one switch per queue, named "Serve …", with direction and suspension shown', async () => {
    const root = await show(withQueues());
    const toggle = getButton(root, 'Queues 1 suspended');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(root.querySelector('.sb-queue')).toBeNull();
    await click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(checkbox(root, 'Serve Support').checked).toBe(true);
    expect(checkbox(root, 'Serve Sales').checked).toBe(false);
    const rows = Array.from(root.querySelectorAll('.sb-queue'), (row) => row.textContent);
    expect(rows).toEqual(['SupportInbound', 'SalesInboundSuspended', 'Spring campaignOutbound']);
  });

  it('a switch sends setQueueActive for its queue', async () => {
    const root = await show(withQueues());
    await click(getButton(root, 'Queues 1 suspended'));
    await click(checkbox(root, 'Serve Support'));
    await click(checkbox(root, 'Serve Sales'));
    expect(sendMock.mock.calls).toStrictEqual([
      ['command', { type: 'setQueueActive', queueId: '7', active: false }],
      ['command', { type: 'setQueueActive', queueId: '9', active: true }],
    ]);
  });

  it('a refused switch falls back to the real state and says why', async () => {
    sendMock.mockRejectedValueOnce(new Error('Queue service failed'));
    const root = await show(withQueues());
    await click(getButton(root, 'Queues 1 suspended'));
    await click(checkbox(root, 'Serve Support'));
    expect(checkbox(root, 'Serve Support').checked).toBe(true);
    expect(actionError.value).toBe('Queue service failed');
  });

  it('Escape folds the list and returns to its button', async () => {
    const root = await show(withQueues());
    const toggle = getButton(root, 'Queues 1 suspended');
    await click(toggle);
    await press(checkbox(root, 'Serve Support'), 'Escape');
    expect(root.querySelector('.sb-queue')).toBeNull();
    expect(document.activeElement).toBe(toggle);
  });

  it('say nothing of suspension when every queue is served', async () => {
    const root = await show(withQueues({ desk: makeDesk({ queues: [SUPPORT] }) }));
    expect(accessibleName(getButton(root, 'Queues'))).toBe('Queues');
  });

  it('are not shown without the capability or without queues', async () => {
    let root = await show(withQueues({ capabilities: { ...DESK_CAPS, queues: false } }));
    expect(queryButton(root, 'Queues 1 suspended')).toBeUndefined();
    await cleanup?.();
    root = await show(makeState({ capabilities: DESK_CAPS }));
    expect(queryButton(root, 'Queues')).toBeUndefined();
    expect(root.querySelector('.sb-desk')).toBeNull();
  });
});

describe('callers waiting', () => {
  it('shows "N waiting" beside the agent state, emphasized when someone waits', async () => {
    const root = await show(makeState({ desk: makeDesk({ waitingCallers: 3 }) }));
    const badge = root.querySelector('.sb-agent-row .sb-waiting') as HTMLElement;
    expect(badge.textContent).toBe('3 waiting');
    expect(badge.getAttribute('aria-label')).toBe('3 callers waiting in your queues');
    expect(badge.dataset.busy).toBe('true');
  });

  it('is quiet at zero, and absent when the vendor does not count', async () => {
    let root = await show(makeState({ desk: makeDesk({ waitingCallers: 0 }) }));
    const badge = root.querySelector('.sb-waiting') as HTMLElement;
    expect(badge.textContent).toBe('0 waiting');
    expect(badge.dataset.busy).toBeUndefined();
    await cleanup?.();
    root = await show(makeState());
    expect(root.querySelector('.sb-waiting')).toBeNull();
  });

  it('reads in words', () => {
    expect(waitingWords(1)).toBe('1 caller waiting in your queues');
    expect(waitingWords(12)).toBe('12 callers waiting in your queues');
  });
});

describe('dialing under a queue', () => {
  it('offers the outbound queues under "Dial via", Direct first', async () => {
    const root = await show(withQueues());
    const via = getField<HTMLSelectElement>(root, 'Dial via');
    expect(Array.from(via.options, (option) => [option.value, option.text])).toEqual([
      ['', 'Direct'],
      ['12', 'Spring campaign'],
    ]);
    expect(via.value).toBe('');
  });

  it('a dial under a chosen queue carries its queueId', async () => {
    const root = await show(withQueues());
    await choose(getField<HTMLSelectElement>(root, 'Dial via'), '12');
    await click(getButton(root, '2'));
    await click(getButton(root, '0'));
    await click(getButton(root, '1'));
    await click(getButton(root, 'Dial'));
    expect(sendMock.mock.calls).toStrictEqual([['command', { type: 'dial', number: '201', queueId: '12' }]]);
  });

  it('a direct dial carries no queueId', async () => {
    const root = await show(withQueues());
    await choose(getField<HTMLSelectElement>(root, 'Dial via'), '12');
    await choose(getField<HTMLSelectElement>(root, 'Dial via'), '');
    await click(getButton(root, '2'));
    await press(getField(root, 'Number to dial'), 'Enter');
    const [, command] = sendMock.mock.calls[0] ?? [];
    expect(command).toStrictEqual({ type: 'dial', number: '2' });
    expect(command).not.toHaveProperty('queueId');
  });

  it('is not offered without outbound queues', async () => {
    const root = await show(withQueues({ desk: makeDesk({ queues: [SUPPORT, SALES] }) }));
    expect(() => getField(root, 'Dial via')).toThrow();
    expect(getField(root, 'Number to dial')).toBeDefined();
  });
});
