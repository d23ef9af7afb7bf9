import type { Call } from '../core/call';
import type { Capabilities } from '../core/capabilities';
import type { Command } from '../core/commands';

/** Things the agent can do to one call from its controls. */
export type CallAction =
  | 'answer'
  | 'reject'
  | 'hold'
  | 'resume'
  | 'mute'
  | 'unmute'
  | 'camera'
  | 'transfer'
  | 'keypad'
  | 'hangup';

/**
 * The actions a call offers right now, in the order the buttons appear. Only what the vendor supports
 * is listed, so the UI never shows a button the hub would refuse. A chat has no audio to hold, mute or
 * send tones on, whatever the vendor offers for its voice calls.
 */
export function callActions(call: Call, caps: Capabilities): CallAction[] {
  const actions: CallAction[] = [];
  const live = call.state === 'connected' || call.state === 'held';
  const audio = call.media !== 'chat';
  if (call.state === 'ringing' && call.direction === 'inbound') {
    if (caps.answer) actions.push('answer');
    if (caps.reject) actions.push('reject');
    return actions;
  }
  if (live && audio && caps.hold) actions.push(call.state === 'held' ? 'resume' : 'hold');
  if (live && audio && caps.mute) actions.push(call.muted ? 'unmute' : 'mute');
  // A vendor with video (Tegsoft's widget) can turn the camera on during any call, not only one that
  // started as video.
  if (call.state === 'connected' && audio && caps.video) actions.push('camera');
  if (live && (caps.blindTransfer || caps.attendedTransfer)) actions.push('transfer');
  if (call.state === 'connected' && audio && caps.dtmf) actions.push('keypad');
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
  camera: 'Camera',
  transfer: 'Transfer',
  keypad: 'Keypad',
  hangup: 'Hang up',
};

/**
 * Accessible names that say more than the visible text. The camera's state is not reported by any
 * vendor, so its button can only promise a toggle, not "on" or "off".
 */
export const CALL_ACTION_NAMES: Partial<Record<CallAction, string>> = { camera: 'Toggle camera' };

/** Actions that map one-to-one onto a hub command (transfer and keypad open panels instead). */
export type DirectCallAction = Exclude<CallAction, 'transfer' | 'keypad'>;

/** The hub command a direct action sends for the call `callId`. */
export function commandFor(action: DirectCallAction, callId: string): Command {
  if (action === 'camera') return { type: 'camera', callId, action: 'toggle' };
  return { type: action, callId };
}
