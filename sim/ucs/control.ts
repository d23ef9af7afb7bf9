import { SimControlError } from '../shared/control-error';
import type { Agent } from './model/agent';
import type { UcsCall } from './model/call';
import type { IncomingCallSpec, UcsCenter } from './model/center';
import type { Phase } from './protocol';
import type { UcsServer } from './server/ucs-server';
import { ssoToken } from './sso';

export type { IncomingCallSpec } from './model/center';

/** Which agent's call: by username, or by the call's uniqueid; neither: the only agent with a call. */
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

/** The simulator's controls (also served as HTTP under `/control/`). */
export interface UcsControl {
  /** Rings an agent (`username`, default the first with a paired phone) with a call; resolves with its uniqueid. */
  incomingCall(spec: IncomingCallSpec & { readonly username?: string }): Promise<string>;
  /** The caller (or an outgoing call's called party) hangs up. */
  callerHangup(target?: CallTarget): Promise<void>;
  /** The called party answers an agent's outgoing (dialled) call. */
  farEndAnswer(target?: CallTarget): Promise<void>;
  /** Sets the number of callers waiting in queues; READY sessions get onWaitingCallersChange. */
  setWaitingCallers(count: number): Promise<void>;
  /** Takes the UCS server down: WebSockets are cut and refused until `serverUp`. */
  serverDown(): Promise<void>;
  /** Brings the UCS server back up. */
  serverUp(): Promise<void>;
  /** The open sessions. */
  sessions(): Promise<SessionSnapshot[]>;
  /** Every agent's current call. */
  calls(): Promise<(UcsCall & { readonly username: string })[]>;
  /** A valid SSO token for `username` at `timestamp` (Unix seconds, default now) with the server's secret. */
  ssoToken(username: string, timestamp?: number): Promise<string>;
}

/** The controls over `center` and `server`. */
export function createUcsControl(center: UcsCenter, server: UcsServer): UcsControl {
  const find = (target: CallTarget = {}): Agent => {
    if (target.uniqueid !== undefined) {
      const agent = center.agentWithCall(target.uniqueid);
      if (!agent) throw new SimControlError(`no call ${target.uniqueid}`);
      return agent;
    }
    if (target.username !== undefined) return named(target.username);
    const busy = center.allAgents().filter((agent) => agent.call);
    if (busy.length !== 1) throw new SimControlError(`${busy.length} agents have calls: name one`);
    return busy[0]!;
  };
  const named = (username: string): Agent => {
    const agent = center.agent(username);
    if (!agent) throw new SimControlError(`no user ${username}`);
    return agent;
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
    callerHangup: (target) => run(() => center.farHangup(find(target))),
    farEndAnswer: (target) =>
      run(() => {
        const agent = find(target);
        if (agent.call?.direction !== 'OUTGOING') throw new SimControlError('not an outgoing call');
        center.connect(agent);
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
        center
          .allAgents()
          .filter((agent) => agent.call)
          .map((agent) => ({ ...center.callOf(agent), username: agent.spec.username })),
      ),
    ssoToken: (username, timestamp) =>
      run(() => ssoToken(center.directory.ssoSecret, username, timestamp ?? Math.floor(center.now() / 1000))),
  };
}
