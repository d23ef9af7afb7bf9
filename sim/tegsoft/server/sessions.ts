import type { ServerResponse } from 'node:http';
import type { StreamLine } from '../protocol';

/** One logged-in widget page. */
export interface WidgetSession {
  /** The id the widget sends with its stream and actions. */
  readonly sid: string;
  /** Whose session it is. */
  readonly usercode: string;
  /** The open stream to the page, or null while it is cut. */
  stream: ServerResponse | null;
  /** The page has had its first stream (and its OnLogin). */
  greeted: boolean;
}

/** The widget pages logged in to the simulator and their server → widget streams. */
export class WidgetSessions {
  private readonly sessions = new Map<string, WidgetSession>();
  private readonly downUntil = new Map<string, number>();

  create(sid: string, usercode: string): WidgetSession {
    const session: WidgetSession = { sid, usercode, stream: null, greeted: false };
    this.sessions.set(sid, session);
    return session;
  }

  get(sid: string | null): WidgetSession | undefined {
    return sid === null ? undefined : this.sessions.get(sid);
  }

  /** The user's link to the server is cut for now (the control API's drop with `downMs`). */
  isDown(usercode: string): boolean {
    return (this.downUntil.get(usercode) ?? 0) > Date.now();
  }

  /** Makes `stream` the session's stream; a stream it had before is closed. */
  attach(session: WidgetSession, stream: ServerResponse): void {
    session.stream?.end();
    session.stream = stream;
    stream.on('close', () => {
      if (session.stream === stream) session.stream = null;
    });
  }

  write(session: WidgetSession, line: StreamLine): void {
    session.stream?.write(`${JSON.stringify(line)}\n`);
  }

  send(usercode: string, line: StreamLine): void {
    for (const session of this.of(usercode)) this.write(session, line);
  }

  /** Writes to every open stream of every user. */
  broadcast(line: StreamLine): void {
    for (const session of this.sessions.values()) this.write(session, line);
  }

  /** How many of the user's widgets (or all widgets) have their stream open. */
  connected(usercode?: string): number {
    return [...this.sessions.values()].filter(
      (session) => session.stream !== null && (usercode === undefined || session.usercode === usercode),
    ).length;
  }

  /** Cuts the user's streams (as a network failure would) and refuses new ones for `downMs`. */
  drop(usercode: string, downMs: number): number {
    this.downUntil.set(usercode, Date.now() + downMs);
    let cut = 0;
    for (const session of this.of(usercode)) {
      if (!session.stream) continue;
      session.stream.destroy();
      session.stream = null;
      cut += 1;
    }
    return cut;
  }

  /** Ends the user's sessions with a last line (after logout): their widgets stop. */
  end(usercode: string, last: StreamLine): void {
    for (const session of this.of(usercode)) {
      this.write(session, last);
      session.stream?.end();
      this.sessions.delete(session.sid);
    }
  }

  /** Forgets every session and closes every stream (reset, shutdown): widgets log in again. */
  clear(): void {
    for (const session of this.sessions.values()) session.stream?.destroy();
    this.sessions.clear();
    this.downUntil.clear();
  }

  private of(usercode: string): WidgetSession[] {
    return [...this.sessions.values()].filter((session) => session.usercode === usercode);
  }
}
