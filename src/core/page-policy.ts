import { autofillRulesFor, excludedSelectors, siteAllowed, siteBlocked } from './config/site-match';
import type { AutofillRule, SoftbarConfig } from './config/types';

/** What Softbar does on one page, decided by the hub from the configuration and the agent's choices. */
export interface PagePolicy {
  /** Show the agent bar (false only where the admin blocked the site). */
  readonly bar: boolean;
  /** Scan the page for phone numbers (false on blocked sites and where the agent turned it off). */
  readonly detection: boolean;
  /** Ask the agent before dialing a number taken from the page (site not on the admin's allow list). */
  readonly confirmDial: boolean;
  /** Region for numbers written without a country code. */
  readonly defaultRegion: string;
  /** CSS selectors whose text is never scanned. */
  readonly excludeSelectors: readonly string[];
  /**
   * Autofill rules that may apply on this site (same origin as the page). The content script checks each
   * rule's `match` against the page's current URL when it fills, since CRMs change URL without a reload.
   */
  readonly autofill: readonly AutofillRule[];
  /** After a call, the bar asks for notes and a disposition. */
  readonly callLogPrompt: boolean;
  /** Dispositions the agent picks from. */
  readonly dispositions: readonly string[];
}

/** The agent's own per-site choices, kept by the hub. */
export interface AgentSitePrefs {
  /** Origins (`https://crm.example.com`) where the agent turned phone-number detection off. */
  readonly detectionOff: readonly string[];
}

/** Nothing at all: for pages Softbar must leave alone. */
export const INERT_POLICY: PagePolicy = {
  bar: false,
  detection: false,
  confirmDial: true,
  defaultRegion: 'US',
  excludeSelectors: [],
  autofill: [],
  callLogPrompt: false,
  dispositions: [],
};

export function originOf(url: string): string | undefined {
  try {
    const { protocol, origin } = new URL(url);
    return protocol === 'http:' || protocol === 'https:' ? origin : undefined;
  } catch {
    return undefined;
  }
}

export function pagePolicy(url: string, config: SoftbarConfig, prefs: AgentSitePrefs): PagePolicy {
  const origin = originOf(url);
  if (!origin || siteBlocked(url, config.sites))
    return { ...INERT_POLICY, defaultRegion: config.defaultRegion };
  return {
    bar: true,
    detection: !prefs.detectionOff.includes(origin),
    confirmDial: !siteAllowed(url, config.sites),
    defaultRegion: config.defaultRegion,
    excludeSelectors: excludedSelectors(url, config.sites),
    autofill: autofillRulesFor(url, config.autofill),
    callLogPrompt: config.callLog.prompt,
    dispositions: config.callLog.dispositions,
  };
}
