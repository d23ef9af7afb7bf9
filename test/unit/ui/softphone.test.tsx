// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HubState } from '../../../src/core/hub-state';
import { send } from '../../../src/messaging/client';
import { actionError } from '../../../src/ui/actions';
import { Softphone } from '../../../src/ui/Softphone';
import { buttonNames, click, getButton, getField, mount, press, queryButton, typeInto } from './dom';
import { makeCall, makeState, NOW } from './fixtures';

vi.mock('../../../src/messaging/client', () => ({ send: vi.fn(async () => undefined) }));
const sendMock = vi.mocked(send);

let cleanup: (() => Promise<void>) | undefined;
async function show(state: HubState, linked = true) {
  const view = await mount(<Softphone state={state} linked={linked} />);
  cleanup = view.unmount;
  return view.root;
}

const duplicates = (names: string[]) => names.filter((name, i) => names.indexOf(name) !== i);

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

describe('two calls', () => {
  const held = makeCall({
    id: 'held',
    state: 'held',
    remoteNumber: '+442079460958',
    remoteE164: '+442079460958',
  });
  const ringing = makeCall({
    id: 'ringing',
    state: 'ringing',
    answeredAt: undefined,
    remoteNumber: '+12125550100',
    remoteE164: '+12125550100',
  });

  it('focuses the ringing call and gives the held one distinct button names', async () => {
    const root = await show(makeState({ calls: [held, ringing] }));
    const names = buttonNames(root);
    expect(duplicates(names)).toEqual([]);
    expect(names).toContain('Answer');
    expect(names).toContain('Resume call with +44 20 7946 0958');
    expect(names).toContain('Hang up call with +44 20 7946 0958');
    expect(names).not.toContain('Resume');
    expect(names).not.toContain('Hang up');
  });

  it('the compact row acts on its own call', async () => {
    const root = await show(makeState({ calls: [held, ringing] }));
    await click(getButton(root, 'Resume call with +44 20 7946 0958'));
    expect(sendMock).toHaveBeenLastCalledWith('command', { type: 'resume', callId: 'held' });
    await click(getButton(root, 'Answer'));
    expect(sendMock).toHaveBeenLastCalledWith('command', { type: 'answer', callId: 'ringing' });
  });

  it('uses the name when known', async () => {
    const root = await show(makeState({ calls: [{ ...held, remoteName: 'Grace Hopper' }, ringing] }));
    expect(queryButton(root, 'Resume call with Grace Hopper')).toBeDefined();
  });
});

describe('digit keys are never on screen twice', () => {
  it('opening the keypad folds the dial pad, and the other way round', async () => {
    const root = await show(makeState({ calls: [makeCall()] }));
    await click(getButton(root, 'New call'));
    expect(queryButton(root, 'Dial')).toBeDefined();
    await click(getButton(root, 'Keypad'));
    expect(queryButton(root, 'Dial')).toBeUndefined();
    expect(duplicates(buttonNames(root))).toEqual([]);
    await click(getButton(root, 'New call'));
    expect(getButton(root, 'Keypad').getAttribute('aria-expanded')).toBe('false');
    expect(duplicates(buttonNames(root))).toEqual([]);
  });

  it('with no call the dial pad is simply there, with a single Dial button', async () => {
    const root = await show(makeState());
    expect(queryButton(root, 'New call')).toBeUndefined();
    expect(buttonNames(root).filter((name) => name === 'Dial')).toHaveLength(1);
    expect(getField(root, 'Number to dial')).toBeDefined();
  });

  it('Escape folds the dial pad during a call', async () => {
    const root = await show(makeState({ calls: [makeCall()] }));
    await click(getButton(root, 'New call'));
    await press(getField(root, 'Number to dial'), 'Escape');
    expect(queryButton(root, 'Dial')).toBeUndefined();
    expect(document.activeElement).toBe(getButton(root, 'New call'));
  });
});

describe('after dialing', () => {
  it('moves keyboard focus from the folded dial pad to the new call’s Hang up', async () => {
    const view = await mount(<Softphone state={makeState()} linked />);
    cleanup = view.unmount;
    await typeInto(getField(view.root, 'Number to dial'), '201');
    getButton(view.root, 'Dial').focus();
    await click(getButton(view.root, 'Dial'));
    expect(sendMock).toHaveBeenCalledWith('command', { type: 'dial', number: '201' });
    const dialing = makeCall({
      state: 'dialing',
      direction: 'outbound',
      remoteNumber: '201',
      remoteE164: undefined,
    });
    await act(() => {
      render(<Softphone state={makeState({ calls: [dialing] })} linked />, view.root);
    });
    expect(queryButton(view.root, 'Dial')).toBeUndefined();
    expect(document.activeElement).toBe(getButton(view.root, 'Hang up'));
  });
});

