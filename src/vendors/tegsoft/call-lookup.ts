/** Which followed call an event or a phone line is about. */
import { FALLBACK_PREFIX, numberOf } from './call-fields';
import {
  callIdOf,
  readProperties,
  readSession,
  type SessionInfo,
  sessionOf,
  type WidgetEvent,
} from './payload';
import { hasId, type TrackedCall } from './tracked-call';

/** Rings for the agent, or is being dialed. */
export const answerable = (call: TrackedCall) => call.state === 'ringing' || call.state === 'dialing';
/** Answered: connected or on hold. */
export const answered = (call: TrackedCall) => call.state === 'connected' || call.state === 'held';
/** On the agent's active line. */
export const connected = (call: TrackedCall) => call.state === 'connected';
/** On hold. */
export const held = (call: TrackedCall) => call.state === 'held';
/** A phone call (not a chat). */
export const voice = (call: TrackedCall) => call.media === 'voice';
/** A campaign (dialer) call, or a call the agent placed. */
export const onCampaign = (call: TrackedCall) => call.campaign !== undefined || call.direction === 'outbound';

/** The call whose session started when `session` did (a status carries no call id). */
export function bySession(calls: readonly TrackedCall[], session: SessionInfo): TrackedCall | undefined {
  const start = session.sessionStart;
  return start === undefined ? undefined : calls.find((call) => call.sessionStart === start);
}

/**
 * The call an event names: by its `CALLID` (or an alias), or, for a `CALLID` not seen yet, a call
 * first seen without one that has the event's number or session (which then learns the id). Without a
 * `CALLID`, the call whose session is the primary line's.
 */
export function identify(calls: readonly TrackedCall[], e: WidgetEvent): TrackedCall | undefined {
  const id = callIdOf(readProperties(e.data));
  if (id === undefined) {
    const session = readSession(e.data.primarySession);
    return session ? bySession(calls, session) : undefined;
  }
  const found =
    calls.find((call) => hasId(call, id)) ??
    calls.find(
      (call) =>
        call.id.startsWith(FALLBACK_PREFIX) &&
        (numberOf(e.data, call.direction) === call.remoteNumber ||
          (call.sessionStart !== undefined &&
            sessionOf(e.data, call.remoteNumber)?.sessionStart === call.sessionStart)),
    );
  if (found && !hasId(found, id)) found.aliases.push(id);
  return found;
}

/**
 * The call an event is about: the one it names, else, when it names none, the newest live call
 * `prefer` accepts (the widget acts on one line at a time, so an event without ids is about it).
 */
export function find(
  calls: readonly TrackedCall[],
  e: WidgetEvent,
  prefer?: (call: TrackedCall) => boolean,
): TrackedCall | undefined {
  const named = identify(calls, e);
  if (named || callIdOf(readProperties(e.data)) !== undefined) return named;
  return (prefer ? calls.filter(prefer) : calls).at(-1);
}

/** The same call announced again without its id (OnAgentCalled, then OnIncomingCallRinging). */
export function sameRingingCall(
  calls: readonly TrackedCall[],
  number: string | undefined,
  id: string | undefined,
): TrackedCall | undefined {
  if (number === undefined) return undefined;
  return calls.find(
    (call) =>
      answerable(call) &&
      call.remoteNumber === number &&
      (id === undefined || call.id.startsWith(FALLBACK_PREFIX)),
  );
}
