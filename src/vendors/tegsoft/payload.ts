import { isObject } from '../shared/is-object';
/**
 * Readers for what the widget posts (section 3.2). Everything here is untrusted input: a reader returns
 * what it could read and never throws, so the tracker can log and skip the rest.
 */

/** One event as the widget sends it: `{ type: "event", group: "agent", name, data? }`. */
export interface WidgetEvent {
  /** The event name (`status`, `OnHold`, ...). */
  readonly name: string;
  /** The event's data, when it is an object. */
  readonly data: Readonly<Record<string, unknown>>;
  /** The message as received, for logs and rules. */
  readonly raw: unknown;
}

/** The call data the widget keeps per call (the `ctiData` of `dial` and `setCtiData`). */
export interface CtiData {
  /** Named values attached to the call. */
  readonly variables: Readonly<Record<string, string>>;
  /** The variables the widget shows to the agent. */
  readonly ctiVariableNames: readonly string[];
  /** IVR choices logged on the call ("OPTION1: value"). */
  readonly logDTMF: readonly string[];
}

/** A call without CTI data. */
export const NO_CTI: CtiData = { variables: {}, ctiVariableNames: [], logDTMF: [] };

/** The widget's `primarySession`: the call on the agent's phone line. */
export interface SessionInfo {
  /** The number on the other end. */
  readonly remoteNumber?: string;
  /** When the session started (ISO text); stable for the session, so it identifies it. */
  readonly sessionStart?: string;
  /** When it was answered (epoch ms). */
  readonly answeredAt?: number;
  /** The session has an end date. */
  readonly ended: boolean;
  /** `isAnswered`. */
  readonly answered: boolean;
  /** `isRinging` (the far end rings: an outbound call's ringback). */
  readonly ringing: boolean;
  /** `isOnHold`. */
  readonly held: boolean;
  /** `isMuted`. */
  readonly muted: boolean;
}

export { isObject } from '../shared/is-object';

/** Text of a string or number field; undefined for anything else and for blank text. */
export function text(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  return value.trim() === '' ? undefined : value;
}

/** The event in `message`, or why it is not one. */
export function readEvent(message: unknown): WidgetEvent | { readonly problem: string } {
  if (!isObject(message)) return { problem: 'not an object' };
  if (message.type !== 'event') return { problem: `type is ${JSON.stringify(message.type)}, not "event"` };
  if (message.group !== undefined && message.group !== 'agent')
    return { problem: `group ${JSON.stringify(message.group)} is not "agent"` };
  const name = text(message.name);
  if (name === undefined) return { problem: 'it has no name' };
  if (message.data !== undefined && message.data !== null && !isObject(message.data))
    return { problem: 'its data is not an object' };
  return { name, data: isObject(message.data) ? message.data : {}, raw: message };
}

/** `primarySession`, when it is an object. */
export function readSession(value: unknown): SessionInfo | undefined {
  if (!isObject(value)) return undefined;
  const answerDate = text(value.answerDate);
  const answeredAt = answerDate === undefined ? undefined : Date.parse(answerDate);
  return {
    remoteNumber: text(value.remoteNumber),
    sessionStart: text(value.sessionStartDate),
    answeredAt: answeredAt !== undefined && Number.isFinite(answeredAt) ? answeredAt : undefined,
    ended: value.endDate !== undefined && value.endDate !== null,
    answered: value.isAnswered === true,
    ringing: value.isRinging === true,
    held: value.isOnHold === true,
    muted: value.isMuted === true,
  };
}

/** `activeCallProperties`, when it is an object. */
export function readProperties(data: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>> {
  return isObject(data.activeCallProperties) ? data.activeCallProperties : {};
}

/** The widget's id of the call: `CALLID` (the chat id for webchat), else the channel's unique id. */
export function callIdOf(properties: Readonly<Record<string, unknown>>): string | undefined {
  return text(properties.CALLID) ?? text(properties.CHATID) ?? text(properties.uniqueId);
}

function strings(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.flatMap((item) => (typeof item === 'string' ? [item] : []));
}

/**
 * CTI data from a `ctiData` object (or one shaped like it); only the fields present are returned, so a
 * partial answer updates only what it carries. Values that are not text are turned into text.
 */
export function readCti(value: unknown): Partial<CtiData> | undefined {
  if (!isObject(value)) return undefined;
  const result: { variables?: Record<string, string>; ctiVariableNames?: string[]; logDTMF?: string[] } = {};
  if (isObject(value.variables)) {
    const variables: Record<string, string> = {};
    for (const [key, item] of Object.entries(value.variables)) {
      if (typeof item === 'string') variables[key] = item;
      else if (typeof item === 'number' || typeof item === 'boolean') variables[key] = String(item);
    }
    result.variables = variables;
  }
  const names = strings(value.ctiVariableNames);
  if (names) result.ctiVariableNames = names;
  const log = strings(value.logDTMF);
  if (log) result.logDTMF = log;
  return Object.keys(result).length > 0 ? result : undefined;
}

/** The event's phone-line sessions: `primarySession`, and `secondarySession` while a second line is up. */
export function readSessions(data: Readonly<Record<string, unknown>>): SessionInfo[] {
  return [readSession(data.primarySession), readSession(data.secondarySession)].filter(
    (session): session is SessionInfo => session !== undefined,
  );
}

/**
 * The session of the call numbered `remoteNumber` in an event's data. The primary session is the
 * primary line's whatever call the event is about, so with two lines up the session is picked by its
 * number; a lone session is the call's (the campaign sample's session shows the dialed trunk string,
 * not the contact's `PHONE`).
 */
export function sessionOf(
  data: Readonly<Record<string, unknown>>,
  remoteNumber: string | undefined,
): SessionInfo | undefined {
  const primary = readSession(data.primarySession);
  const secondary = readSession(data.secondarySession);
  if (!secondary) return primary;
  return [primary, secondary].find(
    (session) => session?.remoteNumber !== undefined && session.remoteNumber === remoteNumber,
  );
}
