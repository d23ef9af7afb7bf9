// @vitest-environment happy-dom
import nodeConsole from 'node:console';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AgentBar } from '../../../content-scripts/agent-bar/AgentBar';
import { HOST_TAG, type MountedHost, mountHost } from '../../../content-scripts/agent-bar/host';
import { DEFAULT_PLACEMENT, placementKey } from '../../../content-scripts/agent-bar/placement';
import { pageHref } from '../../../content-scripts/autofill/page-href';
import type { AutofillRule } from '../../../src/core/config/types';
import type { HubState, WrapUpItem } from '../../../src/core/hub-state';
import { INERT_POLICY, type PagePolicy } from '../../../src/core/page-policy';
import { send } from '../../../src/messaging/client';
import { hubLinked, hubState, pagePolicy } from '../../../src/messaging/live-state';
import { actionError } from '../../../src/ui/actions';
import {
  accessibleName,
  buttonNames,
  choose,
  click,
  getButton,
  getField,
  press,
  queryButton,
  settle,
  trusted,
  typeInto,
} from './dom';
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

const ORIGIN = 'https://crm.example.com';
let mounted: MountedHost | undefined;
const hosts: MountedHost[] = [];
function track(host: MountedHost | undefined) {
  if (host) hosts.push(host);
  return host;
}

function shadow(): ShadowRoot {
  const host = document.querySelector(HOST_TAG);
  if (!host?.shadowRoot) throw new Error('no open shadow root');
  return host.shadowRoot;
}
const region = () => shadow().querySelector('[aria-label="Agent bar"]') as HTMLElement | null;

async function setState(state: HubState | undefined, linked = true) {
  await act(async () => {
    hubState.value = state;
    hubLinked.value = linked;
    await settle();
  });
  // The first state starts loading the placement; let that load land too.
  await act(() => settle());
}

async function startBar() {
  mounted = track(mountHost(document, ':host{}', { acceptUntrusted: true }));
  await act(() => {
    render(<AgentBar origin={ORIGIN} />, (mounted as MountedHost).mount);
  });
}

beforeEach(() => {
  vi.useFakeTimers({
    now: NOW,
    toFake: ['Date', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'],
  });
  fake.browser.store.clear();
  fake.browser.storage.local.set.mockClear();
  fake.browser.storage.local.get.mockClear();
  sendMock.mockReset();
  sendMock.mockResolvedValue(undefined);
  actionError.value = undefined;
  hubState.value = undefined;
  hubLinked.value = false;
  pagePolicy.value = undefined;
  pageHref.value = 'https://crm.example.com/contacts';
});
afterEach(async () => {
  if (mounted) await act(() => render(null, (mounted as MountedHost).mount));
  for (const host of hosts.splice(0)) host.remove();
  mounted = undefined;
  vi.useRealTimers();
});

describe('host element', () => {
  it('is one custom element on <html> with an open shadow root holding the styles', () => {
    const inner = track(mountHost(document, '.x{color:red}'))?.mount;
    const host = document.documentElement.lastElementChild;
    expect(host?.localName).toBe(HOST_TAG);
    expect(host?.shadowRoot?.querySelector('style')?.textContent).toBe('.x{color:red}');
    expect(inner?.getRootNode()).toBe(host?.shadowRoot);
  });

  it('does nothing the second time', () => {
    expect(track(mountHost(document, ''))).toBeDefined();
    expect(track(mountHost(document, ''))).toBeUndefined();
    expect(document.querySelectorAll(HOST_TAG)).toHaveLength(1);
  });

  it('keeps typing in the bar away from the page’s shortcuts', () => {
    const inner = (track(mountHost(document, '')) as MountedHost).mount;
    const input = document.createElement('input');
    inner.append(input);
    const pageListener = vi.fn();
    document.addEventListener('keydown', pageListener);
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'c', bubbles: true, composed: true }));
    document.removeEventListener('keydown', pageListener);
    expect(pageListener).not.toHaveBeenCalled();
  });
});

