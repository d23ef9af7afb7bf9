/**
 * A `status` that carries `primarySession` shows every phone line the agent has: the calls followed
 * are matched to its lines, so what it leaves out has ended and what it adds was missed.
 */
import { fallbackId } from './call-fields';
import { answered, bySession, voice } from './call-lookup';
import { NO_CTI, type SessionInfo } from './payload';
import type { TrackedCall } from './tracked-call';

/** A status's phone lines against the calls followed. */
export interface LineMatch {
  /** Followed calls the status shows, each with its line, in the status's order. */
  readonly shown: readonly { readonly call: TrackedCall; readonly session: SessionInfo }[];
  /** Lines with a call not followed yet (the events about it were off, or lost). */
  readonly fresh: readonly SessionInfo[];
  /** Followed phone calls the status does not show: they ended. Chats are never here (no line shows them). */
  readonly gone: readonly TrackedCall[];
}

/** Matches `sessions` (the status's live and ended lines) to `calls`. */
export function matchLines(calls: readonly TrackedCall[], sessions: readonly SessionInfo[]): LineMatch {
  const shown: { call: TrackedCall; session: SessionInfo }[] = [];
  const fresh: SessionInfo[] = [];
  for (const session of sessions) {
    if (session.ended) continue;
    const taken = shown.map((line) => line.call);
    const call = bySession(calls, session) ?? loneVoiceCall(calls, session, taken);
    if (call && !taken.includes(call)) shown.push({ call, session });
    // The consultation leg of an attended transfer is part of the call being transferred.
    else if (!call && !consultLeg(calls, session)) fresh.push(session);
  }
  const gone = calls.filter((call) => call.media !== 'chat' && !shown.some((line) => line.call === call));
  return { shown, fresh, gone };
}

/** A call seen first in a status, with what its line tells. */
export function callFromStatus(session: SessionInfo, now: number): TrackedCall {
  const remoteNumber = session.remoteNumber ?? '';
  // A status has no call properties: the direction is unknown, and inbound is the likelier one.
  const call: TrackedCall = {
    id: fallbackId(session, remoteNumber, now),
    aliases: [],
    direction: 'inbound',
    media: 'voice',
    state: 'ringing',
    remoteNumber,
    muted: false,
    sessionStart: session.sessionStart,
    properties: {},
    cti: NO_CTI,
  };
  applySession(call, session, now);
  return call;
}

/** Sets a call's fields from a status's line, silently (a snapshot reports them whole). */
export function applySession(call: TrackedCall, session: SessionInfo, now: number): void {
  if (session.answered) {
    call.state = session.held ? 'held' : 'connected';
    call.answeredAt ??= session.answeredAt ?? now;
  } else if (!answered(call)) {
    call.state = call.direction === 'inbound' ? 'ringing' : 'dialing';
  }
  call.muted = session.muted;
  call.sessionStart ??= session.sessionStart;
  if (call.remoteNumber === '' && session.remoteNumber) call.remoteNumber = session.remoteNumber;
}

/** After a reload with its memory lost, a lone voice call with the session's number is that call. */
function loneVoiceCall(
  calls: readonly TrackedCall[],
  session: SessionInfo,
  taken: readonly TrackedCall[],
): TrackedCall | undefined {
  const candidates = calls.filter(
    (call) =>
      voice(call) &&
      !taken.includes(call) &&
      call.remoteNumber === session.remoteNumber &&
      (session.sessionStart === undefined || call.sessionStart === undefined),
  );
  return candidates.length === 1 ? candidates[0] : undefined;
}

function consultLeg(calls: readonly TrackedCall[], session: SessionInfo): boolean {
  return calls.some(
    (call) =>
      call.transfer?.kind === 'attended' &&
      (call.transfer.target === '' || call.transfer.target === session.remoteNumber),
  );
}
