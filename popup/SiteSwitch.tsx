import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { send } from '../src/messaging/client';
import type { SiteStatus } from '../src/messaging/protocol';

/**
 * The tab the popup speaks about: the active tab of its window, or `?tab=ID` when the popup page is
 * opened in a tab of its own (keyboard users, tests).
 */
async function targetTabId(): Promise<number | undefined> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/** "Find phone numbers on this site": the agent's own switch for the current site. */
export function SiteSwitch() {
  const [tabId, setTabId] = useState<number>();
  const [status, setStatus] = useState<SiteStatus>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    void (async () => {
      const id = await targetTabId();
      if (id === undefined) return;
      setTabId(id);
      setStatus(await send('siteStatus', { tabId: id }));
    })().catch(() => {
      // No tab to speak about (the popup opened on a browser page): the switch stays hidden.
    });
  }, []);

  if (tabId === undefined || !status?.origin) return null;
  if (status.blocked) {
    return (
      <p class="sb-site">Softbar is turned off on {new URL(status.origin).host} by your administrator.</p>
    );
  }
  const toggle = async (enabled: boolean) => {
    try {
      setError(undefined);
      setStatus(await send('setDetection', { tabId, enabled }));
    } catch (problem) {
      setError((problem as Error).message);
    }
  };
  return (
    <div class="sb-site">
      <label class="sb-site-switch">
        <input
          type="checkbox"
          checked={status.detection}
          onChange={(e) => void toggle(e.currentTarget.checked)}
        />
        Find phone numbers on {new URL(status.origin).host}
      </label>
      {error && <p class="sb-bad">{error}</p>}
    </div>
  );
}
