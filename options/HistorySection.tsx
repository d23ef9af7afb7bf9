import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { HistoryTable, whoOf } from './HistoryTable';
import { exportHistory, type HistoryFormat } from './history-download';
import { HISTORY_TABLE_LIMIT, history, historyError, historyLoading, loadHistory } from './history-state';
import { ProblemAlert } from './IssueList';
import { announce, clearProblem, reportProblem } from './state';

/** Id of the section, so `#history` (the popup's link) lands on it. */
export const HISTORY_ANCHOR = 'history';

/** Every call's log and webhook delivery, newest first; logs still waiting for notes can be finished here. */
export function HistorySection({ dispositions }: { dispositions: readonly string[] }) {
  const writing = useSignal<string | undefined>(undefined);
  useEffect(() => {
    void loadHistory();
  }, []);

  const exportAs = async (format: HistoryFormat) => {
    clearProblem('history');
    try {
      const count = await exportHistory(format);
      announce(`Exported ${count} ${count === 1 ? 'call' : 'calls'} as ${format.toUpperCase()}`);
    } catch (error) {
      reportProblem(
        'history',
        `The call history was not exported. ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  };

  const current = history.value;
  const error = historyError.value;
  return (
    <section id={HISTORY_ANCHOR} class="op-card" aria-labelledby="history-title">
      <h2 id="history-title" tabIndex={-1}>
        Call history
      </h2>
      <p class="op-help">
        The newest {HISTORY_TABLE_LIMIT} calls, newest first. Exports hold the whole history, with each call's
        vendor fields.
        {current?.webhookUrl && (
          <>
            {' '}
            Saved logs are sent to <code>{current.webhookUrl}</code>.
          </>
        )}
      </p>
      <div class="op-actions">
        <button
          type="button"
          class="op-btn"
          disabled={historyLoading.value}
          onClick={() => void loadHistory()}
        >
          Refresh
        </button>
        <button type="button" class="op-btn" onClick={() => void exportAs('csv')}>
          Export CSV
        </button>
        <button type="button" class="op-btn" onClick={() => void exportAs('json')}>
          Export JSON
        </button>
      </div>
      {error !== undefined && (
        <div class="op-alert" role="alert">
          <p class="op-alert-title">Could not load the call history: {error}</p>
        </div>
      )}
      {current === undefined && error === undefined && <p class="op-muted">Loading the call history…</p>}
      {current && (
        <HistoryTable
          view={current}
          dispositions={dispositions}
          writing={writing}
          onLogged={(record, saved) => {
            announce(`Call log ${saved ? 'saved' : 'left for later'} for ${whoOf(record)}`);
            void loadHistory();
          }}
        />
      )}
      <ProblemAlert section="history" />
    </section>
  );
}
