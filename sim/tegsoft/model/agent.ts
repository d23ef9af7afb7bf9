import type { SimUser } from '../users';
import type { Line, SimCall } from './call';
import type { CtiData } from './cti';
import { clockTime, seconds } from './format';

/** The status sample's counters (TALKDURATION is kept in seconds). */
export interface Counters {
  /** Inbound calls offered. */
  INBOUND: number;
  /** Manual outbound calls dialed. */
  OUTBOUND: number;
  /** Every call and chat offered or dialed. */
  TOTALCALLCOUNT: number;
  /** Phone calls answered (by the agent, or the far end of theirs). */
  ANSWERED: number;
  /** Webchats offered. */
  WEBCHAT: number;
  /** Campaign calls given. */
  CAMPAIGN: number;
  /** Seconds talked on answered phone calls. */
  TALKDURATION: number;
}

/** An attended transfer in progress: the caller waits on hold while the agent consults `extension`. */
export interface Transfer {
  /** The call being transferred. */
  readonly originalId: string;
  /** The consultation leg. */
  readonly consultId: string;
  /** Where the call goes. */
  readonly extension: string;
}

/** One user's agent state on the server. It outlives widget pages: only `logout` ends it. */
export interface AgentRecord {
  /** The account. */
  readonly user: SimUser;
  /** The integration parameter currently set for the user (a control call changes it). */
  integration: string | null;
  /** Logged in (from the first widget login until `logout`). */
  loggedIn: boolean;
  /** Ready for calls. */
  ready: boolean;
  /** Why not ready ("" when ready). */
  notReadyReason: string;
  /** When `ready` / `notReadyReason` last changed. */
  stateChangedAt: number;
  /** When this login began. */
  loginAt: number;
  /** Seconds of finished not-ready periods in this login. */
  notReadySeconds: number;
  /** Seconds of earlier logins. */
  earlierLoginSeconds: number;
  /** Seconds not ready in earlier logins. */
  earlierNotReadySeconds: number;
  /** The camera is on. */
  cameraOn: boolean;
  /** The line the agent talks on (hold, mute, hangUp, DTMF act on its call). */
  activeLine: Line;
  /** Calls on the two lines and the chat slot. */
  calls: SimCall[];
  /** The attended transfer in progress, if any. */
  transfer: Transfer | null;
  /** CTI data set by dial or setCtiData, until removed or the call it rides on ends. */
  ctiData: CtiData | null;
  /** Call counters since the simulator started (or was reset). */
  readonly counters: Counters;
}

/** A user's agent record before the first login: logged out, not ready (AFTERLOGIN), no calls. */
export function newAgent(user: SimUser, now: number): AgentRecord {
  return {
    user,
    integration: user.integration,
    loggedIn: false,
    ready: false,
    notReadyReason: 'AFTERLOGIN',
    stateChangedAt: now,
    loginAt: now,
    notReadySeconds: 0,
    earlierLoginSeconds: 0,
    earlierNotReadySeconds: 0,
    cameraOn: false,
    activeLine: 'primary',
    calls: [],
    transfer: null,
    ctiData: null,
    counters: {
      INBOUND: 0,
      OUTBOUND: 0,
      TOTALCALLCOUNT: 0,
      ANSWERED: 0,
      WEBCHAT: 0,
      CAMPAIGN: 0,
      TALKDURATION: 0,
    },
  };
}

/** A fresh login is not ready with reason AFTERLOGIN (the document's status sample). */
export function logIn(agent: AgentRecord, now: number): void {
  agent.loggedIn = true;
  agent.loginAt = now;
  agent.notReadySeconds = 0;
  agent.ready = false;
  agent.notReadyReason = 'AFTERLOGIN';
  agent.stateChangedAt = now;
}

/** Ends the login: not ready (LOGOUT), its times added to the earlier logins', camera and CTI data off. */
export function logOut(agent: AgentRecord, now: number): void {
  setReadiness(agent, false, 'LOGOUT', now);
  agent.earlierLoginSeconds += seconds(agent.loginAt, now);
  agent.earlierNotReadySeconds += agent.notReadySeconds;
  agent.notReadySeconds = 0;
  agent.loggedIn = false;
  agent.cameraOn = false;
  agent.ctiData = null;
}

/** Makes the agent ready or not ready (with `reason`), counting the not-ready time that ends. */
export function setReadiness(agent: AgentRecord, ready: boolean, reason: string, now: number): void {
  if (!agent.ready) agent.notReadySeconds += seconds(agent.stateChangedAt, now);
  agent.ready = ready;
  agent.notReadyReason = ready ? '' : reason;
  agent.stateChangedAt = now;
}

/**
 * The status sample's `agent` object, field for field.
 *
 * ASSUMPTION: `busy` is 0 without a call and 25 (the sample's value, taken during a call) with one.
 * ASSUMPTION: `cameraOn` and `activeLine` are not in the document: the simulator adds them so a host
 * can see the camera and line state; a real server may not send them.
 */
export function agentPayload(agent: AgentRecord, now: number): Record<string, unknown> {
  const { user, counters } = agent;
  const [first = user.displayName, ...rest] = user.displayName.split(/\s+/);
  const stateSeconds = seconds(agent.stateChangedAt, now);
  const loginSeconds = seconds(agent.loginAt, now);
  const notReady = agent.notReadySeconds + (agent.ready ? 0 : stateSeconds);
  return {
    ready: agent.ready,
    busy: agent.calls.length > 0 ? 25 : 0,
    notReadyReason: agent.notReadyReason,
    lastStateChange: clockTime(agent.stateChangedAt),
    lastStateChangeDuration: stateSeconds,
    phoneAccess: false,
    popup_mode: 'both',
    dialoutpopup: true,
    EXTEN: user.exten,
    INTERFACE: `PJSIP/${user.exten}`,
    REMOTEINTERFACE: `PJSIP/${user.uid}/${user.exten}`,
    EXTID: user.exten,
    PHONETYPE: 'WebRTCPhone',
    seatType: 'Extension',
    UID: user.uid,
    USERCODE: user.usercode,
    USERNAME: first,
    SURNAME: rest.join(' '),
    DISPLAYNAME: user.displayName,
    PHOTOURL: '/Tobe/image/themes/flat2/tegsoft_user_default.png',
    isActivityMandatory: false,
    isActivityMandatoryAfterAnswer: false,
    autoAnswerActive: false,
    STATEDURATION: stateSeconds,
    LOGINDURATION: loginSeconds,
    NOTREADYDURATION: notReady,
    TOTALLOGINDURATION: agent.earlierLoginSeconds + loginSeconds,
    TOTALNOTREADYDURATION: agent.earlierNotReadySeconds + notReady,
    TALKDURATION: counters.TALKDURATION,
    INBOUND: counters.INBOUND,
    OUTBOUND: counters.OUTBOUND,
    TOTALCALLCOUNT: counters.TOTALCALLCOUNT,
    ANSWERED: counters.ANSWERED,
    AVGTALK: counters.ANSWERED === 0 ? 0 : Math.round(counters.TALKDURATION / counters.ANSWERED),
    WEBCHAT: counters.WEBCHAT,
    CAMPAIGN: counters.CAMPAIGN,
    cameraOn: agent.cameraOn,
    activeLine: agent.activeLine,
  };
}
