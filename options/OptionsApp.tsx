import { useEffect } from 'preact/hooks';
import { ExportSection } from './ExportSection';
import { GeneralSection } from './GeneralSection';
import { ImportSection } from './ImportSection';
import { SummarySection } from './SummarySection';
import { loadError, refresh, status, view } from './state';

/** The options page: the admin's view of the configuration. */
export function OptionsApp() {
  useEffect(() => {
    void refresh();
  }, []);

  const current = view.value;
  const error = loadError.value;
  return (
    <div class="op-page">
      <header class="op-header">
        <h1>Softbar options</h1>
        <p class="op-muted">Configuration of the agent bar for this browser.</p>
      </header>
      <main class="op-main">
        {error !== undefined && (
          <div class="op-alert" role="alert">
            <p class="op-alert-title">Could not load the configuration: {error}</p>
            <button type="button" class="op-btn" onClick={() => void refresh()}>
              Try again
            </button>
          </div>
        )}
        {current === undefined && error === undefined && <p class="op-muted">Loading the configuration…</p>}
        {current && <GeneralSection view={current} />}
        <ImportSection locked={current?.locked ?? []} />
        {current && <ExportSection config={current.config} />}
        {current && <SummarySection view={current} />}
      </main>
      <p class="op-toast" role="status" data-shown={status.value !== '' ? 'true' : 'false'}>
        {status.value}
      </p>
    </div>
  );
}
