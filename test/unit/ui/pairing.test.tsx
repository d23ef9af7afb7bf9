// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PairingRequest } from '../../../src/core/desk';
import type { HubState } from '../../../src/core/hub-state';
import { send } from '../../../src/messaging/client';
import { actionError } from '../../../src/ui/actions';
import { Softphone } from '../../../src/ui/Softphone';
import { choose, click, getButton, getField, mount, press, queryButton, settle, typeInto } from './dom';
import { DESK_CAPS, makeCall, makeDesk, makeState, NOW } from './fixtures';

vi.mock('../../../src/messaging/client', () => ({ send: vi.fn(async () => undefined) }));
const sendMock = vi.mocked(send);

let cleanup: (() => Promise<void>) | undefined;
async function show(state: HubState) {
  const view = await mount(<Softphone state={state} linked />);
  cleanup = view.unmount;
  return view.root;
}

const CONNECTING: HubState['connection'] = { status: 'connecting', since: NOW - 2_000 };
const DESK_PHONE = { identifier: 'SIP/201', label: 'Desk phone 201' };
const SOFTPHONE = { identifier: 'SIP/305', label: 'Softphone 305' };

function pairingState(pairing: PairingRequest, overrides: Partial<HubState> = {}): HubState {
  return makeState({
    session: { profileId: 'ucs', vendorId: 'ucs', label: 'UCS' },
    connection: CONNECTING,
    capabilities: DESK_CAPS,
    desk: makeDesk({ pairing }),
    ...overrides,
  });
}

const pairingRegion = (root: HTMLElement) => root.querySelector('.sb-pairing');

beforeEach(() => {
  sendMock.mockReset();
  sendMock.mockResolvedValue(undefined);
  actionError.value = undefined;
});
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

describe('choosing a phone', () => {
  const choosing: PairingRequest = { kind: 'choose', devices: [DESK_PHONE, SOFTPHONE] };

  it('shows while the connection is still connecting, right under the connection line', async () => {
    const root = await show(pairingState(choosing));
    expect(root.textContent).toContain('Connecting to UCS');
    const region = pairingRegion(root);
    expect(region?.textContent).toContain('Pair your phone');
    // Directly after the connection row, before the agent state.
    expect(region?.previousElementSibling?.classList.contains('sb-conn-row')).toBe(true);
    expect(getButton(root, 'Pair phone')).toBeDefined();
  });

  it('is not shown without the pairing capability, nor without a request', async () => {
    let root = await show(pairingState(choosing, { capabilities: { ...DESK_CAPS, pairing: false } }));
    expect(queryButton(root, 'Pair phone')).toBeUndefined();
    expect(root.textContent).not.toContain('Pair your phone');
    await cleanup?.();
    root = await show(makeState({ capabilities: DESK_CAPS, connection: CONNECTING }));
    expect(queryButton(root, 'Pair phone')).toBeUndefined();
  });

  it('picking a phone fills the identifier, and Pair phone sends exactly it', async () => {
    const root = await show(pairingState(choosing));
    await choose(getField<HTMLSelectElement>(root, 'Phone'), 'SIP/305');
    expect(getField(root, 'Phone identifier').value).toBe('SIP/305');
    await click(getButton(root, 'Pair phone'));
    expect(sendMock).toHaveBeenCalledTimes(1);
    expect(sendMock.mock.calls[0]).toStrictEqual(['command', { type: 'pairPhone', identifier: 'SIP/305' }]);
  });

  it('a typed identifier pairs on Enter (trimmed) and selects a listed phone', async () => {
    const root = await show(pairingState(choosing));
    await typeInto(getField(root, 'Phone identifier'), ' SIP/201 ');
    expect(getField<HTMLSelectElement>(root, 'Phone').value).toBe('SIP/201');
    await press(getField(root, 'Phone identifier'), 'Enter');
    expect(sendMock.mock.calls).toStrictEqual([['command', { type: 'pairPhone', identifier: 'SIP/201' }]]);
  });

  it('with no phones offered there is only the identifier field', async () => {
    const root = await show(pairingState({ kind: 'choose', devices: [] }));
    expect(root.querySelector('select[id$="-d"]')).toBeNull();
    expect(() => getField(root, 'Phone')).toThrow();
    await typeInto(getField(root, 'Phone identifier'), '4711');
    await click(getButton(root, 'Pair phone'));
    expect(sendMock).toHaveBeenCalledWith('command', { type: 'pairPhone', identifier: '4711' });
  });

  it('asks for a phone instead of sending an empty identifier', async () => {
    const root = await show(pairingState(choosing));
    await click(getButton(root, 'Pair phone'));
    expect(sendMock).not.toHaveBeenCalled();
    const field = getField(root, 'Phone identifier');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(root.querySelector(`#${field.getAttribute('aria-describedby')}`)?.textContent).toBe(
      'Choose a phone or type its identifier.',
    );
  });

  it('shows the vendor’s reason for asking again above the form', async () => {
    const root = await show(pairingState({ ...choosing, message: 'Unknown phone identifier 999' }));
    const alert = root.querySelector('.sb-pairing [role="alert"]');
    expect(alert?.textContent).toBe('Unknown phone identifier 999');
    expect(alert?.compareDocumentPosition(getField(root, 'Phone identifier'))).toBe(
      Node.DOCUMENT_POSITION_FOLLOWING,
    );
  });

  it('does not pair for a page script: requestSubmit, a forged submit, click or Enter', async () => {
    const root = await show(pairingState(choosing));
    await typeInto(getField(root, 'Phone identifier'), 'SIP/666');
    const form = getField(root, 'Phone identifier').form as HTMLFormElement;
    await act(async () => {
      form.requestSubmit();
      form.requestSubmit(getButton(root, 'Pair phone'));
      form.dispatchEvent(new SubmitEvent('submit', { bubbles: true, cancelable: true }));
      getButton(root, 'Pair phone').click();
      getField(root, 'Phone identifier').dispatchEvent(
        new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }),
      );
      await settle();
    });
    expect(sendMock).not.toHaveBeenCalled();
  });
});

