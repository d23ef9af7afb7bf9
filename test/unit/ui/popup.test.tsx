// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PopupApp } from '../../../popup/PopupApp';
import { historyToCsv, historyToJson } from '../../../src/core/history/export';
import type { CallLogRecord } from '../../../src/core/history/types';
import type { HubState, WrapUpItem } from '../../../src/core/hub-state';
import { send } from '../../../src/messaging/client';
import { hubLinked, hubState } from '../../../src/messaging/live-state';
import { actionError } from '../../../src/ui/actions';
import { accessibleName, click, getButton, getField, mount, queryButton, settle } from './dom';
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
const downloadText = vi.hoisted(() => vi.fn());
vi.mock('../../../options/download', () => ({ downloadText }));

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
  downloadText.mockReset();
  actionError.value = undefined;
  Object.assign(fake.browser, {
    tabs: { create: vi.fn(async () => ({})), query: vi.fn(async () => []) },
  });
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

  it('opens the vendor’s screen from the popup too', async () => {
    const root = await show(
      makeState({
        session: { profileId: 'tg', vendorId: 'tegsoft', label: 'Tegsoft' },
        capabilities: { ...makeState().capabilities, vendorScreen: true },
      }),
    );
    await click(getButton(root, 'Open Tegsoft screen'));
    expect(sendMock).toHaveBeenCalledWith('openVendorScreen', undefined);
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

function wrapUp(overrides: Partial<WrapUpItem>): WrapUpItem {
  return {
    callId: 'w1',
    direction: 'inbound',
    remoteNumber: '+14155550132',
    remoteDisplay: '+1 415 555 0132',
    endedAt: NOW - 60_000,
    deferred: false,
    ...overrides,
  };
}

/** Answers `callLogOptions` with these dispositions; the rest with nothing. */
function answerHub(dispositions: string[]) {
  sendMock.mockImplementation((async (name: string) => {
    if (name === 'callLogOptions') return { prompt: true, dispositions };
    return undefined;
  }) as typeof send);
}

const region = (root: HTMLElement, name: string) =>
  [...root.querySelectorAll('section')].find((section) => accessibleName(section) === name);

describe('popup: calls to log', () => {
  it('lists the calls waiting for notes, newest first, and nothing when there are none', async () => {
    const root = await show(
      makeState({
        wrapUp: [
          wrapUp({ callId: 'old', remoteName: 'Marcus Reed', endedAt: NOW - 600_000, deferred: true }),
          wrapUp({ callId: 'new', remoteName: 'Giulia Romano', endedAt: NOW - 60_000 }),
        ],
      }),
    );
    const list = region(root, 'Calls to log');
    const items = [...(list?.querySelectorAll('li') ?? [])].map((li) => li.textContent);
    expect(items).toHaveLength(2);
    expect(items[0]).toMatch(/^Giulia Romano/);
    expect(items[1]).toMatch(/^Marcus Reed.*Later/);
    await cleanup?.();
    expect(region(await show(makeState()), 'Calls to log')).toBeUndefined();
  });

  it('opens the notes form with the configured dispositions and saves the log', async () => {
    answerHub(['Resolved', 'Callback']);
    const item = wrapUp({ callId: 'marcus', remoteName: 'Marcus Reed', deferred: true });
    const root = await show(makeState({ wrapUp: [item] }));
    const open = getButton(root, 'Write notes for Marcus Reed');
    expect(open.getAttribute('aria-expanded')).toBe('false');
    await click(open);
    expect(open.getAttribute('aria-expanded')).toBe('true');
    const notes = root.querySelector<HTMLTextAreaElement>('textarea');
    expect(notes && accessibleName(notes)).toBe('Notes');
    await act(async () => {
      if (notes) {
        notes.value = 'Wants a quote';
        notes.dispatchEvent(new Event('input', { bubbles: true }));
      }
      await settle();
    });
    const disposition = getField<HTMLSelectElement>(root, 'Disposition');
    expect([...disposition.options].map((option) => option.value)).toEqual(['', 'Resolved', 'Callback']);
    await click(getButton(root, 'Save'));
    expect(sendMock).toHaveBeenCalledWith('saveCallLog', { callId: 'marcus', notes: 'Wants a quote' });
    // The configuration holds credentials: the popup asks for the call-log options only.
    expect(sendMock.mock.calls.map(([name]) => name)).not.toContain('getConfig');
    // The hub drops the call from the list at once; "Saved" stays on screen for the agent.
    await act(async () => {
      hubState.value = makeState({ wrapUp: [] });
      await settle();
    });
    expect(region(root, 'Calls to log')?.textContent).toContain('Saved');
  });
});

describe('popup: call history', () => {
  const records = [
    { callId: 'c1', remoteNumber: '+442079460958', notes: 'Line, with "quotes"', status: 'saved' },
  ] as unknown as CallLogRecord[];

  it('exports the history as CSV and as JSON', async () => {
    sendMock.mockImplementation((async (name: string) =>
      name === 'getHistory' ? { records, deliveries: [] } : undefined) as typeof send);
    const root = await show(makeState());
    await click(getButton(root, 'Export CSV'));
    expect(sendMock).toHaveBeenCalledWith('getHistory', { limit: 1000, before: undefined });
    expect(downloadText).toHaveBeenCalledWith(
      historyToCsv(records),
      'softbar-call-history-2025-01-15.csv',
      'text/csv',
    );
    await click(getButton(root, 'Export JSON'));
    expect(downloadText).toHaveBeenLastCalledWith(
      historyToJson(records, NOW),
      'softbar-call-history-2025-01-15.json',
      'application/json',
    );
  });

  it('says when an export fails', async () => {
    sendMock.mockRejectedValue(new Error('Softbar did not answer'));
    const root = await show(makeState());
    await click(getButton(root, 'Export JSON'));
    expect(root.querySelector('[role="alert"]')?.textContent).toBe('Export failed: Softbar did not answer');
    expect(downloadText).not.toHaveBeenCalled();
  });

  it('opens the history in the options page', async () => {
    const root = await show(makeState());
    const link = [...root.querySelectorAll('a')].find((a) => accessibleName(a) === 'Call history');
    expect(link).toBeDefined();
    await click(link as HTMLAnchorElement);
    const tabs = (fake.browser as unknown as { tabs: { create: ReturnType<typeof vi.fn> } }).tabs;
    expect(tabs.create).toHaveBeenCalledWith({ url: expect.stringMatching(/options\/index\.html#history$/) });
  });
});