describe('connection line', () => {
  const text = (root: HTMLElement) => root.querySelector('[role="status"]')?.textContent;

  it('names the phone system when connected', async () => {
    expect(text(await show(makeState()))).toBe('Demo PBX · Connected');
  });

  it('says it is reconnecting when the hub link drops', async () => {
    expect(text(await show(makeState(), false))).toBe('Reconnecting to Demo PBX…');
  });

  it('says it is reconnecting when the vendor connection does', async () => {
    const root = await show(makeState({ connection: { status: 'reconnecting', since: NOW } }));
    expect(text(root)).toBe('Reconnecting to Demo PBX…');
  });

  it('gives the reason when it failed', async () => {
    const root = await show(
      makeState({ connection: { status: 'failed', message: 'wrong password', since: NOW } }),
    );
    expect(text(root)).toBe('Cannot connect to Demo PBX: wrong password');
  });

  const MISSING_EVENTS =
    'Logged in, but no event arrived from Tegsoft. Add the integration parameter ' +
    'clientSideCTI://parentWindowEvent|eventList=all to the agent’s Tegsoft profile.';
  const tegsoft = { profileId: 'tg', vendorId: 'tegsoft', label: 'Tegsoft' };

  it('gives the vendor’s whole reason its own line, never cut', async () => {
    const root = await show(
      makeState({ session: tegsoft, connection: { status: 'failed', message: MISSING_EVENTS, since: NOW } }),
    );
    const line = root.querySelector('[role="status"]') as HTMLElement;
    expect(line.querySelector('.sb-conn-head')?.textContent).toBe('Cannot connect to Tegsoft: ');
    expect(line.querySelector('.sb-conn-detail')?.textContent).toBe(MISSING_EVENTS);
    expect(line.dataset.tone).toBe('error');
    expect(line.dataset.detail).toBe('true');
  });

  it('sets a reconnection with a reason apart from one without', async () => {
    const plain = await show(makeState({ connection: { status: 'reconnecting', since: NOW } }));
    expect(plain.querySelector<HTMLElement>('[role="status"]')?.dataset.detail).toBeUndefined();
    await cleanup?.();
    const root = await show(
      makeState({ connection: { status: 'reconnecting', message: 'no events for 30 s', since: NOW } }),
    );
    const line = root.querySelector('[role="status"]') as HTMLElement;
    expect(text(root)).toBe('Reconnecting to Demo PBX: no events for 30 s');
    expect([line.dataset.tone, line.dataset.detail]).toEqual(['warn', 'true']);
  });

  it('shows a reason even on a connected line', async () => {
    const root = await show(
      makeState({ connection: { status: 'connected', message: MISSING_EVENTS, since: NOW } }),
    );
    expect(text(root)).toBe(`Demo PBX · Connected: ${MISSING_EVENTS}`);
  });

  it('keeps the vendor’s reason out of a lost hub link, which is not the vendor’s doing', async () => {
    const root = await show(
      makeState({ connection: { status: 'failed', message: 'wrong password', since: NOW } }),
      false,
    );
    expect(text(root)).toBe('Reconnecting to Demo PBX…');
  });
});

describe('vendor screen', () => {
  const tegsoft = { profileId: 'tg', vendorId: 'tegsoft', label: 'Tegsoft' };
  const caps = { ...makeState().capabilities, vendorScreen: true };

  it('opens the vendor’s own screen when the vendor has one', async () => {
    const root = await show(makeState({ session: tegsoft, capabilities: caps }));
    await click(getButton(root, 'Open Tegsoft screen'));
    expect(sendMock).toHaveBeenCalledWith('openVendorScreen', undefined);
  });

  it('is absent otherwise', async () => {
    const root = await show(makeState({ session: tegsoft }));
    expect(buttonNames(root).filter((name) => name.startsWith('Open '))).toEqual([]);
  });

  it('shows why the screen did not open', async () => {
    sendMock.mockRejectedValueOnce(new Error('Tegsoft has no screen to open until you sign in'));
    const root = await show(makeState({ session: tegsoft, capabilities: caps }));
    await click(getButton(root, 'Open Tegsoft screen'));
    expect(root.querySelector('[role="alert"]')?.textContent).toContain(
      'Tegsoft has no screen to open until you sign in',
    );
  });
});

describe('notices', () => {
  it('are shown and dismissed through the hub', async () => {
    const root = await show(
      makeState({ notices: [{ id: 'n1', level: 'warning', text: 'Queue Sales is closing', at: NOW }] }),
    );
    expect(root.textContent).toContain('Queue Sales is closing');
    await click(getButton(root, 'Dismiss notice: Queue Sales is closing'));
    expect(sendMock).toHaveBeenCalledWith('dismissNotice', { id: 'n1' });
  });
});

describe('without dial capability', () => {
  it('shows no dial field', async () => {
    const state = makeState();
    const root = await show({ ...state, capabilities: { ...state.capabilities, dial: false } });
    expect(queryButton(root, 'Dial')).toBeUndefined();
    expect(root.textContent).toContain('No calls right now.');
  });
});
