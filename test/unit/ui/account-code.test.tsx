// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HubState } from '../../../src/core/hub-state';
import { send } from '../../../src/messaging/client';
import { actionError } from '../../../src/ui/actions';
import { Softphone } from '../../../src/ui/Softphone';
import { choose, click, getButton, getField, mount, press, queryButton, settle, typeInto } from './dom';
import { DESK_CAPS, makeAccountCodeRequest, makeCall, makeDesk, makeState } from './fixtures';

vi.mock('../../../src/messaging/client', () => ({ send: vi.fn(async () => undefined) }));
const sendMock = vi.mocked(send);

let cleanup: (() => Promise<void>) | undefined;
let rerender: ((state: HubState) => Promise<void>) | undefined;
async function show(state: HubState) {
  const view = await mount(<Softphone state={state} linked />);
  cleanup = view.unmount;
  rerender = async (next) => {
    await act(() => {
      render(<Softphone state={next} linked />, view.root);
    });
  };
  return view.root;
}

const NEWEST = makeAccountCodeRequest({ id: 'u-2', remoteName: 'Grace Hopper' });
const OLDER = makeAccountCodeRequest({ id: 'u-1', remoteNumber: '+12125550100' });

const asking = (overrides: Partial<HubState> = {}) =>
  makeState({ capabilities: DESK_CAPS, desk: makeDesk({ accountCodes: [NEWEST, OLDER] }), ...overrides });

const panel = (root: HTMLElement) => root.querySelector('.sb-account') as HTMLElement | null;

beforeEach(() => {
  sendMock.mockReset();
  sendMock.mockResolvedValue(undefined);
  actionError.value = undefined;
});
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

describe('account codes', () => {
  it('ask for the newest call, with its reasons to choose from and how many more wait', async () => {
    const root = await show(asking());
    expect(panel(root)?.getAttribute('aria-labelledby')).toBeTruthy();
    expect(root.querySelector('.sb-account-head span')?.textContent).toBe('Account code for Grace Hopper');
    const codes = getField<HTMLSelectElement>(root, 'Account code');
    expect(Array.from(codes.options, (option) => [option.value, option.text])).toEqual([
      ['', 'Choose…'],
      ['sales', 'Sales'],
      ['support', 'Support'],
    ]);
    expect(root.querySelector('.sb-more [aria-hidden="true"]')?.textContent).toBe('+1 more');
    expect(root.querySelector('.sb-more .sb-sr')?.textContent).toBe(
      'One more call waits for an account code.',
    );
  });

  it('names the number when the name is unknown, and says nothing of more for a single call', async () => {
    const root = await show(asking({ desk: makeDesk({ accountCodes: [OLDER] }) }));
    expect(root.querySelector('.sb-account-head')?.textContent).toBe('Account code for +12125550100');
    expect(root.querySelector('.sb-more')).toBeNull();
  });

  it('Set sends the chosen code for the newest request', async () => {
    const root = await show(asking());
    await choose(getField<HTMLSelectElement>(root, 'Account code'), 'support');
    await click(getButton(root, 'Set account code'));
    expect(sendMock.mock.calls).toStrictEqual([
      ['command', { type: 'setAccountCode', requestId: 'u-2', code: 'support' }],
    ]);
  });

  it('Set without a choice asks for one and sends nothing', async () => {
    const root = await show(asking());
    await click(getButton(root, 'Set account code'));
    expect(sendMock).not.toHaveBeenCalled();
    expect(panel(root)?.querySelector('[role="alert"]')?.textContent).toBe(
      'Choose an account code, or skip.',
    );
  });

  it('Skip sends skipAccountCode for the newest request', async () => {
    const root = await show(asking());
    await click(getButton(root, 'Skip account code'));
    expect(sendMock.mock.calls).toStrictEqual([['command', { type: 'skipAccountCode', requestId: 'u-2' }]]);
  });

  it('without reasons the code is typed, and Enter sets it', async () => {
    const root = await show(asking({ desk: makeDesk({ accountCodes: [{ ...NEWEST, reasons: [] }] }) }));
    const field = getField(root, 'Account code');
    expect(field.tagName).toBe('INPUT');
    await typeInto(field, ' 4200 ');
    await press(field, 'Enter');
    expect(sendMock.mock.calls).toStrictEqual([
      ['command', { type: 'setAccountCode', requestId: 'u-2', code: '4200' }],
    ]);
  });

  it('does not set for a page script: requestSubmit, a forged submit, click or Enter', async () => {
    const root = await show(asking({ desk: makeDesk({ accountCodes: [{ ...NEWEST, reasons: [] }] }) }));
    await typeInto(getField(root, 'Account code'), '4200');
    const form = getField(root, 'Account code').form as HTMLFormElement;
    await act(async () => {
      form.requestSubmit();
      form.requestSubmit(getButton(root, 'Set account code'));
      form.dispatchEvent(new SubmitEvent('submit', { bubbles: true, cancelable: true }));
      getButton(root, 'Set account code').click();
      getField(root, 'Account code').dispatchEvent(
        new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }),
      );
      await settle();
    });
    expect(sendMock).not.toHaveBeenCalled();
  });

  it('shrinks to one line while a call rings, and keeps the choice for after', async () => {
    const root = await show(asking());
    await choose(getField<HTMLSelectElement>(root, 'Account code'), 'sales');
    const ringing = makeCall({ state: 'ringing', answeredAt: undefined });
    await rerender?.(asking({ calls: [ringing] }));
    expect(panel(root)?.querySelectorAll('p')).toHaveLength(1);
    expect(panel(root)?.textContent).toMatch(/^Account code for Grace Hopper waits\. \+1 more/);
    expect(queryButton(root, 'Set account code')).toBeUndefined();
    expect(queryButton(root, 'Answer')).toBeDefined();
    await rerender?.(asking());
    expect(getField<HTMLSelectElement>(root, 'Account code').value).toBe('sales');
  });

  it('is not shown without the capability or without requests', async () => {
    let root = await show(asking({ capabilities: { ...DESK_CAPS, accountCodes: false } }));
    expect(panel(root)).toBeNull();
    await cleanup?.();
    root = await show(makeState({ capabilities: DESK_CAPS }));
    expect(panel(root)).toBeNull();
  });
});

describe('an empty desk', () => {
  it('adds nothing to the bar of a vendor without one', async () => {
    const root = await show(makeState({ capabilities: DESK_CAPS }));
    const phone = root.querySelector('.sb-phone') as HTMLElement;
    expect(Array.from(phone.children, (child) => child.className)).toEqual([
      'sb-conn-row',
      'sb-agent-row',
      'sb-notices',
      'sb-sr',
      'sb-dial-wrap',
    ]);
    expect(phone.querySelector('.sb-agent-row')?.children).toHaveLength(1);
  });
});
