import type { Command } from '../core/commands';
import type { ConfigIssue, SoftbarConfig } from '../core/config/types';
import type { ConfigUpdate } from '../core/config/update';
import type { CallLogRecord, HistoryPage, HistoryView } from '../core/history/types';
import type { HubState } from '../core/hub-state';
import type { PagePolicy } from '../core/page-policy';
import type { SettingsField } from '../vendors/settings-form';

/** Who sent a runtime message, as the hub sees it (checked from `sender`, never from the message). */
export type SenderRole = 'extensionPage' | 'contentScript';

/** What the options page shows: the configuration plus what it may not change. */
export interface ConfigView {
  /** The configuration in force (policy fields included). */
  readonly config: SoftbarConfig;
  /** Vendors this build can connect, for the profile picker and the settings form. */
  readonly vendors: readonly {
    readonly id: string;
    readonly label: string;
    /** How to ask for the vendor's settings (absent: edit them as JSON). */
    readonly settingsForm?: readonly SettingsField[];
  }[];
  /** Top-level configuration fields an enterprise policy sets: shown locked in the options page. */
  readonly locked?: readonly string[];
}

/** What the call-log form needs of the configuration (nothing else: the rest holds credentials). */
export interface CallLogOptions {
  /** After a call, the bar asks for notes and a disposition. */
  readonly prompt: boolean;
  /** Dispositions the agent picks from; empty = notes only. */
  readonly dispositions: readonly string[];
}

/**
 * Most records one `getHistory` answer holds, whatever `limit` asks: a runtime message may be at most
 * 64 MiB, and one record can carry 10,000 characters of notes and the vendor's data.
 */
export const MAX_HISTORY_PAGE = 1000;

export type ConfigChangeResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly issues: readonly ConfigIssue[] };

/**
 * Every request/response message between contexts and the hub. Key: message name; value: the request
 * data, the response, and the sender roles allowed to send it.
 */
export interface ProtocolMap {
  /** Run a call or agent-state command on the active vendor. */
  command: { request: Command; response: void; roles: 'extensionPage' | 'contentScript' };
  /** Show the vendor's own screen in a window (vendors with `capabilities.vendorScreen`). */
  openVendorScreen: { request: undefined; response: void; roles: 'extensionPage' | 'contentScript' };
  /**
   * Try a vendor profile's settings without saving them: connects a temporary session and reports what
   * happened (an admin's "Test connection").
   */
  testConnection: {
    request: { vendor: string; settings: unknown };
    response: { readonly ok: boolean; readonly message: string };
    roles: 'extensionPage';
  };
  /** Demo vendor only: ring a simulated inbound call. */
  simulateIncoming: { request: undefined; response: void; roles: 'extensionPage' };
  /** Drop a notice from the bar. */
  dismissNotice: { request: { id: string }; response: void; roles: 'extensionPage' | 'contentScript' };
  /** The live state, for a context that cannot hold a port open. */
  getState: { request: undefined; response: HubState; roles: 'extensionPage' | 'contentScript' };
  /** The configuration for the options page (it may hold credentials: extension pages only). */
  getConfig: { request: undefined; response: ConfigView; roles: 'extensionPage' };
  /** Validate and store a whole configuration document given as JSON text; the old one stays on error. */
  importConfig: { request: { json: string }; response: ConfigChangeResult; roles: 'extensionPage' };
  /** What Softbar does on the page in a tab, for the popup's per-site switch. */
  siteStatus: { request: { tabId: number }; response: SiteStatus; roles: 'extensionPage' };
  /** The agent turns phone-number detection on or off for a tab's site. */
  setDetection: {
    request: { tabId: number; enabled: boolean };
    response: SiteStatus;
    roles: 'extensionPage';
  };
  /**
   * Save the notes and disposition of an ended call; answers once the log is durable. A content script
   * may only complete a pending or deferred log; editing a saved one takes an extension page.
   */
  saveCallLog: {
    request: { callId: string; notes: string; disposition?: string };
    response: CallLogRecord;
    roles: 'extensionPage' | 'contentScript';
  };
  /** The agent leaves an ended call's log for later: the bar stops asking. Refused for a saved log. */
  deferCallLog: { request: { callId: string }; response: void; roles: 'extensionPage' | 'contentScript' };
  /**
   * The call history and webhook deliveries, newest first: at most `limit` records (1 to
   * `MAX_HISTORY_PAGE`) that ended before `before` (epoch ms; absent = now), so long histories are read
   * page by page.
   */
  getHistory: {
    request: HistoryPage | undefined;
    response: HistoryView;
    roles: 'extensionPage';
  };
  /** What the call-log form needs (and nothing else of the configuration, which holds credentials). */
  callLogOptions: {
    request: undefined;
    response: CallLogOptions;
    roles: 'extensionPage';
  };
  /** Close the bar's frame panel. */
  closeFrame: { request: undefined; response: void; roles: 'extensionPage' | 'contentScript' };
  /**
   * A CRM page hands over an SSO token for the agent (UCS's "the system into which the application is
   * integrated passes the login"). The worker judges the page by the sender's URL Chrome reports, never
   * by the message; the vendor profile says which CRM origins may do this.
   */
  ssoToken: {
    request: { username: string; token: string };
    response: void;
    roles: 'contentScript';
  };
  /** Change the active profile, default region, or a whole rules section (validated like an import). */
  updateConfig: {
    request: ConfigUpdate;
    response: ConfigChangeResult;
    roles: 'extensionPage';
  };
}

