import { SimControlError } from '../../shared/control-error';
import type { LoginRequest, StreamLine, WidgetAction, WidgetEvent } from '../protocol';
import type { SimUser } from '../users';
import { type ActionOutcome, performAction } from './actions';
import { logIn } from './agent';
import { Desk, type Timing } from './desk';
import { IdSource } from './ids';
import { agentEventPayload, statusPayload } from './payloads';

/** An action a widget forwarded, as the server recorded it. */
export interface RecordedAction {
  /** When it arrived (ms since the epoch). */
  readonly at: number;
  /** Whose widget sent it. */
  readonly usercode: string;
  /** The action's group. */
  readonly group: string;
  /** The action's name. */
  readonly name: string;
  /** The action's data, as sent (e.g. dial's `numberToDial`). */
  readonly data: Readonly<Record<string, unknown>> | undefined;
  /** Performed, refused (made no sense now) or unknown (not a document action). */
  readonly outcome: ActionOutcome['result'];
  /** Why it was refused. */
  readonly reason?: string;
}

/** An event the server sent to a user's widgets (whether their parent got it is the widget's call). */
export interface RecordedEvent {
  /** When it was sent. */
  readonly at: number;
  /** To whose widgets. */
  readonly usercode: string;
  /** The event, as posted to the parent. */
  readonly event: WidgetEvent;
}

/** Where the server's output goes: the user's open widget sessions. */
export interface ServerOutput {
  /** Writes a line to every open widget stream of the user. */
  send(usercode: string, line: StreamLine): void;
  /** Ends every widget session of the user (after logout). */
  loggedOut(usercode: string): void;
}

/** The "Tegsoft server": accounts, agent desks, and the record of what went in and out. */
export class TegsoftServer {
  readonly actionLog: RecordedAction[] = [];
  readonly eventLog: RecordedEvent[] = [];
  readonly timing: Timing;
  private desks = new Map<string, Desk>();
  private readonly ids = new IdSource();
  private readonly skills = new Map<string, string>();
  private readonly campaigns = new Map<string, string>();

  constructor(
    readonly users: readonly SimUser[],
    private readonly initialTiming: Timing,
    private readonly out: ServerOutput,
  ) {
    this.timing = { ...initialTiming };
    this.reset();
  }

  /**
   * Checks a widget's auto-login parameters (document 1.2).
   *
   * ASSUMPTION: only the "agent" session type exists; a token wins over usercode + clearpassword when a
   * URL carries both.
   */
  authenticate(request: LoginRequest): { ok: true; user: SimUser } | { ok: false; error: string } {
    if (request.sessiontype !== 'agent') {
      return { ok: false, error: `unsupported session type "${request.sessiontype}"` };
    }
    if (request.token !== undefined) {
      const user = this.users.find((candidate) => candidate.token === request.token);
      return user ? { ok: true, user } : { ok: false, error: 'invalid token' };
    }
    if (request.usercode !== undefined && request.clearpassword !== undefined) {
      const user = this.users.find(
        (candidate) =>
          candidate.usercode === request.usercode && candidate.clearpassword === request.clearpassword,
      );
      return user ? { ok: true, user } : { ok: false, error: 'invalid usercode or password' };
    }
    return { ok: false, error: 'no token, or usercode and clearpassword, given' };
  }

  /**
   * Logs the agent in unless they already are.
   *
   * ASSUMPTION: an agent stays logged in when their widget pages go away (only `logout` ends it), so a
   * page that reloads, or a second page, finds the calls and state as they were.
   */
  login(usercode: string): Desk {
    const desk = this.desk(usercode);
    if (!desk.agent.loggedIn) logIn(desk.agent, this.now());
    return desk;
  }

  /**
   * What a widget stream gets first: OnLogin on its first connection, then always a fresh status.
   *
   * ASSUMPTION: events sent while a widget was disconnected are lost; the fresh status after the
   * reconnection is how its parent catches up.
   */
  greeting(usercode: string, firstConnection: boolean): WidgetEvent[] {
    const { agent } = this.desk(usercode);
    const events: WidgetEvent[] = [
      ...(firstConnection ? [event('OnLogin', agentEventPayload(agent))] : []),
      event('status', statusPayload(agent, this.now())),
    ];
    for (const sent of events) this.eventLog.push({ at: this.now(), usercode, event: sent });
    return events;
  }

  /** A user's desk (the first user's by default). */
  desk(usercode?: string): Desk {
    const desk = this.desks.get(usercode ?? this.users[0]!.usercode);
    if (!desk) throw new SimControlError(`no user ${usercode}`);
    return desk;
  }

  perform(usercode: string, action: WidgetAction): ActionOutcome {
    const outcome = performAction(this.desk(usercode), action);
    this.actionLog.push({
      at: this.now(),
      usercode,
      group: action.group,
      name: action.name,
      data: action.data === undefined ? undefined : structuredClone(action.data),
      outcome: outcome.result,
      ...(outcome.result === 'refused' ? { reason: outcome.reason } : {}),
    });
    return outcome;
  }

  /** ASSUMPTION: a changed integration parameter applies to open widgets at once, without a new login. */
  setIntegration(usercode: string | undefined, parameter: string | null): void {
    const desk = this.desk(usercode);
    desk.agent.integration = parameter;
    this.out.send(desk.usercode, { kind: 'integration', parameter });
  }

  /** Back to the start: everyone logged out, no calls, empty logs, the configured timings. */
  reset(): void {
    for (const desk of this.desks.values()) desk.dispose();
    this.actionLog.length = 0;
    this.eventLog.length = 0;
    Object.assign(this.timing, this.initialTiming);
    this.skills.clear();
    this.campaigns.clear();
    this.desks = new Map(
      this.users.map((user) => [
        user.usercode,
        new Desk(user, {
          ids: this.ids,
          timing: this.timing,
          now: () => this.now(),
          skillId: (name) => remember(this.skills, name, () => String(7000 + this.skills.size)),
          campaignId: (name) => remember(this.campaigns, name, () => this.ids.uuid()),
          emit: (to, sent) => {
            this.eventLog.push({ at: this.now(), usercode: to, event: sent });
            this.out.send(to, { kind: 'event', event: sent });
          },
          loggedOut: (who) => this.out.loggedOut(who),
        }),
      ]),
    );
  }

  dispose(): void {
    for (const desk of this.desks.values()) desk.dispose();
  }

  private now(): number {
    return Date.now();
  }
}

function event(name: string, data: unknown): WidgetEvent {
  return { type: 'event', group: 'agent', name, data };
}

function remember(map: Map<string, string>, key: string, make: () => string): string {
  const known = map.get(key);
  if (known !== undefined) return known;
  const made = make();
  map.set(key, made);
  return made;
}
