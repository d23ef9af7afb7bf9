import { autofillRulesFor, excludedSelectors, siteAllowed, siteBlocked } from './config/site-match';
import type { AutofillRule, SoftbarConfig } from './config/types';
import { parseHttpUrl } from './http-url';

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
  /** The page may hand over the agent's SSO token (its origin is in the active profile's `crmOrigins`). */
  readonly ssoRelay: boolean;
}

/**
 * Whether a page with `policy` is one of the admin's CRM pages: the bar runs there and the site is on the
 * admin's allow list (with an empty allow list, every site the bar runs on). Notifications stay quiet
 * while the agent looks at one, since the bar there shows the call.
 */
export function isCrmPage(policy: PagePolicy): boolean {
  return policy.bar && !policy.confirmDial;
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
  ssoRelay: false,
};

/** The origin (`https://crm.example.com`) of an http(s) page, or undefined for any other URL. */
export function originOf(url: string): string | undefined {
  return parseHttpUrl(url)?.origin;
}

/** What Softbar does on `url`, from the admin's configuration and the agent's own choices. */
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
    ssoRelay: crmOriginsOf(config).includes(origin),
  };
}

/** The active profile's `crmOrigins` (origins whose pages may hand over an SSO token), [] when none. */
function crmOriginsOf(config: SoftbarConfig): readonly string[] {
  const settings = config.profiles.find((profile) => profile.id === config.activeProfile)?.settings;
  const origins = (settings as { crmOrigins?: unknown } | undefined)?.crmOrigins;
  return Array.isArray(origins) ? origins.filter((each): each is string => typeof each === 'string') : [];
}
