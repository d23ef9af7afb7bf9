import type { CallLogRecord, CallLogStatus, DeliveryStatus } from '../src/core/history/types';
import { formatDuration } from '../src/ui/format';

const STATUS_LABELS: Record<CallLogStatus, string> = {
  pending: 'Waiting for notes',
  deferred: 'Left for later',
  saved: 'Saved',
};

/** Where a log stands, in words. */
export const statusText = (status: CallLogStatus) => STATUS_LABELS[status] ?? status;

/** Date and time, to the minute, in the browser's language; short, as a table has many columns. */
export const dateTimeText = (at: number) =>
  new Date(at).toLocaleString([], { dateStyle: 'short', timeStyle: 'short' });

/** Talk time, or that nobody answered. */
export function durationText(record: Pick<CallLogRecord, 'answeredAt' | 'durationSec'>): string {
  if (record.answeredAt === undefined && record.durationSec === 0) return 'Not answered';
  return formatDuration(record.durationSec * 1000);
}

/**
 * How the webhook delivery of one log stands: delivered, or queued with its attempts, next attempt and last
 * error; or why nothing is sent (no webhook, no notes yet).
 */
export function deliveryText(
  record: Pick<CallLogRecord, 'status'>,
  delivery: DeliveryStatus | undefined,
  webhookUrl: string | undefined,
): string {
  if (delivery?.state === 'delivered') {
    const when = delivery.deliveredAt === undefined ? '' : ` ${dateTimeText(delivery.deliveredAt)}`;
    const tries = delivery.attempts > 1 ? ` after ${delivery.attempts} attempts` : '';
    return `Delivered${when}${tries}`;
  }
  if (delivery?.state === 'queued') {
    const parts = [`Queued, ${delivery.attempts} ${delivery.attempts === 1 ? 'attempt' : 'attempts'} so far`];
    if (delivery.nextAttemptAt !== undefined)
      parts.push(`next attempt ${dateTimeText(delivery.nextAttemptAt)}`);
    if (delivery.lastError) parts.push(`last error: ${delivery.lastError}`);
    return parts.join('; ');
  }
  if (!webhookUrl) return 'No webhook';
  return record.status === 'saved' ? 'Not sent' : 'Sent once saved';
}

/** Whether the agent can still write the log's notes. */
export const awaitsNotes = (record: Pick<CallLogRecord, 'status'>) => record.status !== 'saved';
