import { hms, isoDate, seconds } from './format';

/**
 * `statusMessage` codes. ASSUMPTION: only `04` (the inbound sample, offered) and `10` (answered) are
 * in the document; the others are the simulator's choice.
 */
export const STATUS_MESSAGE = {
  dialing: 'message_lastmessage01',
  alerting: 'message_lastmessage02',
  offered: 'message_lastmessage04',
  held: 'message_lastmessage08',
  answered: 'message_lastmessage10',
  ended: 'message_lastmessage12',
} as const;

/** One phone line's session, as the server keeps it. */
export interface VoiceSession {
  /** When the session began (`sessionStartDate`). */
  readonly startedAt: number;
  /** When it was answered (`answerDate`), or null. */
  answeredAt: number | null;
  /** When it ended (`endDate`), or null. */
  endedAt: number | null;
  /** The agent's microphone is muted. */
  muted: boolean;
  /** The line is on hold. */
  held: boolean;
  /** The other party's number. */
  remoteNumber: string;
  /** The agent's phone is ringing (inbound) or the far end is (outbound). */
  ringing: boolean;
  /** One of `STATUS_MESSAGE`. */
  statusMessage: string;
}

/** The document's session object (status sample `primarySession`). */
export interface SessionPayload {
  /** ISO date the call was answered, or null. */
  readonly answerDate: string | null;
  /** ISO date the session started. */
  readonly sessionStartDate: string | null;
  /** ISO date it ended, or null while it lasts. */
  readonly endDate: string | null;
  /** Microphone muted. */
  readonly isMuted: boolean;
  /** On hold. */
  readonly isOnHold: boolean;
  /** The other party's number. */
  readonly remoteNumber: string;
  /** Ringing. */
  readonly isRinging: boolean;
  /** Answered. */
  readonly isAnswered: boolean;
  /** Seconds since it was answered (0 before). */
  readonly duration: number;
  /** `duration` as HH:MM:SS. */
  readonly formattedDuration: string;
  /** A `message_lastmessageNN` code. */
  readonly statusMessage: string;
}

/** A phone line's session starting now: not answered, ringing or held yet. */
export function newSession(now: number, remoteNumber: string, statusMessage: string): VoiceSession {
  return {
    startedAt: now,
    answeredAt: null,
    endedAt: null,
    muted: false,
    held: false,
    remoteNumber,
    ringing: false,
    statusMessage,
  };
}

/** The session as the widget's events carry it (`primarySession`), its duration counted to `now`. */
export function sessionPayload(session: VoiceSession, now: number): SessionPayload {
  const duration = session.answeredAt === null ? 0 : seconds(session.answeredAt, session.endedAt ?? now);
  return {
    answerDate: isoDate(session.answeredAt),
    sessionStartDate: isoDate(session.startedAt),
    endDate: isoDate(session.endedAt),
    isMuted: session.muted,
    isOnHold: session.held,
    remoteNumber: session.remoteNumber,
    isRinging: session.ringing,
    isAnswered: session.answeredAt !== null,
    duration,
    formattedDuration: hms(duration),
    statusMessage: session.statusMessage,
  };
}
