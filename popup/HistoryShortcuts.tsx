import { useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { exportHistory, type HistoryFormat } from '../options/history-download';

/** Where the options page lists the call history; relative, so it also works as a plain link. */
const HISTORY_PAGE = '../options/index.html#history';

/** The call history from the popup: a link to the full table, and both exports. */
export function HistoryShortcuts() {
  const [error, setError] = useState<string>();

  const exportAs = async (format: HistoryFormat) => {
    setError(undefined);
    try {
      await exportHistory(format);
    } catch (problem) {
      setError(`Export failed: ${problem instanceof Error ? problem.message : String(problem)}`);
    }
  };

  return (
    <div class="sb-popup-history">
      <a
        class="sb-link"
        href={HISTORY_PAGE}
        onClick={(event) => {
          event.preventDefault();
          // A tab of its own: the popup closes as soon as the new tab takes focus.
          void browser.tabs.create({ url: event.currentTarget.href });
        }}
      >
        Call history
      </a>
      <fieldset class="sb-popup-history-export" aria-label="Export history">
        <button type="button" class="sb-btn" onClick={() => void exportAs('csv')}>
          Export CSV
        </button>
        <button type="button" class="sb-btn" onClick={() => void exportAs('json')}>
          Export JSON
        </button>
      </fieldset>
      {error && (
        <p class="sb-bad" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
