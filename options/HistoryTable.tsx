import type { Signal } from '@preact/signals';
import { Fragment } from 'preact';
import { toWrapUpItem } from '../src/core/history/record';
import type { CallLogRecord, DeliveryStatus, HistoryView } from '../src/core/history/types';
import { DIRECTION_LABELS } from '../src/ui/format';
import { WrapUpForm, wrapUpPhase } from '../src/ui/WrapUpForm';
import { awaitsNotes, dateTimeText, deliveryText, durationText, statusText } from './history-format';

const COLUMNS = [
  'Time',
  'Direction',
  'Number',
  'Name',
  'Duration',
  'Disposition',
  'Notes',
  'Status',
  'Webhook',
];

interface Props {
  /** The records to list, with their webhook deliveries and the webhook URL in force. */
  readonly view: HistoryView;
  /** The agent's choices in the notes form. */
  readonly dispositions: readonly string[];
  /** Call id whose notes form is open, if any. */
  readonly writing: Signal<string | undefined>;
  /** A log was saved (`saved`) or left for later from the table. */
  readonly onLogged: (record: CallLogRecord, saved: boolean) => void;
}

/** How the table names the other party: the name when known, else the number. */
export const whoOf = (record: CallLogRecord) =>
  record.remoteName || record.remoteDisplay || record.remoteNumber;

/** Every call in the history, newest first, with its log and its webhook delivery. */
export function HistoryTable({ view, dispositions, writing, onLogged }: Props) {
  if (view.records.length === 0) return <p class="op-muted">No calls yet.</p>;
  const deliveries = new Map<string, DeliveryStatus>(
    view.deliveries.map((delivery) => [delivery.callId, delivery]),
  );
  return (
    <div class="op-table-scroll">
      <table class="op-table op-history">
        <thead>
          <tr>
            {COLUMNS.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {view.records.map((record) => {
            const delivery = deliveries.get(record.callId);
            const open = writing.value === record.callId;
            return (
              <Fragment key={record.callId}>
                <tr data-status={record.status}>
                  <td>
                    <time dateTime={new Date(record.createdAt).toISOString()}>
                      {dateTimeText(record.createdAt)}
                    </time>
                  </td>
                  <td>{DIRECTION_LABELS[record.direction]}</td>
                  <td class="op-nowrap">{record.remoteDisplay ?? record.remoteNumber}</td>
                  <td>{record.remoteName ?? ''}</td>
                  <td>{durationText(record)}</td>
                  <td>{record.disposition ?? ''}</td>
                  <td class="op-notes">{record.notes}</td>
                  <td>
                    {statusText(record.status)}
                    {awaitsNotes(record) && !open && (
                      <button
                        type="button"
                        class="op-btn op-btn-small"
                        aria-label={`Write notes for ${whoOf(record)}`}
                        onClick={() => {
                          writing.value = record.callId;
                        }}
                      >
                        Write notes
                      </button>
                    )}
                  </td>
                  <td data-delivery={delivery?.state ?? 'none'}>
                    {deliveryText(record, delivery, view.webhookUrl)}
                  </td>
                </tr>
                {open && (
                  <tr class="op-wrapup-row">
                    <td colSpan={COLUMNS.length}>
                      <div class="sb-ui op-wrapup">
                        <WrapUpForm
                          item={toWrapUpItem(record)}
                          dispositions={dispositions}
                          onDone={() => {
                            writing.value = undefined;
                            onLogged(record, wrapUpPhase(record.callId) === 'saved');
                          }}
                        />
                      </div>
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
