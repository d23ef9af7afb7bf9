/** What the widget page shows the agent; the browser draws it, Node keeps it for tests. */
export interface WidgetView {
  /** Logging in, login failed, logged in, or logged out. */
  readonly phase: 'loggingIn' | 'loginFailed' | 'online' | 'loggedOut';
  /** The stream from the server is up (false while it reconnects). */
  readonly connected: boolean;
  /** "Login failed: …" when the login failed. */
  readonly error?: string;
  /** The agent's display name. */
  readonly agentName?: string;
  /** The agent's extension. */
  readonly exten?: string;
  /** "Ready" or "Not ready (REASON)". */
  readonly agentState?: string;
  /** The current call in words, or "No call". */
  readonly call?: string;
  /** The camera is on. */
  readonly cameraOn?: boolean;
  /** The user's integration parameter lets events through to the parent page. */
  readonly eventsToParent: boolean;
}

type Json = Record<string, unknown>;

const record = (value: unknown): Json | undefined =>
  typeof value === 'object' && value !== null ? (value as Json) : undefined;

function describeSession(session: Json): string {
  const state = session.isRinging
    ? 'ringing'
    : session.isOnHold
      ? 'on hold'
      : session.isAnswered
        ? `connected ${String(session.formattedDuration ?? '')}`.trim()
        : 'dialing';
  return `${String(session.remoteNumber ?? '')} (${state}${session.isMuted ? ', muted' : ''})`;
}

/** The parts of the view a `status` event's data gives. */
export function viewFromStatus(data: unknown): Partial<WidgetView> {
  const status = record(data);
  const agent = record(status?.agent);
  if (!status || !agent) return {};
  const primary = record(status.primarySession);
  const secondary = record(status.secondarySession);
  const calls = [primary, secondary].filter((session): session is Json => session !== undefined);
  return {
    agentName: String(agent.DISPLAYNAME ?? ''),
    exten: String(agent.EXTEN ?? ''),
    agentState: agent.ready ? 'Ready' : `Not ready (${String(agent.notReadyReason ?? '')})`,
    call: calls.length === 0 ? 'No call' : calls.map(describeSession).join(' · '),
    cameraOn: agent.cameraOn === true,
  };
}
