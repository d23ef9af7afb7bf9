import type { CallLogRecord, HistoryPage, HistoryView, LogAccess } from '../core/history/types';
import {
  ALLOWED_ROLES,
  type CallLogOptions,
  type ConfigChangeResult,
  type ConfigView,
  type Envelope,
  isEnvelope,
  type MessageName,
  type Reply,
  type RequestOf,
  type ResponseOf,
  type SenderRole,
  type SiteStatus,
} from '../messaging/protocol';
import type { Hub } from './hub';

/** What the options page may do to the configuration; implemented over the config store. */
export interface ConfigService {
  /** The configuration with the vendors this build offers. */
  view(): Promise<ConfigView>;
  /** Validates and stores a whole document; the old configuration stays when it is invalid. */
  importJson(json: string): Promise<ConfigChangeResult>;
  /** Changes the active profile, the default region, or a whole rules section. */
  update(patch: RequestOf<'updateConfig'>): Promise<ConfigChangeResult>;
  /** The call-log settings the form needs, from the configuration in force; never the webhook. */
  callLogOptions(): Promise<CallLogOptions>;
}

/** The popup's per-site switch, over the tab's URL (which only the worker may read). */
export interface SiteService {
  /** What Softbar does on the tab's site. */
  status(tabId: number): Promise<SiteStatus>;
  /** Turns detection on or off for the tab's site; returns the new status. */
  setDetection(tabId: number, enabled: boolean): Promise<SiteStatus>;
}

/** The call history, as the bar, popup and options page reach it. */
export interface CallLogService {
  /**
   * Saves notes and disposition of an ended call; resolves once durable (and queued for the webhook).
   * Rejects, changing nothing, for a log already saved unless `access.mayEditSaved`.
   */
  save(callId: string, notes: string, disposition: unknown, access: LogAccess): Promise<CallLogRecord>;
  /** Marks a pending log "later": the bar stops asking. Rejects for a saved log unless `access.mayEditSaved`. */
  defer(callId: string, access: LogAccess): Promise<void>;
  /** One page of records, newest first, with the webhook deliveries; rejects a `before` that is no time. */
  view(page: HistoryPage): Promise<HistoryView>;
}

/** Tries vendor settings without saving them (the options page's "Test connection"). */
export interface ConnectionTester {
  /** Connects a temporary session with `settings` for `vendor`, then closes it; says what happened. */
  test(vendor: string, settings: unknown): Promise<{ ok: boolean; message: string }>;
}

type Handlers = {
  [N in MessageName]: (
    data: RequestOf<N>,
    role: SenderRole,
    /** The sending page's origin as Chrome reports it ('' when unknown). */
    origin: string,
  ) => Promise<ResponseOf<N>> | ResponseOf<N>;
};

/** The parts of a `runtime.MessageSender` that say where a message came from. */
export interface SenderPlace {
  /** The sending frame's URL. */
  readonly url?: string;
  /** The sending document's origin as Chrome knows it (`null` for sandboxed documents). */
  readonly origin?: string;
  /** 0 for a tab's top frame. */
  readonly frameId?: number;
}

/**
 * The origin of the page that sent a message, or '' when it cannot be vouched for: not the top frame,
 * an opaque origin (a sandboxed document served from the CRM's host has the CRM's URL but origin
 * "null"), or an origin that disagrees with the URL.
 */
export function senderOrigin(sender: SenderPlace | undefined): string {
  if (!sender || (sender.frameId !== undefined && sender.frameId !== 0)) return '';
  let fromUrl = '';
  try {
    fromUrl = sender.url ? new URL(sender.url).origin : '';
  } catch {
    return '';
  }
  const origin = sender.origin ?? fromUrl;
  if (origin === 'null' || origin === '' || origin !== fromUrl) return '';
  return origin;
}

/** Only extension pages edit saved logs; a content script runs in a web page and may be subverted by it. */
const accessOf = (role: SenderRole): LogAccess => ({ mayEditSaved: role === 'extensionPage' });

/** Answers protocol messages after checking that the sender's role may send them. */
export function createRouter(
  hub: Hub,
  config: ConfigService,
  sites: SiteService,
  calls: CallLogService,
  connections: ConnectionTester,
) {
  const handlers: Handlers = {
    command: (command) => hub.execute(command),
    simulateIncoming: () => hub.simulateIncoming(),
    openVendorScreen: () => hub.openVendorScreen(),
    testConnection: (data) => connections.test(String(data?.vendor ?? ''), data?.settings),
    dismissNotice: (data) => hub.dismissNotice(String(data?.id)),
    getState: () => hub.current,
    getConfig: () => config.view(),
    importConfig: (data) => config.importJson(String(data?.json ?? '')),
    updateConfig: (data) => config.update(data ?? {}),
    siteStatus: (data) => sites.status(Number(data?.tabId)),
    setDetection: (data) => sites.setDetection(Number(data?.tabId), data?.enabled === true),
    saveCallLog: (data, role) =>
      calls.save(String(data?.callId), String(data?.notes ?? ''), data?.disposition, accessOf(role)),
    deferCallLog: (data, role) => calls.defer(String(data?.callId), accessOf(role)),
    getHistory: (data) => calls.view({ limit: data?.limit, before: data?.before }),
    callLogOptions: () => config.callLogOptions(),
    closeFrame: () => hub.setFrame(undefined),
    ssoToken: (data, _role, origin) =>
      hub.provideSsoToken(
        { username: String(data?.username ?? ''), token: String(data?.token ?? '') },
        origin,
      ),
  };

  /** `sender`: where Chrome says the message came from (a content script's page). */
  return async function route(
    message: unknown,
    role: SenderRole | undefined,
    sender?: SenderPlace,
  ): Promise<Reply | undefined> {
    if (!isEnvelope(message)) return undefined; // not ours: let other listeners answer
    const envelope = message as Envelope;
    if (!role || !(ALLOWED_ROLES[envelope.name] as readonly string[]).includes(role)) {
      return { ok: false, error: `"${envelope.name}" is not allowed from this context.` };
    }
    try {
      const handler = handlers[envelope.name] as (data: unknown, role: SenderRole, origin: string) => unknown;
      const value = await handler(envelope.data, role, senderOrigin(sender));
      return { ok: true, value: value as ResponseOf<MessageName> };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  };
}
