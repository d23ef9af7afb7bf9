/** A call's fields as an event gives them. */
import type { CallDirection } from '../../core/call';
import { ctiOf, withCti } from './cti';
import {
  NO_CTI,
  readProperties,
  readSession,
  type SessionInfo,
  sessionOf,
  text,
  type WidgetEvent,
} from './payload';
import type { CallDefaults, TrackedCall } from './tracked-call';

/** Fallback ids start with this: the widget gave no `CALLID`. */
export const FALLBACK_PREFIX = 'tegsoft-';

/** The call's direction as its properties say (`DIRECTION`), else `fallback` (the event's kind). */
export function directionOf(
  props: Readonly<Record<string, unknown>>,
  fallback: CallDirection,
): CallDirection {
  const direction = text(props.DIRECTION)?.toUpperCase();
  if (direction === 'OUTBOUND') return 'outbound';
  if (direction === 'INBOUND' || direction === 'CHAT') return 'inbound';
  return fallback;
}

/**
 * The other party's number. Inbound: the caller id. Outbound: the contact's `PHONE` (a campaign's
 * session may show the dialed trunk string instead). Else the session of a lone line.
 */
export function numberOf(
  data: Readonly<Record<string, unknown>>,
  direction: CallDirection,
): string | undefined {
  const props = readProperties(data);
  const lone = readSession(data.secondarySession)
    ? undefined
    : readSession(data.primarySession)?.remoteNumber;
  return direction === 'inbound'
    ? (text(props.callerId) ?? text(props.PHONE) ?? lone)
    : (text(props.PHONE) ?? lone ?? text(props.callerId));
}

/** A stable id for a call the widget gave no `CALLID` for: the same session gives the same id. */
export function fallbackId(session: SessionInfo | undefined, remoteNumber: string, now: number): string {
  const start = session?.sessionStart ? Date.parse(session.sessionStart) : Number.NaN;
  const when = Number.isFinite(start) ? start : now;
  return `${FALLBACK_PREFIX}${when}-${remoteNumber.replace(/[^0-9+*#]/g, '')}`;
}

/** What the tracker knows about a call an event starts, besides the event. */
export interface NewCall {
  /** The widget's id of the call, if it gave one. */
  readonly id?: string;
  /** Who started it. */
  readonly direction: CallDirection;
  /** The other party's number: the event's, else the number the agent dialed. */
  readonly remoteNumber?: string;
  /** The CTI variables the agent dialed it with. */
  readonly variables?: Readonly<Record<string, string>>;
}

/** The call `e` starts, as `defaults` (the event's kind) and its session describe it. */
export function callFromEvent(
  e: WidgetEvent,
  defaults: CallDefaults,
  known: NewCall,
  now: number,
): TrackedCall {
  const props = readProperties(e.data);
  const remoteNumber = known.remoteNumber ?? '';
  const session = sessionOf(e.data, known.remoteNumber);
  const answeredNow = defaults.state === 'connected' || session?.answered === true;
  const dialed = known.variables ? { ...NO_CTI, variables: { ...known.variables } } : NO_CTI;
  return {
    id: known.id ?? fallbackId(session, remoteNumber, now),
    aliases: [],
    direction: known.direction,
    media: text(props.DIRECTION)?.toUpperCase() === 'CHAT' ? 'chat' : defaults.media,
    state: answeredNow
      ? session?.held
        ? 'held'
        : 'connected'
      : known.direction === 'inbound'
        ? 'ringing'
        : 'dialing',
    remoteNumber,
    remoteName: text(props.callerIdName),
    queue: text(props.SKILLNAME) ?? text(props.skillName),
    campaign: text(props.campaignName),
    muted: session?.muted ?? false,
    answeredAt: answeredNow ? (session?.answeredAt ?? now) : undefined,
    sessionStart: session?.sessionStart,
    properties: { ...props },
    cti: withCti(dialed, ctiOf(e.data)),
  };
}
