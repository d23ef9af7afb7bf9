// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { historyToCsv, historyToJson } from '../../../src/core/history/export';
import type { CallLogRecord, HistoryView } from '../../../src/core/history/types';
import {
  answer,
  button,
  byLabel,
  mountPage,
  press,
  resetPage,
  roleTexts,
  section,
  type,
  viewOf,
} from './harness';

const send = vi.fn();
vi.mock('../../../src/messaging/client', () => ({ send: (...args: unknown[]) => send(...args) }));
const downloadText = vi.fn();
vi.mock('../../../options/download', () => ({ downloadText: (...args: unknown[]) => downloadText(...args) }));
const { OptionsApp } = await import('../../../options/OptionsApp');

const T0 = new Date(2026, 2, 9, 14, 30).getTime();

function record(overrides: Partial<CallLogRecord>): CallLogRecord {
  return {
    callId: 'c1',
    vendorCallId: 'v1',
    profileId: 'demo',
    vendorId: 'demo',
    direction: 'inbound',
    media: 'voice',
    remoteNumber: '+442079460958',
    remoteDisplay: '+44 20 7946 0958',
    remoteName: 'Olivia Bennett',
    createdAt: T0,
    answeredAt: T0 + 5_000,
    endedAt: T0 + 100_000,
    durationSec: 95,
    notes: 'Asked about the March invoice',
    disposition: 'Callback',
    status: 'saved',
    savedAt: T0 + 120_000,
    vendorData: {},
    ...overrides,
  };
}

const delivered = record({ callId: 'delivered' });
const queued = record({
  callId: 'queued',
  remoteName: 'Marcus Reed',
  direction: 'outbound',
  notes: 'Wants a quote',
  disposition: 'Resolved',
});
const pending = record({
  callId: 'pending',
  remoteName: 'Giulia Romano',
  answeredAt: undefined,
  durationSec: 0,
  notes: '',
  disposition: undefined,
  status: 'deferred',
  savedAt: undefined,
});

const HISTORY: HistoryView = {
  records: [pending, queued, delivered],
  deliveries: [
    { callId: 'delivered', state: 'delivered', attempts: 3, deliveredAt: T0 + 200_000 },
    { callId: 'queued', state: 'queued', attempts: 2, nextAttemptAt: T0 + 300_000, lastError: 'HTTP 503' },
  ],
  webhookUrl: 'https://crm.example.com/hook',
};

let page: Awaited<ReturnType<typeof mountPage>>;
let history: HistoryView;

async function open() {
  answer(send, {
    getConfig: () => viewOf({ callLog: { prompt: true, dispositions: ['Resolved', 'Callback'] } }),
    getHistory: () => history,
    saveCallLog: (data) => {
      const { callId, notes, disposition } = data as { callId: string; notes: string; disposition?: string };
      history = {
        ...history,
        records: history.records.map((r) =>
          r.callId === callId ? { ...r, notes, disposition, status: 'saved' } : r,
        ),
      };
      return history.records.find((r) => r.callId === callId);
    },
  });
  page = await mountPage(<OptionsApp />);
  await vi.waitFor(() => expect(page.root.querySelector('.op-history')).not.toBeNull());
  return section(page.root, 'Call history');
}

const rows = (root: ParentNode) =>
  [...root.querySelectorAll('.op-history tbody tr')].map((tr) =>
    [...tr.querySelectorAll('td')].map((td) => td.textContent),
  );

beforeEach(() => {
  send.mockReset();
  downloadText.mockReset();
  resetPage();
  history = HISTORY;
});
afterEach(() => {
  page?.unmount();
  vi.useRealTimers();
  history = HISTORY;
});

