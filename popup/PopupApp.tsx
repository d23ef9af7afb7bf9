import browser from 'webextension-polyfill';
import { hubLinked, hubState } from '../src/messaging/live-state';
import { request } from '../src/ui/actions';
import { Icon } from '../src/ui/icons';
import { Softphone } from '../src/ui/Softphone';
import { HistoryShortcuts } from './HistoryShortcuts';
import { SiteSwitch } from './SiteSwitch';
import { WrapUpList } from './WrapUpList';

/**
 * The toolbar popup: the same softphone as the bar, plus calls still to log, the call history, the demo's
 * test call and a way to options.
 */
export function PopupApp() {
  const state = hubState.value;
  const linked = hubLinked.value;
  return (
    <main class="sb-ui sb-popup" aria-label="Softbar">
      <header class="sb-popup-head">
        <span class="sb-popup-title">Softbar</span>
        <button type="button" class="sb-btn" onClick={() => void browser.runtime.openOptionsPage()}>
          Options
        </button>
      </header>
      {state ? (
        <>
          <WrapUpList items={state.wrapUp} />
          <Softphone state={state} linked={linked} showRecent />
          <SiteSwitch />
          <HistoryShortcuts />
          {state.session.vendorId === 'demo' && (
            <button
              type="button"
              class="sb-btn sb-popup-sim"
              onClick={() => void request('simulateIncoming', undefined)}
            >
              <Icon name="incoming" />
              Simulate incoming call
            </button>
          )}
        </>
      ) : (
        <p class="sb-conn" data-tone="warn" role="status">
          <span class="sb-conn-dot" aria-hidden="true" />
          Connecting to Softbar…
        </p>
      )}
    </main>
  );
}
