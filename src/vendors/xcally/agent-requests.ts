import { parseHttpUrl } from '../../core/http-url';
import type { NoticeLevel, VendorEvent } from '../../core/vendor-events';
import { type AgentIdentity, addressedTo } from './identity';
import { payloadObject, text } from './payload';

/** AgentCTI's modes as template.js's `wakeup` writes them, in the bar's words. */
export const AGENT_CTI_MODES = {
  new_tab: 'newTab',
  new_window: 'newWindow',
  new_frame: 'frame',
} as const;

/** What a push for the agent turned into: events for the hub, or why it was dropped (for the log). */
export type RequestResult =
  | { readonly events: VendorEvent[] }
  | { readonly ignored: string; readonly level: 'debug' | 'warn' };

/**
 * `AgentCTI` (`{ url, peer, mode }`, the document's `wakeup`): a page to open for this agent. The server
 * routes it by `peer`; it is checked again here, so a misrouted push never opens another agent's page.
 * A URL that is not http(s) is refused with a notice, before the hub would refuse it too.
 */
export function agentCti(
  identity: AgentIdentity,
  payload: unknown,
  at: number,
  vendorCallId: string | undefined,
): RequestResult {
  const data = payloadObject(payload);
  if (!data) return { ignored: 'AgentCTI is not an object', level: 'warn' };
  if (!addressedTo(identity, data.peer))
    return { ignored: `AgentCTI for ${JSON.stringify(data.peer)}, not this agent`, level: 'debug' };
  const modeText = text(data.mode);
  const mode =
    modeText === undefined
      ? undefined
      : AGENT_CTI_MODES[modeText.toLowerCase() as keyof typeof AGENT_CTI_MODES];
  if (!mode)
    return {
      ignored: `AgentCTI mode ${JSON.stringify(data.mode)} is not new_tab, new_window or new_frame`,
      level: 'warn',
    };
  const url = text(data.url);
  if (url === undefined) return { ignored: 'AgentCTI has no url', level: 'warn' };
  if (!parseHttpUrl(url))
    return {
      events: [
        {
          type: 'notice',
          at,
          level: 'warning',
          text: `The contact center asked to open ${quoteUrl(url)}, which is not a web address (http or https); it was not opened.`,
          raw: payload,
        },
      ],
    };
  return { events: [{ type: 'openPage', at, url, mode, vendorCallId, raw: payload }] };
}

/**
 * `AgentCTINotification` (`{ peer, type, title, body }`): a message for this agent, shown in the bar and
 * as a desktop notification. `type` gives the level; anything but a warning or an error is information.
 */
export function agentCtiNotification(identity: AgentIdentity, payload: unknown, at: number): RequestResult {
  const data = payloadObject(payload);
  if (!data) return { ignored: 'AgentCTINotification is not an object', level: 'warn' };
  if (!addressedTo(identity, data.peer))
    return {
      ignored: `AgentCTINotification for ${JSON.stringify(data.peer)}, not this agent`,
      level: 'debug',
    };
  const title = text(data.title);
  const body = text(data.body);
  if (body === undefined && title === undefined)
    return { ignored: 'AgentCTINotification has neither title nor body', level: 'warn' };
  return {
    events: [
      {
        type: 'notice',
        at,
        level: noticeLevel(data.type),
        // A title alone is the whole message; the bar shows "title: text" otherwise.
        text: clip(body ?? title ?? '', 1000),
        title: body === undefined || title === undefined ? undefined : clip(title, 200),
        desktop: true,
        raw: payload,
      },
    ],
  };
}

/** The notice level of a notification `type` (info, warning, error, and their usual spellings). */
export function noticeLevel(type: unknown): NoticeLevel {
  const value = typeof type === 'string' ? type.trim().toLowerCase() : '';
  if (value === 'warning' || value === 'warn') return 'warning';
  if (value === 'error' || value === 'danger' || value === 'fatal') return 'error';
  return 'info';
}

const clip = (value: string, length: number) =>
  value.length > length ? `${value.slice(0, length - 1)}…` : value;

const quoteUrl = (url: string) => JSON.stringify(clip(url, 80));
