import { isAnswered, type SimCall } from './call';
import { applyCti, type CtiData } from './cti';
import type { Desk } from './desk';
import { seconds } from './format';
import { STATUS_MESSAGE } from './session';

/** The events a call's end produces, by kind and by whether it was answered. */
function endEvents(call: SimCall, answered: boolean): string[] {
  switch (call.kind) {
    case 'inbound':
      return answered && call.queued
        ? ['OnIncomingCallHangup', 'OnInboundAgentComplete']
        : ['OnIncomingCallHangup'];
    case 'outbound':
    case 'consult':
      return [answered ? 'OnOutgoingCallHangup' : 'OnOutgoingCallCancelled'];
    case 'campaign':
      // ASSUMPTION: after a connected campaign call the agent passes through after-call work and the
      // dialer completes the contact at once (the simulator has no after-call-work timer).
      return answered
        ? ['OnOutgoingCallHangup', 'OnCampAgentWaitAcw', 'OnCampAgentWaitComplete', 'OnCampAgentComplete']
        : ['OnOutgoingCallCancelled', 'OnCampAgentComplete'];
    case 'webchat':
      return ['OnWebchatAgentComplete'];
  }
}

/** Ends a call (either side hung up), with its end events, then a status. */
export function endCall(desk: Desk, call: SimCall): void {
  const answered = isAnswered(call);
  desk.finish(call);
  if (answered && call.slot !== 'chat') {
    desk.agent.counters.TALKDURATION += seconds(call.session.answeredAt!, call.session.endedAt!);
  }
  for (const name of endEvents(call, answered)) desk.emitCall(name, call);
  desk.remove(call);
  desk.status();
}

/** Marks a session answered now. */
export function markAnswered(desk: Desk, call: SimCall): void {
  desk.clearTimers(call);
  call.session.ringing = false;
  call.session.answeredAt = desk.now();
  call.session.statusMessage = STATUS_MESSAGE.answered;
  call.props.answered = true;
  call.props.incomingCallModalVisible = false;
}

/** Puts a call on hold, with OnHold unless `event` is false (the caller sends its own event). */
export function hold(desk: Desk, call: SimCall, event = true): void {
  call.session.held = true;
  call.session.statusMessage = STATUS_MESSAGE.held;
  if (event) desk.emitCall('OnHold', call);
}

/** Takes a call off hold, with OnUnhold unless `event` is false (the caller sends its own event). */
export function unhold(desk: Desk, call: SimCall, event = true): void {
  call.session.held = false;
  call.session.statusMessage = STATUS_MESSAGE.answered;
  if (event) desk.emitCall('OnUnhold', call);
}

/** The campaign contact answered: the dialer connects them to the agent (the campaign sample). */
export function connectCampaign(desk: Desk, call: SimCall): void {
  if (call.campaignPhase === 'waitContact') {
    call.campaignPhase = 'waitConnect';
    desk.emitCall('OnCampAgentWaitConnect', call);
  }
  call.campaignPhase = 'connected';
  markAnswered(desk, call);
  call.props.eventName = 'campAgentConnect';
  desk.agent.counters.ANSWERED += 1;
  desk.emitCall('OnOutgoingCallAnswered', call);
  desk.status();
}

/** The party the agent called answers: an outbound call, a campaign contact or a consultation. */
export function farAnswer(desk: Desk, call: SimCall): void {
  if (call.kind === 'campaign') {
    connectCampaign(desk, call);
    return;
  }
  markAnswered(desk, call);
  if (call.kind === 'consult') {
    const original = desk.agent.transfer && desk.byId(desk.agent.transfer.originalId);
    if (original && desk.agent.transfer) {
      desk.emitCall('OnAttendedTransferConnected', original, { extension: desk.agent.transfer.extension });
    }
  } else {
    desk.agent.counters.ANSWERED += 1;
    desk.emitCall('OnOutgoingCallAnswered', call);
  }
  desk.status();
}

/** Schedules the far end's answer when an answer delay is configured. */
export function scheduleFarAnswer(desk: Desk, call: SimCall): void {
  const delay = desk.env.timing.answerDelayMs;
  if (delay !== null) desk.after(call, delay, () => farAnswer(desk, call));
}

/** Ends the consultation and gives the agent the caller back (OnAttendedTransferCancelled). */
export function cancelTransfer(desk: Desk): void {
  const transfer = desk.agent.transfer;
  if (!transfer) return;
  const original = desk.byId(transfer.originalId);
  const consult = desk.byId(transfer.consultId);
  if (consult) {
    desk.finish(consult);
    desk.remove(consult);
  }
  desk.agent.transfer = null;
  if (original) {
    unhold(desk, original, false);
    desk.agent.activeLine = original.slot === 'secondary' ? 'secondary' : 'primary';
    desk.emitCall('OnAttendedTransferCancelled', original, { extension: transfer.extension });
  }
  desk.status();
}

/**
 * Sets the agent's CTI data: on the active call (else the chat) at once, or on the next call. It sends
 * no event: the setCtiData action follows it with a status, an IVR with nothing.
 */
export function setAgentCti(desk: Desk, cti: CtiData): void {
  desk.agent.ctiData = cti;
  const call = desk.activeCall() ?? desk.chat();
  if (call) {
    applyCti(call.props, cti);
    call.carriesCti = true;
  }
}

/** Puts the agent's pending CTI data on a new call unless another call already carries it. */
export function attachPendingCti(desk: Desk, call: SimCall): void {
  const cti = desk.agent.ctiData;
  if (!cti || desk.agent.calls.some((other) => other.carriesCti)) return;
  applyCti(call.props, cti);
  call.carriesCti = true;
}
