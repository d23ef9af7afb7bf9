import { SimControlError } from '../../shared/control-error';
import type { Agent } from './agent';
import { CALL_STATE, type CallRecord, HANGUP_CAUSE } from './call';
import type { UcsCenter } from './center';
import { DEFAULT_CALL_REASONS } from './directory';

/*
 * The agent's own call commands (the document's answer, hangup, tribute/hold, unhold, mute,
 * transfer, finishTransfer, blindTransfer, setAccountCode) over the center. They refuse with a
 * SimControlError, which the session turns into a refusal of the request.
 */

function refuse(message: string): never {
  throw new SimControlError(message);
}

/** The cause when the agent hangs up `call`: the called party for an incoming call, the caller for an outgoing one. */
const agentCause = (call: CallRecord) =>
  call.direction === 'INCOMING' ? HANGUP_CAUSE.calledHungUp : HANGUP_CAUSE.callerHungUp;

/**
 * answer: picks up the ringing incoming call. ASSUMPTION: a call connected at that moment (call
 * waiting) is put on hold first (onCallHold, then onCallConnect for the answered one).
 */
export function answer(center: UcsCenter, agent: Agent): void {
  const ringing = agent.ringingIncoming() ?? refuse('no incoming call to answer');
  const connected = agent.connected();
  if (connected) center.hold(agent, connected);
  center.connect(agent, ringing);
}

/**
 * hangup ("Hang up an ongoing call"). ASSUMPTION: with several calls it acts on, in order: the
 * connected call; else an outgoing call being set up; else a ringing incoming call, which is
 * rejected (cause 5); else the held call.
 */
export function hangup(center: UcsCenter, agent: Agent): void {
  const connected = agent.connected();
  const settingUp = agent.settingUp();
  const ringing = agent.ringingIncoming();
  const held = agent.held();
  if (connected) center.end(agent, connected, agentCause(connected));
  else if (settingUp) center.end(agent, settingUp, HANGUP_CAUSE.callerHungUp);
  else if (ringing) center.end(agent, ringing, HANGUP_CAUSE.rejected);
  else if (held) center.end(agent, held, agentCause(held));
  else refuse('there is no call');
}

/** tribute / hold: holds the connected call. */
export function hold(center: UcsCenter, agent: Agent): void {
  const connected = agent.connected() ?? refuse('only a connected call can be held');
  // ASSUMPTION: the consultation leg cannot be held: the agent finishes the transfer or hangs it up.
  if (agent.legOf(connected) === 'consultation')
    refuse('the consultation call cannot be held: finish the transfer or hang it up');
  center.hold(agent, connected);
}

/**
 * unhold: resumes the held call (with two held calls, the one held longest). ASSUMPTION: refused
 * while another call is connected or a consultation call is in progress; resuming the held call of
 * a transfer without a consultation leg leaves transfer mode.
 */
export function unhold(center: UcsCenter, agent: Agent): void {
  const held = agent.held() ?? refuse('no call is on hold');
  if (agent.transfer?.leg)
    refuse('a consultation call is in progress: finish the transfer or hang up the consultation call first');
  if (agent.connected()) refuse('another call is connected: hang up or hold the other call first');
  agent.transfer = null;
  held.state = CALL_STATE.connected;
  center.broadcast(agent, 'onCallResume', [center.view(held)]);
}

/** mute: toggles the agent's microphone on the connected call, else on the held one. */
export function mute(center: UcsCenter, agent: Agent): void {
  const call = agent.connected() ?? agent.held() ?? refuse('no connected call');
  call.agentMuted = !call.agentMuted;
  center.broadcast(agent, call.agentMuted ? 'onCallMute' : 'onCallUnmute', [center.view(call)]);
}

/**
 * transfer(number?): the connected call goes on hold and the agent is in transfer mode for it; with
 * a number, a consultation leg is dialled to it at once (onCallNew, onCallRinging), otherwise the
 * next `dial` makes it. ASSUMPTION: refused while a second call is on the phone (call waiting), and
 * the consultation leg carries no metadata (`data` {}) and no outgoing queue.
 */
export function transfer(center: UcsCenter, agent: Agent, number: string | undefined): void {
  if (agent.transfer) refuse('already in transfer mode: finishTransfer or hang up first');
  const connected = agent.connected() ?? refuse('no connected call to transfer');
  if (agent.calls.length > 1) refuse('another call is on the phone: hang it up before transferring');
  center.hold(agent, connected);
  agent.transfer = { held: connected, leg: null };
  if (number !== undefined) center.dialOut(agent, number, undefined, {});
}

/**
 * finishTransfer: connects the held caller to the consulted party; both calls leave the agent with
 * cause 8 (transfer), the held call first. ASSUMPTION: allowed while the consultation leg still
 * rings (an unattended transfer), not before it is dialled.
 */
export function finishTransfer(center: UcsCenter, agent: Agent): void {
  const mode = agent.transfer ?? refuse('not in transfer mode: call transfer first');
  const leg = mode.leg;
  if (!leg || (leg.state !== CALL_STATE.ringing && leg.state !== CALL_STATE.connected))
    refuse('no consultation call to transfer to: dial the target first');
  const { held } = mode;
  held.transferredTo = leg.called.number;
  center.end(agent, held, HANGUP_CAUSE.transfer);
  center.end(agent, leg, HANGUP_CAUSE.transfer);
}

/**
 * blindTransfer(number): the connected call, else the held one, ends with cause 8 (transfer).
 * ASSUMPTION: in transfer mode with a connected consultation leg, that leg is the connected call.
 */
export function blindTransfer(center: UcsCenter, agent: Agent, number: string): void {
  const call = agent.connected() ?? agent.held() ?? refuse('no connected or held call to transfer');
  call.transferredTo = number;
  center.end(agent, call, HANGUP_CAUSE.transfer);
}

/**
 * setAccountCode: sets a call reason on a current or recently ended call of the agent.
 * ASSUMPTION: the account code must be a key of onReady's callReasons; the stored value is `code`
 * or `code/sub`; override replaces the call's codes, otherwise the value is appended. No callback
 * follows (the document names none).
 */
export function setAccountCode(
  agent: Agent,
  uniqueid: string,
  accountCode: string,
  subAccountCode: string | null,
  override: boolean,
): void {
  const call = agent.findCall(uniqueid) ?? refuse(`no call ${uniqueid}`);
  if (!Object.hasOwn(DEFAULT_CALL_REASONS, accountCode)) {
    refuse(`unknown account code ${accountCode} (allowed: ${Object.keys(DEFAULT_CALL_REASONS).join(', ')})`);
  }
  const value = subAccountCode === null ? accountCode : `${accountCode}/${subAccountCode}`;
  if (override) call.accountCodes = [value];
  else call.accountCodes.push(value);
}
