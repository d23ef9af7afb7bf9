import type { AgentStateKind } from '../core/agent-state';
import type { Call, CallDirection, CallState, EndReason } from '../core/call';

/** "0:07", "12:34", "1:02:03": the shape softphones and wallboards use, so agents read it at a glance. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

export const DIRECTION_LABELS: Record<CallDirection, string> = { inbound: 'Incoming', outbound: 'Outgoing' };

export const CALL_STATE_LABELS: Record<CallState, string> = {
  ringing: 'Ringing',
  dialing: 'Dialing',
  connected: 'Connected',
  held: 'On hold',
  ended: 'Ended',
};

export const END_REASON_LABELS: Record<EndReason, string> = {
  hangup: 'Hung up',
  remoteHangup: 'Other side hung up',
  rejected: 'Declined',
  missed: 'Missed',
  transferred: 'Transferred',
  failed: 'Failed',
  lost: 'Lost',
};

/** Colour family of a state: one palette shared by dots, tabs and handles. */
export function agentTone(kind: AgentStateKind): 'ok' | 'warn' | 'busy' | 'off' {
  switch (kind) {
    case 'ready':
      return 'ok';
    case 'notReady':
    case 'afterCallWork':
      return 'warn';
    case 'busy':
      return 'busy';
    case 'offline':
      return 'off';
  }
}

/** The number in international form when it parses (E.164 first, since the vendor's raw text may be local). */
export function displayNumber(call: Pick<Call, 'remoteNumber' | 'remoteDisplay'>): string {
  return call.remoteDisplay ?? call.remoteNumber;
}

/** How the agent refers to the other party in short labels: the name when known, else the number. */
export function partyLabel(call: Pick<Call, 'remoteNumber' | 'remoteDisplay' | 'remoteName'>): string {
  return call.remoteName?.trim() || displayNumber(call) || 'unknown number';
}

/** Clock time for today's calls, date and time for older ones. */
export function formatCallTime(at: number, now: number = Date.now()): string {
  const when = new Date(at);
  const sameDay = new Date(now).toDateString() === when.toDateString();
  const time = when.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  return sameDay ? time : `${when.toLocaleDateString([], { month: 'short', day: 'numeric' })} ${time}`;
}

/** Timer origin: talk time once answered, ring or dial time before. */
export const callTimerStart = (call: Call): number => call.answeredAt ?? call.createdAt;
