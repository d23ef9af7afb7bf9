import type { CallLogRecord } from './types';

type Column = readonly [header: string, cell: (record: CallLogRecord) => string | number | undefined];

const isoTime = (ms: number | undefined): string | undefined =>
  ms === undefined ? undefined : new Date(ms).toISOString();

/** The CSV columns, in order: the record's fields, times in ISO 8601 UTC, vendorData as JSON. */
const COLUMNS: readonly Column[] = [
  ['callId', (r) => r.callId],
  ['vendorCallId', (r) => r.vendorCallId],
  ['profileId', (r) => r.profileId],
  ['vendorId', (r) => r.vendorId],
  ['direction', (r) => r.direction],
  ['media', (r) => r.media],
  ['remoteNumber', (r) => r.remoteNumber],
  ['remoteE164', (r) => r.remoteE164],
  ['remoteDisplay', (r) => r.remoteDisplay],
  ['remoteName', (r) => r.remoteName],
  ['queue', (r) => r.queue],
  ['service', (r) => r.service],
  ['campaign', (r) => r.campaign],
  ['createdAt', (r) => isoTime(r.createdAt)],
  ['answeredAt', (r) => isoTime(r.answeredAt)],
  ['endedAt', (r) => isoTime(r.endedAt)],
  ['durationSec', (r) => r.durationSec],
  ['endReason', (r) => r.endReason],
  ['status', (r) => r.status],
  ['disposition', (r) => r.disposition],
  ['notes', (r) => r.notes],
  ['savedAt', (r) => isoTime(r.savedAt)],
  ['vendorData', (r) => JSON.stringify(r.vendorData ?? {})],
];

// Spreadsheets run a cell as a formula when it starts with one of these (OWASP "CSV injection").
const FORMULA_START = /^[=@\t\r]/;
const SIGNED_START = /^[+-]/;
// A sign followed by a phone number or a number cannot call a function, so it stays as written.
const SIGNED_NUMBER = /^[+-][\d\s().,/-]*\d[\d\s().,/-]*$/;

/** The text with a leading apostrophe when a spreadsheet would run it as a formula. */
function defuse(text: string): string {
  if (FORMULA_START.test(text)) return `'${text}`;
  if (SIGNED_START.test(text) && !SIGNED_NUMBER.test(text)) return `'${text}`;
  return text;
}

/** One RFC 4180 field: quoted when it holds a quote, comma or line break, quotes doubled. */
function field(value: string | number | undefined): string {
  if (value === undefined) return '';
  const text = typeof value === 'number' ? String(value) : defuse(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The records as RFC 4180 CSV (CRLF line ends, a header row), safe to open in a spreadsheet. */
export function historyToCsv(records: readonly CallLogRecord[]): string {
  const lines = [COLUMNS.map(([header]) => header).join(',')];
  for (const record of records) lines.push(COLUMNS.map(([, cell]) => field(cell(record))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** The records as indented JSON, in the shape the webhook sends them, with the export time. */
export function historyToJson(records: readonly CallLogRecord[], exportedAt: number): string {
  return `${JSON.stringify({ exportedAt: new Date(exportedAt).toISOString(), records }, null, 2)}\n`;
}
