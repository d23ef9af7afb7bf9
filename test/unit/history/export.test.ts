import { describe, expect, it } from 'vitest';
import { historyToCsv, historyToJson } from '../../../src/core/history/export';
import { toCallLogRecord } from '../../../src/core/history/record';
import type { CallLogRecord } from '../../../src/core/history/types';
import { endedCall } from './helpers';

const base = toCallLogRecord(endedCall('c1'), { profileId: 'p1', vendorId: 'demo' }, undefined);
const record = (overrides: Partial<CallLogRecord>): CallLogRecord => ({ ...base, ...overrides });

/** Splits RFC 4180 text with CRLF-ended rows into fields (quoted ones may hold commas, quotes, breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  const field = /("(?:[^"]|"")*"|[^,\r\n"]*)(,|\r\n)/y;
  while (field.lastIndex < text.length) {
    const match = field.exec(text);
    if (!match) throw new Error(`not CSV at ${field.lastIndex}`);
    const raw = match[1] ?? '';
    row.push(raw.startsWith('"') ? raw.slice(1, -1).replaceAll('""', '"') : raw);
    if (match[2] === '\r\n') {
      rows.push(row);
      row = [];
    }
  }
  return rows;
}

describe('historyToCsv', () => {
  it('writes a header row and one CRLF-ended row per record, times in ISO 8601 UTC', () => {
    const csv = historyToCsv([record({ status: 'saved', savedAt: Date.UTC(2026, 0, 15, 10, 0) })]);
    const [header, row] = parseCsv(csv);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(header?.slice(0, 3)).toEqual(['callId', 'vendorCallId', 'profileId']);
    const cell = (name: string) => row?.[header?.indexOf(name) ?? -1];
    expect(cell('createdAt')).toBe('2026-01-15T09:30:00.000Z');
    expect(cell('answeredAt')).toBe('2026-01-15T09:30:05.000Z');
    expect(cell('endedAt')).toBe('2026-01-15T09:31:10.000Z');
    expect(cell('savedAt')).toBe('2026-01-15T10:00:00.000Z');
    expect(cell('durationSec')).toBe('65');
    expect(cell('disposition')).toBe('');
    expect(JSON.parse(cell('vendorData') ?? '')).toEqual({ customerId: 'C-1042', priority: 'gold' });
  });

  it('quotes commas, quotes and line breaks so a parser reads the notes back whole', () => {
    const notes = 'Said "call me, later"\r\nSecond line\nThird';
    const [header, row] = parseCsv(historyToCsv([record({ notes })]));
    expect(row?.[header?.indexOf('notes') ?? -1]).toBe(notes);
    expect(row).toHaveLength(header?.length ?? 0);
  });

  it('defuses cells a spreadsheet would run as formulas, and leaves numbers and phone numbers readable', () => {
    const cells = (notes: string) => {
      const [header, row] = parseCsv(historyToCsv([record({ notes })]));
      return row?.[header?.indexOf('notes') ?? -1];
    };
    expect(cells('=HYPERLINK("http://evil.example","x")')).toBe('\'=HYPERLINK("http://evil.example","x")');
    expect(cells('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(cells('\tcmd')).toBe("'\tcmd");
    expect(cells('\rcmd')).toBe("'\rcmd");
    expect(cells('+cmd|" /C calc"!A0')).toBe('\'+cmd|" /C calc"!A0');
    expect(cells('-2+3+cmd|" /C calc"!A0')).toBe('\'-2+3+cmd|" /C calc"!A0');
    expect(cells('+44 20 7946 0018')).toBe('+44 20 7946 0018');
    expect(cells('+1 (555) 010-4477')).toBe('+1 (555) 010-4477');
    expect(cells('-12.5')).toBe('-12.5');
    expect(cells('Fine = good')).toBe('Fine = good');

    const [header, row] = parseCsv(
      historyToCsv([record({ remoteNumber: '+44 20 7946 0018', remoteName: '=1+1' })]),
    );
    expect(row?.[header?.indexOf('remoteNumber') ?? -1]).toBe('+44 20 7946 0018');
    expect(row?.[header?.indexOf('remoteName') ?? -1]).toBe("'=1+1");
  });

  it('writes only the header for an empty history', () => {
    expect(parseCsv(historyToCsv([]))).toHaveLength(1);
  });
});

describe('historyToJson', () => {
  it('writes { exportedAt, records } indented, records as stored', () => {
    const records = [record({ callId: 'c2' }), record({})];
    const json = historyToJson(records, Date.UTC(2026, 1, 1));
    expect(json).toContain('\n  "records": [');
    expect(JSON.parse(json)).toEqual({
      exportedAt: '2026-02-01T00:00:00.000Z',
      records: JSON.parse(JSON.stringify(records)),
    });
  });
});
