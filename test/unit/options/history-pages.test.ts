import { describe, expect, it, vi } from 'vitest';
import { HISTORY_PAGE_SIZE, readWholeHistory } from '../../../options/history-pages';
import type { CallLogRecord, HistoryView } from '../../../src/core/history/types';

// The default reader talks to the hub; these tests hand their own (vi.mock is hoisted).
vi.mock('../../../src/messaging/client', () => ({ send: vi.fn() }));

const record = (callId: string, endedAt: number) => ({ callId, endedAt }) as CallLogRecord;

/**
 * A hub over `all` (newest first) that answers like the worker: at most `limit` records that ended
 * strictly before `before`.
 */
function fakeHub(all: readonly CallLogRecord[]) {
  return vi.fn(async ({ limit, before }: { limit?: number; before?: number }): Promise<HistoryView> => {
    const older = all.filter((r) => before === undefined || r.endedAt < before);
    return { records: older.slice(0, limit), deliveries: [] };
  });
}

/** `count` records, newest first, ending one per millisecond down from `newest`. */
const calls = (count: number, newest: number, prefix = 'c') =>
  Array.from({ length: count }, (_, i) => record(`${prefix}${i}`, newest - i));

const ids = (records: readonly CallLogRecord[]) => records.map((r) => r.callId);

describe('reading the whole history', () => {
  it('reads page after page until one comes back short', async () => {
    const all = calls(2 * HISTORY_PAGE_SIZE + 5, 1_000_000);
    const hub = fakeHub(all);
    expect(ids(await readWholeHistory(hub))).toEqual(ids(all));
    expect(hub.mock.calls.map(([request]) => request)).toEqual([
      { limit: HISTORY_PAGE_SIZE, before: undefined },
      { limit: HISTORY_PAGE_SIZE, before: (all[HISTORY_PAGE_SIZE - 1]?.endedAt ?? 0) + 1 },
      // The second page began again at the first one's last call, so it ends one call earlier.
      { limit: HISTORY_PAGE_SIZE, before: (all[2 * HISTORY_PAGE_SIZE - 2]?.endedAt ?? 0) + 1 },
    ]);
  });

  it('asks once more after a full last page, and stops at the empty one', async () => {
    const all = calls(HISTORY_PAGE_SIZE, 5_000);
    const hub = fakeHub(all);
    expect(await readWholeHistory(hub)).toHaveLength(HISTORY_PAGE_SIZE);
    expect(hub).toHaveBeenCalledTimes(2);
  });

  it('keeps every call that ended in the same millisecond as a page boundary, once', async () => {
    // The first page ends inside a run of three calls sharing 500 ms.
    const all = [
      ...calls(HISTORY_PAGE_SIZE - 1, 10_000),
      ...calls(3, 500, 'same').map((r) => record(r.callId, 500)),
      ...calls(4, 400, 'old'),
    ];
    const hub = fakeHub(all);
    const read = await readWholeHistory(hub);
    expect(ids(read)).toEqual(ids(all));
    expect(new Set(ids(read)).size).toBe(read.length);
  });

  it('moves on when a whole page ended in one millisecond', async () => {
    const tied = Array.from({ length: HISTORY_PAGE_SIZE + 2 }, (_, i) => record(`tied${i}`, 700));
    const all = [...tied, record('older', 600)];
    const read = await readWholeHistory(fakeHub(all));
    // The tied calls past one page cannot be reached by time alone; the older ones still are.
    expect(ids(read)).toEqual([...ids(tied.slice(0, HISTORY_PAGE_SIZE)), 'older']);
  });

  it('fails rather than loop when the hub does not page', async () => {
    const all = calls(HISTORY_PAGE_SIZE + 1, 9_000);
    const hub = vi.fn(async () => ({ records: all.slice(0, HISTORY_PAGE_SIZE), deliveries: [] }));
    await expect(readWholeHistory(hub)).rejects.toThrow(/page by page/);
    expect(hub).toHaveBeenCalledTimes(3);
  });
});