describe('agent bar', () => {
  it('renders nothing and reads no storage until the hub state arrives', async () => {
    await startBar();
    expect(region()).toBeNull();
    expect(fake.browser.storage.local.get).not.toHaveBeenCalled();
    await setState(makeState());
    expect(region()?.localName).toBe('section');
    expect(accessibleName(region() as HTMLElement)).toBe('Agent bar');
    expect(fake.browser.storage.local.get).toHaveBeenCalledWith(placementKey(ORIGIN));
  });

  it('shows the call with the contract names and the number as text', async () => {
    await startBar();
    await setState(makeState({ calls: [makeCall()] }));
    const names = buttonNames(shadow());
    for (const name of ['Hang up', 'Hold', 'Mute', 'Transfer', 'Keypad', 'Move agent bar', 'Dock left']) {
      expect(names).toContain(name);
    }
    expect(shadow().querySelector('select')).not.toBeNull();
    expect(shadow().textContent).toContain('+44 20 7946 0958');
  });

  it('says when it lost the hub', async () => {
    await startBar();
    await setState(makeState(), false);
    expect(shadow().textContent).toContain('Reconnecting to Demo PBX…');
  });

  it('minimizes to a handle and opens again, moving focus along', async () => {
    await startBar();
    await setState(makeState());
    await click(getButton(shadow(), 'Minimize agent bar'));
    expect(queryButton(shadow(), 'Dial')).toBeUndefined();
    const open = getButton(shadow(), 'Open agent bar');
    expect(shadow().activeElement).toBe(open);
    expect(accessibleName(region() as HTMLElement)).toBe('Agent bar');
    await click(open);
    expect(shadow().activeElement).toBe(getButton(shadow(), 'Minimize agent bar'));
  });

  it('a call ringing while minimized shows up with its own Answer button', async () => {
    await startBar();
    await setState(makeState());
    await click(getButton(shadow(), 'Minimize agent bar'));
    await setState(makeState({ calls: [makeCall({ state: 'ringing', answeredAt: undefined })] }));
    expect(shadow().textContent).toContain('Incoming call from +44 20 7946 0958');
    await click(getButton(shadow(), 'Answer'));
    expect(sendMock).toHaveBeenCalledWith('command', { type: 'answer', callId: 'call-1' });
  });

  it('hides to a tab on the edge, which a ringing call replaces by the handle', async () => {
    await startBar();
    await setState(makeState());
    await click(getButton(shadow(), 'Hide agent bar'));
    expect(buttonNames(shadow())).toEqual(['Show agent bar']);
    await setState(makeState({ calls: [makeCall({ state: 'ringing', answeredAt: undefined })] }));
    expect(queryButton(shadow(), 'Answer')).toBeDefined();
    expect(queryButton(shadow(), 'Open agent bar')).toBeDefined();
  });

  it('remembers its place for the site, and only its place', async () => {
    await startBar();
    await setState(makeState());
    await click(getButton(shadow(), 'Dock left'));
    expect(getButton(shadow(), 'Dock left').getAttribute('aria-pressed')).toBe('true');
    expect(region()?.dataset.mode).toBe('left');
    // A deliberate choice is written at once: a reload right after must keep it.
    await act(() => settle());
    expect([...fake.browser.store.keys()]).toEqual([placementKey(ORIGIN)]);
    const stored = fake.browser.store.get(placementKey(ORIGIN)) as Record<string, unknown>;
    expect(Object.keys(stored).sort()).toEqual(Object.keys(DEFAULT_PLACEMENT).sort());
    expect(stored).toMatchObject({ mode: 'left', view: 'open' });
  });

  it('comes back where it was left', async () => {
    fake.browser.store.set(placementKey(ORIGIN), { ...DEFAULT_PLACEMENT, mode: 'right', view: 'hidden' });
    await startBar();
    await setState(makeState());
    expect(buttonNames(shadow())).toEqual(['Show agent bar']);
    expect(region()?.dataset.side).toBe('right');
  });

  it('moves with the arrow keys', async () => {
    await startBar();
    await setState(makeState());
    const bar = region() as HTMLElement;
    const before = Number.parseFloat(bar.style.left);
    await press(getButton(shadow(), 'Move agent bar'), 'ArrowLeft');
    expect(Number.parseFloat(bar.style.left)).toBe(before - 10);
    expect(fake.browser.storage.local.set).not.toHaveBeenCalled();
    await act(() => {
      vi.advanceTimersByTime(500);
    });
    expect(fake.browser.storage.local.set).toHaveBeenCalledTimes(1);
    await press(getButton(shadow(), 'Move agent bar'), 'ArrowUp', { shiftKey: true });
    expect(bar.dataset.mode).toBe('float');
  });

  it('follows a pointer drag on the handle', async () => {
    await startBar();
    await setState(makeState());
    const handle = getButton(shadow(), 'Move agent bar');
    await act(() => {
      handle.dispatchEvent(
        new PointerEvent('pointerdown', { bubbles: true, button: 0, pointerId: 1, clientX: 20, clientY: 10 }),
      );
      handle.dispatchEvent(
        new PointerEvent('pointermove', { bubbles: true, pointerId: 1, clientX: 220, clientY: 110 }),
      );
      handle.dispatchEvent(
        new PointerEvent('pointerup', { bubbles: true, pointerId: 1, clientX: 220, clientY: 110 }),
      );
    });
    const bar = region() as HTMLElement;
    expect(bar.style.left).toBe('200px');
    expect(bar.style.top).toBe('100px');
    await act(() => settle());
    expect(fake.browser.store.get(placementKey(ORIGIN))).toMatchObject({
      mode: 'float',
      anchorX: 'left',
      x: 200,
      y: 100,
    });
  });

  it('writes a drag once, when it ends', async () => {
    await startBar();
    await setState(makeState());
    const handle = getButton(shadow(), 'Move agent bar');
    await act(async () => {
      handle.dispatchEvent(
        new PointerEvent('pointerdown', { bubbles: true, button: 0, pointerId: 7, clientX: 20, clientY: 10 }),
      );
      for (let x = 30; x < 130; x += 10) {
        handle.dispatchEvent(
          new PointerEvent('pointermove', { bubbles: true, pointerId: 7, clientX: x, clientY: 10 }),
        );
        await settle();
      }
    });
    expect(fake.browser.storage.local.set).not.toHaveBeenCalled();
    await act(async () => {
      handle.dispatchEvent(
        new PointerEvent('pointerup', { bubbles: true, pointerId: 7, clientX: 120, clientY: 10 }),
      );
      await settle();
    });
    expect(fake.browser.storage.local.set).toHaveBeenCalledTimes(1);
  });
});

