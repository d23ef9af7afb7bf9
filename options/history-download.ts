import { historyToCsv, historyToJson } from '../src/core/history/export';
import { downloadText } from './download';
import { readWholeHistory } from './history-pages';

export type HistoryFormat = 'csv' | 'json';

const MIME: Record<HistoryFormat, string> = { csv: 'text/csv', json: 'application/json' };

/** `softbar-call-history-2026-01-15.csv`, dated in the admin's own time zone. */
export function historyFileName(format: HistoryFormat, at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `softbar-call-history-${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}.${format}`;
}

/**
 * Fetches the whole history from the hub (not just the table's page: an export is what an admin archives)
 * and saves it as a file; resolves with the number of calls exported.
 */
export async function exportHistory(format: HistoryFormat, now: number = Date.now()): Promise<number> {
  const records = await readWholeHistory();
  const text = format === 'csv' ? historyToCsv(records) : historyToJson(records, now);
  downloadText(text, historyFileName(format, new Date(now)), MIME[format]);
  return records.length;
}
