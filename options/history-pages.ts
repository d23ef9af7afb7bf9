import type { CallLogRecord, HistoryView } from '../src/core/history/types';
import { send } from '../src/messaging/client';
import type { RequestOf } from '../src/messaging/protocol';

/**
 * Records per `getHistory` request while reading the whole history: the hub's largest page, and small
 * enough that one reply stays far below the runtime's message size limit.
 */
export const HISTORY_PAGE_SIZE = 1000;

/** Asks the hub for one page of the history. */
export type HistoryPageReader = (request: NonNullable<RequestOf<'getHistory'>>) => Promise<HistoryView>;

const askHub: HistoryPageReader = (request) => send('getHistory', request);

/**
 * Every record of the history, newest first, read page by page. Each page after the first asks for what
 * ended before the last record's time plus one millisecond, so records sharing that time across the page
 * boundary come again and are dropped by call id rather than skipped. Only when a whole page shares one
 * millisecond does it move below it, skipping the rest of that millisecond: there is no other way on.
 */
export async function readWholeHistory(readPage: HistoryPageReader = askHub): Promise<CallLogRecord[]> {
  const records: CallLogRecord[] = [];
  const seen = new Set<string>();
  let before: number | undefined;
  for (;;) {
    const page = (await readPage({ limit: HISTORY_PAGE_SIZE, before })).records;
    for (const record of page) {
      if (seen.has(record.callId)) continue;
      seen.add(record.callId);
      records.push(record);
    }
    const last = page.at(-1);
    if (page.length < HISTORY_PAGE_SIZE || last === undefined) return records;
    const next = before === undefined || last.endedAt + 1 < before ? last.endedAt + 1 : last.endedAt;
    // A hub that ignores `before` would answer the same page forever.
    if (before !== undefined && next >= before)
      throw new Error('The call history could not be read page by page.');
    before = next;
  }
}