describe('host guard', () => {
  it('stops untrusted (page-forged) events before our handlers see them', () => {
    const guarded = mountHost(document, '') as MountedHost;
    const button = document.createElement('button');
    let clicks = 0;
    button.addEventListener('click', () => clicks++);
    guarded.mount.append(button);
    button.click();
    button.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(clicks).toBe(0);
    guarded.remove();
  });

  it('lets a trusted submit in, and the dial form still needs the agent’s own click', async () => {
    mounted = track(mountHost(document, ':host{}'));
    await act(() => {
      render(<AgentBar origin={ORIGIN} />, (mounted as MountedHost).mount);
    });
    await setState(makeState());
    const field = getField(shadow(), 'Number to dial');
    await typeInto(field, '+1 900 555 0100');
    // What `form.requestSubmit()` from the page fires in a browser: a submit event marked trusted.
    await act(async () => {
      field.form?.dispatchEvent(trusted(new SubmitEvent('submit', { bubbles: true, cancelable: true })));
      await settle();
    });
    expect(sendMock).not.toHaveBeenCalled();
    await click(getButton(shadow(), 'Dial'));
    expect(sendMock).toHaveBeenCalledWith('command', { type: 'dial', number: '+19005550100' });
  });
});

const PAGE_POLICY: PagePolicy = { ...INERT_POLICY, bar: true, detection: true, confirmDial: false };

async function setPolicy(changes: Partial<PagePolicy>) {
  await act(async () => {
    pagePolicy.value = { ...PAGE_POLICY, ...changes };
    await settle();
  });
}

