import { historyToCsv, historyToJson } from '../src/core/history/export';
import { send } from '../src/messaging/client';
import { downloadText } from './download';

export type HistoryFormat = 'csv' | 'json';

/**
 * How many calls an export asks for: the whole history in practice. The table shows fewer; an export is
 * what an admin archives, so it should not stop at the table's page.
 */
export const HISTORY_EXPORT_LIMIT = 100_000;

const MIME: Record<HistoryFormat, string> = { csv: 'text/csv', json: 'application/json' };

/** `softbar-call-history-2026-01-15.csv`, dated in the admin's own time zone. */
export function historyFileName(format: HistoryFormat, at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `softbar-call-history-${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}.${format}`;
}

/** Fetches the history from the hub and saves it as a file; resolves with the number of calls exported. */
export async function exportHistory(format: HistoryFormat, now: number = Date.now()): Promise<number> {
  const { records } = await send('getHistory', { limit: HISTORY_EXPORT_LIMIT });
  const text = format === 'csv' ? historyToCsv(records) : historyToJson(records, now);
  downloadText(text, historyFileName(format, new Date(now)), MIME[format]);
  return records.length;
}
