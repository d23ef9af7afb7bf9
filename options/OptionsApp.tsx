import { useEffect } from 'preact/hooks';
import { AutofillSection } from './AutofillSection';
import { CallLogSection } from './CallLogSection';
import { ExportSection } from './ExportSection';
import { GeneralSection } from './GeneralSection';
import { HISTORY_ANCHOR, HistorySection } from './HistorySection';
import { ImportSection } from './ImportSection';
import { MicrophoneSection } from './MicrophoneSection';
import { ProfileSection } from './ProfileSection';
import { ScreenPopSection } from './ScreenPopSection';
import { SummarySection } from './SummarySection';
import { generation, loadError, refresh, status, view } from './state';
import { TestRuleSection } from './TestRuleSection';

/**
 * Brings the section named by the URL's hash into view and moves focus to its heading. The browser's own
 * jump happens before the page has rendered anything, so it is redone once the sections exist.
 */
function goToHash() {
  if (location.hash !== `#${HISTORY_ANCHOR}`) return;
  document.getElementById(HISTORY_ANCHOR)?.scrollIntoView({ block: 'start' });
  document.getElementById('history-title')?.focus({ preventScroll: true });
}

/** The options page: the admin's view of the configuration. */
export function OptionsApp() {
  useEffect(() => {
    void refresh();
  }, []);

  const current = view.value;
  const error = loadError.value;
  const loaded = current !== undefined;
  useEffect(() => {
    if (!loaded) return;
    goToHash();
    window.addEventListener('hashchange', goToHash);
    return () => window.removeEventListener('hashchange', goToHash);
  }, [loaded]);

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
        {current && <ProfileSection key={generation.value} view={current} />}
        {current && <ScreenPopSection view={current} />}
        {current && <TestRuleSection view={current} />}
        {current && <AutofillSection view={current} />}
        {current && <CallLogSection key={generation.value} view={current} />}
        {current && <HistorySection dispositions={current.config.callLog.dispositions} />}
        <MicrophoneSection />
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