describe('"Fill form"', () => {
  const FORM_URL = 'https://crm.example.com/cases/new';
  const RULE: AutofillRule = {
    id: 'case-form',
    match: 'https://crm.example.com/cases/*',
    on: 'manual',
    conditions: [],
    overwrite: false,
    fields: [
      { selector: '#case-phone', value: '{e164}' },
      { selector: '#case-subject', value: 'Call from {name}' },
    ],
  };
  let form: HTMLFormElement;
  beforeEach(() => {
    form = document.createElement('form');
    form.innerHTML = '<input id="case-phone"><input id="case-subject" value="New enquiry">';
    document.body.append(form);
  });
  afterEach(() => form.remove());

  it('shows only where a rule matches the page and there is a call to fill from', async () => {
    await startBar();
    await setPolicy({ autofill: [RULE] });
    await setState(makeState({ calls: [makeCall()] }));
    expect(queryButton(shadow(), 'Fill form')).toBeUndefined();
    await act(async () => {
      pageHref.value = FORM_URL;
      await settle();
    });
    expect(queryButton(shadow(), 'Fill form')).toBeDefined();
    await setState(makeState());
    expect(queryButton(shadow(), 'Fill form')).toBeUndefined();
    // A call that just ended still counts: the agent often fills the form after hanging up.
    await setState(makeState({ recent: [makeCall({ state: 'ended', endedAt: NOW })] }));
    expect(queryButton(shadow(), 'Fill form')).toBeDefined();
    await setPolicy({ autofill: [] });
    expect(queryButton(shadow(), 'Fill form')).toBeUndefined();
  });

  it('fills the page’s form from the call and says what it did', async () => {
    pageHref.value = FORM_URL;
    await startBar();
    await setPolicy({ autofill: [RULE] });
    await setState(makeState({ calls: [makeCall({ remoteName: 'Olivia Bennett' })] }));
    await click(getButton(shadow(), 'Fill form'));
    expect((document.getElementById('case-phone') as HTMLInputElement).value).toBe('+442079460958');
    expect((document.getElementById('case-subject') as HTMLInputElement).value).toBe('New enquiry');
    expect(shadow().querySelector('.sb-fill [role="status"]')?.textContent).toBe('Filled 1 field');
    await click(getButton(shadow(), 'Fill form'));
    expect(shadow().querySelector('.sb-fill [role="status"]')?.textContent).toBe(
      'Nothing to fill: fields already have text',
    );
    await act(() => {
      vi.advanceTimersByTime(10_000);
    });
    expect(shadow().querySelector('.sb-fill [role="status"]')?.textContent).toBe('');
  });
});

