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

/** The connection in words: a short headline and, when the vendor gave one, its reason. */
export interface ConnectionWords {
  /** "Cannot connect to Tegsoft", "Demo PBX · Connected". */
  readonly headline: string;
  /** The vendor's own message, whole (it may name a setting the admin must add). */
  readonly detail?: string;
  /** Headline and detail as one sentence, for a tooltip. */
  readonly text: string;
  /** The colour family of the line. */
  readonly tone: Tone;
}

function headlineOf({ session, connection, linked }: Props, detailed: boolean): { text: string; tone: Tone } {
  const label = session.label || 'the phone system';
  // An ellipsis says "wait"; a reason after it says why waiting may not help, so it goes.
  const waiting = detailed ? '' : '…';
  // Losing the hub and losing the vendor look the same to an agent: calls and state may be stale.
  if (!linked) return { text: `Reconnecting to ${label}…`, tone: 'warn' };
  switch (connection.status) {
    case 'connected':
      return { text: `${label} · Connected`, tone: 'ok' };
    case 'connecting':
      return { text: `Connecting to ${label}${waiting}`, tone: 'warn' };
    case 'reconnecting':
      return { text: `Reconnecting to ${label}${waiting}`, tone: 'warn' };
    case 'failed':
      return { text: `Cannot connect to ${label}`, tone: 'error' };
    case 'disconnected':
      return { text: `Not connected to ${label}`, tone: 'off' };
  }
}

/** The words for the connection; exported for the minimized handle's tooltip. */
export function connectionText(props: Props): ConnectionWords {
  // The vendor's message describes its own connection, not a restart of the extension's worker.
  const detail = props.linked ? props.connection.message?.trim() || undefined : undefined;
  const { text: headline, tone } = headlineOf(props, detail !== undefined);
  return { headline, detail, text: detail ? `${headline}: ${detail}` : headline, tone };
}

/**
 * One line saying which phone system this is and whether it is reachable. The vendor's reason goes on
 * its own lines underneath, wrapped but never cut: it may be the only place an agent learns which
 * integration parameter their admin must add.
 */
export function ConnectionLine(props: Props) {
  const { headline, detail, tone } = connectionText(props);
  return (
    <p class="sb-conn" data-tone={tone} data-detail={detail ? 'true' : undefined} role="status">
      <span class="sb-conn-dot" aria-hidden="true" />
      <span class="sb-conn-text">
        <span class="sb-conn-head">
          {headline}
          {detail && ': '}
        </span>
        {detail && <span class="sb-conn-detail">{detail}</span>}
      </span>
    </p>
  );
}