export type MessageName = keyof ProtocolMap;
export type RequestOf<N extends MessageName> = ProtocolMap[N]['request'];
export type ResponseOf<N extends MessageName> = ProtocolMap[N]['response'];

/** Which roles may send each message; the hub checks this before it reads the data. */
export const ALLOWED_ROLES: { readonly [N in MessageName]: readonly ProtocolMap[N]['roles'][] } = {
  command: ['extensionPage', 'contentScript'],
  simulateIncoming: ['extensionPage'],
  openVendorScreen: ['extensionPage', 'contentScript'],
  testConnection: ['extensionPage'],
  dismissNotice: ['extensionPage', 'contentScript'],
  getState: ['extensionPage', 'contentScript'],
  getConfig: ['extensionPage'],
  importConfig: ['extensionPage'],
  siteStatus: ['extensionPage'],
  setDetection: ['extensionPage'],
  updateConfig: ['extensionPage'],
  saveCallLog: ['extensionPage', 'contentScript'],
  deferCallLog: ['extensionPage', 'contentScript'],
  getHistory: ['extensionPage'],
  callLogOptions: ['extensionPage'],
  closeFrame: ['extensionPage', 'contentScript'],
  ssoToken: ['contentScript'],
};

/** The envelope on the wire, tagged so the hub ignores messages that are not ours. */
export interface Envelope<N extends MessageName = MessageName> {
  /** Marks the message as Softbar's. */
  readonly softbar: 1;
  /** Which message it is. */
  readonly name: N;
  /** The request data of that message. */
  readonly data: RequestOf<N>;
}

/** What comes back: errors travel as text, since thrown errors do not cross contexts. */
export type Reply<N extends MessageName = MessageName> =
  | { readonly ok: true; readonly value: ResponseOf<N> }
  | { readonly ok: false; readonly error: string };

/** Name of the long-lived port each tab, the popup and the options page open for live state. */
export const LIVE_PORT = 'softbar/live';

/** Messages the hub pushes on a live port; `page` goes to content scripts only. */
export type LiveMessage =
  | { readonly type: 'state'; readonly state: HubState }
  | { readonly type: 'page'; readonly policy: PagePolicy };

/** A tab's site as the popup shows it. */
export interface SiteStatus {
  /** The site's origin, or undefined when the tab is not a web page. */
  readonly origin?: string;
  /** The admin blocked Softbar there. */
  readonly blocked: boolean;
  /** Phone-number detection runs there. */
  readonly detection: boolean;
}

/** Requests the hub sends to the content script of one tab (`tabs.sendMessage`). */
export type TabRequest = { readonly softbarTab: 1; readonly name: 'selection' };

export const isTabRequest = (value: unknown): value is TabRequest =>
  typeof value === 'object' && value !== null && (value as { softbarTab?: unknown }).softbarTab === 1;

export function isEnvelope(value: unknown): value is Envelope {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { softbar?: unknown }).softbar === 1 &&
    typeof (value as { name?: unknown }).name === 'string' &&
    Object.hasOwn(ALLOWED_ROLES, (value as { name: string }).name)
  );
}