describe('call log in the bar', () => {
  let nextId = 0;
  const item = (overrides: Partial<WrapUpItem> = {}): WrapUpItem => ({
    callId: `bar-log-${++nextId}`,
    direction: 'inbound',
    remoteNumber: '+442079460958',
    remoteDisplay: '+44 20 7946 0958',
    remoteName: 'Olivia Bennett',
    endedAt: NOW - 5_000,
    deferred: false,
    ...overrides,
  });
  const panel = () =>
    Array.from(shadow().querySelectorAll('section')).find((s) => accessibleName(s) === 'Call log');
  const notes = () => panel()?.querySelector('textarea') as HTMLTextAreaElement | undefined;

  it('asks for the newest call not left for later, when the configuration says so', async () => {
    const older = item({ remoteName: 'Marcus Reed' });
    const later = item({ remoteName: 'Giulia Romano', deferred: true });
    await startBar();
    await setPolicy({ callLogPrompt: true, dispositions: ['Resolved', 'Callback'] });
    await setState(makeState({ wrapUp: [later, older] }));
    expect(panel()?.textContent).toContain('Marcus Reed');
    expect(panel()?.textContent).not.toContain('Giulia Romano');
    expect(accessibleName(notes() as HTMLTextAreaElement)).toBe('Notes');
    expect(getField<HTMLSelectElement>(panel() as HTMLElement, 'Disposition')).toBeDefined();
    await setPolicy({ callLogPrompt: false });
    expect(panel()).toBeUndefined();
    await setPolicy({ callLogPrompt: true });
    await setState(makeState({ wrapUp: [later] }));
    expect(panel()).toBeUndefined();
  });

  it('says "Saved" after the hub stored the log, even once the hub has dropped the call', async () => {
    const call = item();
    let stored: (value: unknown) => void = () => undefined;
    sendMock.mockImplementationOnce(
      () =>
        new Promise((resolve) => {
          stored = resolve;
        }) as never,
    );
    await startBar();
    await setPolicy({ callLogPrompt: true, dispositions: ['Resolved', 'Callback'] });
    await setState(makeState({ wrapUp: [call] }));
    await act(async () => {
      const area = notes() as HTMLTextAreaElement;
      area.value = 'Asked about the March invoice';
      area.dispatchEvent(new Event('input', { bubbles: true }));
      await settle();
    });
    await choose(getField<HTMLSelectElement>(panel() as HTMLElement, 'Disposition'), 'Callback');
    await click(getButton(shadow(), 'Save'));
    // The hub drops the call from the list before its reply arrives: the form stays.
    await setState(makeState({ wrapUp: [] }));
    expect(panel()?.textContent).not.toContain('Saved');
    expect(notes()?.value).toBe('Asked about the March invoice');
    await act(async () => {
      stored({});
      await settle();
    });
    expect(sendMock).toHaveBeenCalledWith('saveCallLog', {
      callId: call.callId,
      notes: 'Asked about the March invoice',
      disposition: 'Callback',
    });
    expect(panel()?.querySelector('[role="status"]')?.textContent).toBe('Saved');
    await act(() => {
      vi.advanceTimersByTime(5_000);
    });
    expect(panel()).toBeUndefined();
  });

  it('keeps typed notes while the hub state changes and the bar is minimized', async () => {
    const call = item();
    await startBar();
    await setPolicy({ callLogPrompt: true });
    await setState(makeState({ wrapUp: [call] }));
    await act(async () => {
      const area = notes() as HTMLTextAreaElement;
      area.value = 'Half a note';
      area.dispatchEvent(new Event('input', { bubbles: true }));
      await settle();
    });
    await setState(makeState({ wrapUp: [call], calls: [makeCall({ id: 'next' })] }));
    await click(getButton(shadow(), 'Minimize agent bar'));
    await click(getButton(shadow(), 'Open agent bar'));
    expect(notes()?.value).toBe('Half a note');
  });

  it('"Later" asks the hub to keep the log for later, and the panel goes', async () => {
    const call = item();
    await startBar();
    await setPolicy({ callLogPrompt: true });
    await setState(makeState({ wrapUp: [call] }));
    await click(getButton(shadow(), 'Later'));
    expect(sendMock).toHaveBeenCalledWith('deferCallLog', { callId: call.callId });
    await setState(makeState({ wrapUp: [{ ...call, deferred: true }] }));
    expect(panel()).toBeUndefined();
  });
});

describe('frame in the bar', () => {
  beforeEach(() => {
    // happy-dom loads no frames and says so on Node's console.
    vi.spyOn(nodeConsole, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => vi.restoreAllMocks());

  it('shows the hub’s frame with its title, and closes it through the hub', async () => {
    await startBar();
    await setPolicy({});
    const frame = {
      url: 'https://crm.example.com/record.html?phone=%2B442079460958',
      title: 'Customer card',
      at: NOW,
    };
    await setState(makeState({ calls: [makeCall()], frame }));
    expect(region()?.dataset.frame).toBe('true');
    expect(shadow().querySelector('iframe')?.getAttribute('src')).toBe(frame.url);
    expect(shadow().textContent).toContain('Customer card');
    expect(accessibleName(region() as HTMLElement)).toBe('Agent bar');
    expect(buttonNames(shadow())).toContain('Hang up');
    await click(getButton(shadow(), 'Close'));
    expect(sendMock).toHaveBeenCalledWith('closeFrame', undefined);
    await setState(makeState({ calls: [makeCall()] }));
    expect(shadow().querySelector('iframe')).toBeNull();
  });
});
