import type { HubState } from '../core/hub-state';

interface Props {
  /** The signed-in profile, if any: its label names the line. */
  readonly session: HubState['session'];
  /** The vendor connection's status, in words and colour. */
  readonly connection: HubState['connection'];
  /** Whether this page still hears the hub; false while the extension's worker restarts. */
  readonly linked: boolean;
}

type Tone = 'ok' | 'warn' | 'error' | 'off';

/** The words for the connection; exported for the minimized handle's tooltip. */
export function connectionText({ session, connection, linked }: Props): { text: string; tone: Tone } {
  const label = session.label || 'the phone system';
  // Losing the hub and losing the vendor look the same to an agent: calls and state may be stale.
  if (!linked) return { text: `Reconnecting to ${label}…`, tone: 'warn' };
  const detail = connection.message ? `: ${connection.message}` : '';
  switch (connection.status) {
    case 'connected':
      return { text: `${label} · Connected`, tone: 'ok' };
    case 'connecting':
      return { text: `Connecting to ${label}…`, tone: 'warn' };
    case 'reconnecting':
      return {
        text: `Reconnecting to ${label}…${connection.message ? ` (${connection.message})` : ''}`,
        tone: 'warn',
      };
    case 'failed':
      return { text: `Cannot connect to ${label}${detail}`, tone: 'error' };
    case 'disconnected':
      return { text: `Not connected to ${label}${detail}`, tone: 'off' };
  }
}

/** One line saying which phone system this is and whether it is reachable. */
export function ConnectionLine(props: Props) {
  const { text, tone } = connectionText(props);
  return (
    <p class="sb-conn" data-tone={tone} role="status">
      <span class="sb-conn-dot" aria-hidden="true" />
      <span class="sb-conn-text">{text}</span>
    </p>
  );
}