describe('call history', () => {
  it('lists the calls newest first with their log and webhook delivery', async () => {
    const calls = await open();
    expect(send).toHaveBeenCalledWith('getHistory', { limit: 500 });
    const table = rows(calls);
    expect(table.map((row) => row[3])).toEqual(['Giulia Romano', 'Marcus Reed', 'Olivia Bennett']);
    const [giulia, marcus, olivia] = table;
    expect(olivia?.slice(1, 8)).toEqual([
      'Incoming',
      '+44 20 7946 0958',
      'Olivia Bennett',
      '1:35',
      'Callback',
      'Asked about the March invoice',
      'Saved',
    ]);
    expect(olivia?.[8]).toMatch(/^Delivered .+ after 3 attempts$/);
    expect(marcus?.[1]).toBe('Outgoing');
    expect(marcus?.[8]).toMatch(/^Queued, 2 attempts so far; next attempt .+; last error: HTTP 503$/);
    expect(giulia?.[4]).toBe('Not answered');
    expect(giulia?.[7]).toMatch(/^Left for later/);
    expect(giulia?.[8]).toBe('Sent once saved');
    expect(calls.textContent).toContain('https://crm.example.com/hook');
  });

  it('refreshes on demand', async () => {
    const calls = await open();
    history = { records: [record({ callId: 'new', remoteName: 'Ada Lovelace' })], deliveries: [] };
    await press(button(calls, 'Refresh'));
    await vi.waitFor(() => expect(rows(calls).map((row) => row[3])).toEqual(['Ada Lovelace']));
    expect(rows(calls)[0]?.[8]).toBe('No webhook');
  });

  it('exports the whole history as CSV and as JSON, named by the date', async () => {
    vi.useFakeTimers({ now: new Date(2026, 2, 9, 23, 59).getTime(), toFake: ['Date'] });
    const calls = await open();
    await press(button(calls, 'Export CSV'));
    await vi.waitFor(() => expect(downloadText).toHaveBeenCalledTimes(1));
    expect(downloadText).toHaveBeenCalledWith(
      historyToCsv(HISTORY.records),
      'softbar-call-history-2026-03-09.csv',
      'text/csv',
    );
    expect(downloadText.mock.calls[0]?.[0]).toContain('Asked about the March invoice');
    await press(button(calls, 'Export JSON'));
    await vi.waitFor(() => expect(downloadText).toHaveBeenCalledTimes(2));
    const [json, name, mime] = downloadText.mock.calls[1] ?? [];
    expect(name).toBe('softbar-call-history-2026-03-09.json');
    expect(mime).toBe('application/json');
    const exportedAt = Date.parse(JSON.parse(json as string).exportedAt);
    expect(exportedAt - new Date(2026, 2, 9, 23, 59).getTime()).toBeLessThan(5_000);
    expect(json).toBe(historyToJson(HISTORY.records, exportedAt));
    expect(JSON.parse(json as string).records.map((r: CallLogRecord) => r.callId)).toEqual([
      'pending',
      'queued',
      'delivered',
    ]);
    // Exports read the whole history page by page; three calls fit in the first page.
    const requests = send.mock.calls.filter(([n]) => n === 'getHistory').map(([, data]) => data);
    expect(requests.slice(1)).toEqual([
      { limit: 1000, before: undefined },
      { limit: 1000, before: undefined },
    ]);
    await vi.waitFor(() => expect(roleTexts(page.root, 'status')).toContain('Exported 3 calls as JSON'));
  });

  it('says why an export failed', async () => {
    const calls = await open();
    send.mockImplementation(async () => {
      throw new Error('Softbar did not answer');
    });
    await press(button(calls, 'Export CSV'));
    await vi.waitFor(() =>
      expect(roleTexts(calls, 'alert')[0]).toMatch(/not exported\. Softbar did not answer/),
    );
    expect(downloadText).not.toHaveBeenCalled();
  });

  it('finishes a log that waits for notes, then shows it saved', async () => {
    const calls = await open();
    expect(() => button(calls, 'Write notes for Olivia Bennett')).toThrow(/0 buttons/);
    await press(button(calls, 'Write notes for Giulia Romano'));
    await type(byLabel<HTMLTextAreaElement>(calls, 'Notes'), 'Called back, sorted');
    const disposition = byLabel<HTMLSelectElement>(calls, 'Disposition');
    expect([...disposition.options].map((o) => o.value)).toEqual(['', 'Resolved', 'Callback']);
    disposition.value = 'Resolved';
    disposition.dispatchEvent(new Event('change', { bubbles: true }));
    await press(button(calls, 'Save'));
    await vi.waitFor(() =>
      expect(send).toHaveBeenCalledWith('saveCallLog', {
        callId: 'pending',
        notes: 'Called back, sorted',
        disposition: 'Resolved',
      }),
    );
    await vi.waitFor(() =>
      expect(rows(calls)[0]?.slice(5, 8)).toEqual(['Resolved', 'Called back, sorted', 'Saved']),
    );
    expect(calls.querySelector('form')).toBeNull();
    await vi.waitFor(() =>
      expect(roleTexts(page.root, 'status')).toContain('Call log saved for Giulia Romano'),
    );
  });

  it('says why the history could not be loaded, and keeps the rest of the page', async () => {
    answer(send, {
      getConfig: () => viewOf({}),
      getHistory: () => Promise.reject(new Error('database closed')),
    });
    page = await mountPage(<OptionsApp />);
    await vi.waitFor(() =>
      expect(roleTexts(page.root, 'alert').join()).toMatch(/call history: database closed/),
    );
    expect(byLabel(page.root, 'Webhook URL')).toBeDefined();
  });

  it('scrolls to the history and focuses its heading when the address ends in #history', async () => {
    const scrolled: Element[] = [];
    const scroll = vi.spyOn(HTMLElement.prototype, 'scrollIntoView').mockImplementation(function (
      this: HTMLElement,
    ) {
      scrolled.push(this);
    });
    location.hash = '#history';
    try {
      await open();
      expect(scrolled.map((el) => el.id)).toEqual(['history']);
      expect(document.activeElement?.textContent).toBe('Call history');
    } finally {
      location.hash = '';
      scroll.mockRestore();
    }
  });
});
