/**
 * The simulator's controls: what the far parties and the UCS itself do, and what tests read back.
 * Every control is also served as HTTP under `/control/` (server/control-routes.ts); POST routes
 * take a JSON body, GET routes none:
 *
 * - `incomingCall` (POST incoming-call {number, name?, username?, queueId?, data?} → {uniqueid}):
 *   rings an agent; a direct call may ring while the agent's only call is connected (call waiting).
 * - `callerHangup` / `farEndAnswer` (POST caller-hangup / far-end-answer {username?, uniqueid?}):
 *   the far party of an agent's primary call (not a consultation leg) hangs up / answers.
 * - `consultAnswer` / `consultHangup` (POST consult-answer / consult-hangup {username?, uniqueid?}):
 *   the party consulted during a transfer answers / hangs up the consultation leg.
 * - `setWaitingCallers` (POST waiting-callers {count}), `serverDown` / `serverUp` (POST server-down /
 *   server-up), `ssoToken` (POST sso-token {username, timestamp?} → {token}).
 * - `sessions` (GET sessions), `calls` (GET calls: every current call with `username` and `leg`),
 *   `history` (GET history?username=…: the agent's last 20 ended calls, newest first, with account
 *   codes, transfers and queue).
 *
 * A control that cannot be done in the current state fails with SimControlError (HTTP 409).
 */
import { SimControlError } from '../shared/control-error';
import type { Agent, CallLeg } from './model/agent';
import type { CallRecord, UcsCall } from './model/call';
import type { IncomingCallSpec, UcsCenter } from './model/center';
import type { Phase } from './protocol';
import type { UcsServer } from './server/ucs-server';
import { ssoToken } from './sso';

export type { IncomingCallSpec } from './model/center';

/**
 * Which call: by the call's uniqueid (any current call), or by the agent's username; neither: the
 * only agent with such a call. For the primary-call controls (callerHangup, farEndAnswer) a
 * username names the agent's call that is not a consultation leg; with two such calls (call
 * waiting) name it by uniqueid. For consultAnswer / consultHangup the target names the agent (by
 * username or by the uniqueid of either of its calls) whose consultation leg is meant.
 */
export interface CallTarget {
  /** The agent's username. */
  readonly username?: string;
  /** The call's uniqueid. */
  readonly uniqueid?: string;
}

/** One WebSocket session as the simulator sees it. */
export interface SessionSnapshot {
  /** The component's state. */
  readonly phase: Phase;
  /** Who is logged in, or null. */
  readonly username: string | null;
  /** The provider named in `sso`, or null. */
  readonly provider: string | null;
}

/** A current call as `calls()` lists it: the documented Call object plus whose it is and which leg. */
export type CallSnapshot = UcsCall & {
  /** The agent's username. */
  readonly username: string;
  /** `consultation`: the leg of a consultation transfer; `primary`: any other call. */
  readonly leg: CallLeg;
};

/** One ended call of an agent (`history`). */
export interface HistoryEntry {
  /** The call's uniqueid. */
  readonly uniqueid: string;
  /** The far party's number (the Call object's `number`). */
  readonly number: string;
  /** INCOMING or OUTGOING. */
  readonly direction: 'INCOMING' | 'OUTGOING';
  /** The documented hang-up cause. */
  readonly cause: number;
  /** The account codes set with setAccountCode, `code` or `code/sub`. */
  readonly accountCodes: string[];
  /** Where the call was transferred (blindTransfer, finishTransfer), if it was. */
  readonly transferredTo?: string;
  /** The queue it came through (or a dial's outgoing queue), if any. */
  readonly queueId?: number;
}

/** The simulator's controls (also served as HTTP under `/control/`). */
export interface UcsControl {
  /**
   * Rings an agent (`username`, default the first with a paired phone) with a call; resolves with its
   * uniqueid. A queue call (`queueId`) needs a READY, unsuspended member with no call; a direct call
   * may also ring while the agent's only call is connected (call waiting).
   */
  incomingCall(spec: IncomingCallSpec & { readonly username?: string }): Promise<string>;
  /** The caller (or an outgoing call's called party) of a primary call hangs up. */
  callerHangup(target?: CallTarget): Promise<void>;
  /** The called party answers an agent's ringing outgoing (dialled) primary call. */
  farEndAnswer(target?: CallTarget): Promise<void>;
  /** The consulted party answers the ringing consultation leg of a transfer. */
  consultAnswer(target?: CallTarget): Promise<void>;
  /** The consulted party hangs up the consultation leg: transfer mode ends, the held call stays held. */
  consultHangup(target?: CallTarget): Promise<void>;
  /** Sets the number of callers waiting in queues; READY sessions get onWaitingCallersChange. */
  setWaitingCallers(count: number): Promise<void>;
  /** Takes the UCS server down: WebSockets are cut and refused until `serverUp`. */
  serverDown(): Promise<void>;
  /** Brings the UCS server back up. */
  serverUp(): Promise<void>;
  /** The open sessions. */
  sessions(): Promise<SessionSnapshot[]>;
  /** Every current call of every agent. */
  calls(): Promise<CallSnapshot[]>;
  /** `username`'s ended calls (at most 20), newest first. */
  history(username: string): Promise<HistoryEntry[]>;
  /** A valid SSO token for `username` at `timestamp` (Unix seconds, default now) with the server's secret. */
  ssoToken(username: string, timestamp?: number): Promise<string>;
}

