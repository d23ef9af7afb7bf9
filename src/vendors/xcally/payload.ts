import { isObject } from '../shared/is-object';
/**
 * Readers for what the realtime server sends. Everything here is untrusted input: a reader returns what
 * it could read, or why it could not, and never throws.
 */

/** The call events of the document: one per `event.<name>` handler of template.js. */
export const CALL_EVENTS = ['ringing', 'abandon', 'up', 'hangup', 'outbound'] as const;
export type CallEventName = (typeof CALL_EVENTS)[number];

/** What an integration pushes to one agent through the realtime server. */
export const AGENT_EVENTS = ['AgentCTI', 'AgentCTINotification'] as const;

/** A call event's fields as sent (`uniqueid`, `callernum`, `peer`, ...), with the id read out. */
export interface CallEvent {
  /** Which event it is. */
  readonly name: CallEventName;
  /** `uniqueid`: the xCALLY id of the call, the same for every agent it rings for. */
  readonly uniqueid: string;
  /** Every field as received. */
  readonly data: Readonly<Record<string, unknown>>;
}

export { isObject } from '../shared/is-object';

/** Text of a string or number field, trimmed; undefined for anything else and for blank text. */
export function text(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** The payload as an object; a JSON string is parsed, since some relays forward events as text. */
export function payloadObject(payload: unknown): Record<string, unknown> | undefined {
  if (isObject(payload)) return payload;
  if (typeof payload !== 'string' || !payload.trim().startsWith('{')) return undefined;
  try {
    const parsed: unknown = JSON.parse(payload);
    return isObject(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** The call event in `payload`, or why it is not one. */
export function readCallEvent(
  name: CallEventName,
  payload: unknown,
): CallEvent | { readonly problem: string } {
  const data = payloadObject(payload);
  if (!data) return { problem: `${name} is not an object` };
  const uniqueid = text(data.uniqueid);
  if (uniqueid === undefined) return { problem: `${name} has no uniqueid` };
  if (uniqueid.length > 200) return { problem: `${name} has a uniqueid over 200 characters` };
  if (data.event !== undefined && data.event !== name)
    return { problem: `${name} says it is ${JSON.stringify(data.event)}` };
  return { name, uniqueid, data };
}

/**
 * The call's custom variables (Shuttle → Settings → Integrations → Custom variables). The document reads
 * them as `customvariables[uniqueid][name]`, so a map keyed by the call's id is unwrapped; a flat object
 * is taken as the call's own.
 */
export function customVariables(
  data: Readonly<Record<string, unknown>>,
  uniqueid: string,
): Readonly<Record<string, unknown>> | undefined {
  const value = payloadObject(data.customvariables);
  if (!value) return undefined;
  const own = value[uniqueid];
  return isObject(own) ? own : value;
}

/** Digits of a phone number, for comparing how two systems wrote it. */
export function digitsOf(number: string): string {
  return number.replace(/\D/g, '');
}

/**
 * Whether two numbers are the same line: the same digits, or one ending with the other when the shorter
 * keeps at least 6 digits (`+33170363950` and `0033170363950`, `9981003` and `+39 9981003`).
 */
export function sameNumber(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  const x = digitsOf(a);
  const y = digitsOf(b);
  if (x === '' || y === '') return a.trim() === b.trim();
  if (x === y) return true;
  const [short, long] = x.length < y.length ? [x, y] : [y, x];
  return short.length >= 6 && long.endsWith(short);
}