describe('confirming a phone', () => {
  const confirming: PairingRequest = { kind: 'confirm', devices: [], device: DESK_PHONE };

  it('asks to use the paired phone; Confirm sends confirmPhone', async () => {
    const root = await show(pairingState(confirming));
    expect(root.textContent).toContain('Use phone Desk phone 201?');
    await click(getButton(root, 'Confirm'));
    expect(sendMock.mock.calls).toStrictEqual([['command', { type: 'confirmPhone' }]]);
  });

  it('"Choose another" sends changePhone', async () => {
    const root = await show(pairingState(confirming));
    await click(getButton(root, 'Choose another'));
    expect(sendMock.mock.calls).toStrictEqual([['command', { type: 'changePhone' }]]);
  });

  it('the paired-phone line waits while a pairing is pending', async () => {
    const root = await show(
      pairingState(confirming, { desk: makeDesk({ pairing: confirming, device: DESK_PHONE }) }),
    );
    expect(queryButton(root, 'Change phone')).toBeUndefined();
    expect(root.textContent).not.toContain('Phone: Desk phone 201');
  });
});

describe('the paired phone', () => {
  const paired = (overrides: Partial<HubState> = {}) =>
    makeState({ capabilities: DESK_CAPS, desk: makeDesk({ device: DESK_PHONE }), ...overrides });

  it('names the phone, and Change sends changePhone', async () => {
    const root = await show(paired());
    expect(root.querySelector('.sb-device')?.textContent).toBe('Phone: Desk phone 201Change');
    await click(getButton(root, 'Change phone'));
    expect(sendMock.mock.calls).toStrictEqual([['command', { type: 'changePhone' }]]);
  });

  it('Change is disabled while a call is live', async () => {
    const root = await show(paired({ calls: [makeCall()] }));
    const change = getButton(root, 'Change phone');
    expect(change.disabled).toBe(true);
    await click(change);
    expect(sendMock).not.toHaveBeenCalled();
  });

  it('without the pairing capability the phone shows without Change', async () => {
    const root = await show(paired({ capabilities: { ...DESK_CAPS, pairing: false } }));
    expect(root.textContent).toContain('Phone: Desk phone 201');
    expect(queryButton(root, 'Change phone')).toBeUndefined();
  });
});
