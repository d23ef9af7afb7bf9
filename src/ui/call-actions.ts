import type { Call } from '../core/call';
import type { Capabilities } from '../core/capabilities';

/** Things the agent can do to one call from its controls. */
export type CallAction =
  | 'answer'
  | 'reject'
  | 'hold'
  | 'resume'
  | 'mute'
  | 'unmute'
  | 'transfer'
  | 'keypad'
  | 'hangup';

/**
 * The actions a call offers right now, in the order the buttons appear. Only what the vendor supports
 * is listed, so the UI never shows a button the hub would refuse.
 */
export function callActions(call: Call, caps: Capabilities): CallAction[] {
  const actions: CallAction[] = [];
  const live = call.state === 'connected' || call.state === 'held';
  if (call.state === 'ringing' && call.direction === 'inbound') {
    if (caps.answer) actions.push('answer');
    if (caps.reject) actions.push('reject');
    return actions;
  }
  if (live && caps.hold) actions.push(call.state === 'held' ? 'resume' : 'hold');
  if (live && caps.mute) actions.push(call.muted ? 'unmute' : 'mute');
  if (live && (caps.blindTransfer || caps.attendedTransfer)) actions.push('transfer');
  if (call.state === 'connected' && caps.dtmf) actions.push('keypad');
  if (caps.hangup) actions.push('hangup');
  return actions;
}

/** The visible text of each action's button; the focused call's buttons are named exactly this. */
export const CALL_ACTION_LABELS: Record<CallAction, string> = {
  answer: 'Answer',
  reject: 'Decline',
  hold: 'Hold',
  resume: 'Resume',
  mute: 'Mute',
  unmute: 'Unmute',
  transfer: 'Transfer',
  keypad: 'Keypad',
  hangup: 'Hang up',
};

/** Actions that map one-to-one onto a hub command (transfer and keypad open panels instead). */
export type DirectCallAction = Exclude<CallAction, 'transfer' | 'keypad'>;

export function commandFor(action: DirectCallAction, callId: string) {
  return { type: action, callId } as const;
}