/** The controls over `center` and `server`. */
export function createUcsControl(center: UcsCenter, server: UcsServer): UcsControl {
  const named = (username: string): Agent => {
    const agent = center.agent(username);
    if (!agent) throw new SimControlError(`no user ${username}`);
    return agent;
  };
  const byUniqueid = (uniqueid: string): [Agent, CallRecord] => {
    const found = center.agentWithCall(uniqueid);
    if (!found) throw new SimControlError(`no call ${uniqueid}`);
    return found;
  };
  const onlyAgent = (has: (agent: Agent) => boolean, what: string): Agent => {
    const busy = center.allAgents().filter(has);
    if (busy.length !== 1) throw new SimControlError(`${busy.length} agents have ${what}: name one`);
    return busy[0]!;
  };
  const primary = (target: CallTarget = {}): [Agent, CallRecord] => {
    if (target.uniqueid !== undefined) return byUniqueid(target.uniqueid);
    const agent =
      target.username !== undefined
        ? named(target.username)
        : onlyAgent((each) => each.primaries().length > 0, 'calls');
    const calls = agent.primaries();
    if (calls.length === 0) throw new SimControlError(`${agent.spec.username} has no call`);
    if (calls.length > 1)
      throw new SimControlError(`${agent.spec.username} has ${calls.length} calls: name one by uniqueid`);
    return [agent, calls[0]!];
  };
  const consultation = (target: CallTarget = {}): [Agent, CallRecord] => {
    const agent =
      target.uniqueid !== undefined
        ? byUniqueid(target.uniqueid)[0]
        : target.username !== undefined
          ? named(target.username)
          : onlyAgent((each) => each.transfer?.leg != null, 'consultation calls');
    const leg = agent.transfer?.leg;
    if (!leg) throw new SimControlError(`${agent.spec.username} has no consultation call`);
    return [agent, leg];
  };
  const run = async <T>(work: () => T): Promise<T> => work();
  return {
    incomingCall: (spec) =>
      run(() => {
        const agent =
          spec.username !== undefined
            ? named(spec.username)
            : center.allAgents().find((each) => each.device !== null);
        if (!agent) throw new SimControlError('no agent has a paired phone');
        return center.ringIncoming(agent, spec);
      }),
    callerHangup: (target) =>
      run(() => {
        const [agent, call] = primary(target);
        center.farHangup(agent, call);
      }),
    farEndAnswer: (target) =>
      run(() => {
        const [agent, call] = primary(target);
        if (call.direction !== 'OUTGOING') throw new SimControlError('not an outgoing call');
        center.connect(agent, call);
      }),
    consultAnswer: (target) =>
      run(() => {
        const [agent, leg] = consultation(target);
        center.connect(agent, leg);
      }),
    consultHangup: (target) =>
      run(() => {
        const [agent, leg] = consultation(target);
        center.farHangup(agent, leg);
      }),
    setWaitingCallers: (count) =>
      run(() => {
        if (!Number.isInteger(count) || count < 0)
          throw new SimControlError('count must be a whole number ≥ 0');
        center.setWaitingCallers(count);
      }),
    serverDown: () => run(() => server.goDown()),
    serverUp: () => run(() => server.goUp()),
    sessions: () =>
      run(() =>
        [...center.sessions].map((session) => ({
          phase: session.phase,
          username: session.agent?.spec.username ?? null,
          provider: session.provider,
        })),
      ),
    calls: () =>
      run(() =>
        center.allAgents().flatMap((agent) =>
          agent.calls.map((call) => ({
            ...center.view(call),
            username: agent.spec.username,
            leg: agent.legOf(call),
          })),
        ),
      ),
    history: (username) =>
      run(() =>
        named(username).history.map((call) => {
          const view = center.view(call);
          return {
            uniqueid: call.uniqueid,
            number: view.number,
            direction: call.direction,
            cause: call.cause,
            accountCodes: [...call.accountCodes],
            ...(call.transferredTo === undefined ? {} : { transferredTo: call.transferredTo }),
            ...(call.queueId === undefined ? {} : { queueId: call.queueId }),
          };
        }),
      ),
    ssoToken: (username, timestamp) =>
      run(() => ssoToken(center.directory.ssoSecret, username, timestamp ?? Math.floor(center.now() / 1000))),
  };
}
