/**
 * Every event of the document's list (section 3.2), and the CTI data answers: what each one means to
 * the tracker. Each is what the widget says happened; the tracker turns it into normalized events
 * against the calls it follows.
 */
import { notReadyReason } from './agent';
import type { WidgetEvent } from './payload';
import type { CallDefaults } from './tracked-call';
import type { TegsoftTracker } from './tracker';

type Handler = (tracker: TegsoftTracker, event: WidgetEvent) => void;

const INBOUND: CallDefaults = { direction: 'inbound', media: 'voice', state: 'ringing' };
const OUTBOUND: CallDefaults = { direction: 'outbound', media: 'voice', state: 'dialing' };
const WEBCHAT: CallDefaults = { direction: 'inbound', media: 'chat', state: 'ringing' };
const CAMPAIGN: CallDefaults = { direction: 'outbound', media: 'voice', state: 'dialing' };

/** The tracker's handler of each event name. */
export const HANDLERS: Readonly<Record<string, Handler>> = {
  status: (t, e) => t.status(e),
  // The document lists these without describing them; the status that follows tells the state.
  OnLogin: (t) => t.askStatus(),
  OnReady: (t) => t.setAgent({ state: 'ready' }),
  OnNotready: (t, e) => t.setAgent({ state: 'notReady', reason: notReadyReason(e.data) }),

  // One inbound call may come as all three: the first offers it, the others add what they carry.
  OnAgentCalled: (t, e) => t.offer(e, INBOUND),
  OnIncomingCallRinging: (t, e) => t.offer(e, INBOUND),
  OnInboundAgentCalled: (t, e) => t.offer(e, INBOUND),
  OnIncomingCallAnswered: (t, e) => t.answered(e, INBOUND),
  OnInboundAgentConnect: (t, e) => t.answered(e, INBOUND),
  OnIncomingCallHangup: (t, e) => t.ended(e, 'hangup'),
  OnInboundAgentComplete: (t, e) => t.ended(e, 'hangup'),
  OnAgentRingNoAnswer: (t, e) => t.ended(e, 'noAnswer'),

  OnOutgoingCallInitialized: (t, e) => t.offer(e, OUTBOUND),
  OnOutgoingCallRinging: (t, e) => t.offer(e, OUTBOUND),
  OnOutgoingCallAnswered: (t, e) => t.answered(e, OUTBOUND),
  OnOutgoingCallCancelled: (t, e) => t.ended(e, 'hangup'),
  OnOutgoingCallHangup: (t, e) => t.ended(e, 'hangup'),

  OnWebchatAgentCalled: (t, e) => t.offer(e, WEBCHAT),
  OnWebchatAgentConnect: (t, e) => t.answered(e, WEBCHAT),
  OnWebchatAgentComplete: (t, e) => t.ended(e, 'hangup'),

  // Campaign (dialer) calls: the agent waits for a contact, talks to it, does after-call work, is done.
  OnCampAgentWaitContact: (t, e) => t.campaignContact(e, CAMPAIGN),
  OnCampAgentWaitConnect: (t, e) => t.answered(e, CAMPAIGN),
  OnCampAgentWaitAcw: (t, e) => t.campaignAfterCall(e),
  OnCampAgentComplete: (t, e) => t.campaignDone(e),
  OnCampAgentWaitComplete: (t, e) => t.campaignDone(e),

  OnHold: (t, e) => t.hold(e, true),
  OnUnhold: (t, e) => t.hold(e, false),
  OnMute: (t, e) => t.mute(e, true),
  OnUnmute: (t, e) => t.mute(e, false),

  OnBlindTransferInitialized: (t, e) => t.transferStarted(e, 'blind'),
  OnBlindTransferCompleted: (t, e) => t.transferCompleted(e, 'blind'),
  OnAttendedTransferInitialized: (t, e) => t.transferStarted(e, 'attended'),
  OnAttendedTransferConnected: (t, e) => t.consultAnswered(e),
  OnAttendedTransferCompleted: (t, e) => t.transferCompleted(e, 'attended'),
  OnAttendedTransferCancelled: (t, e) => t.transferCancelled(e),
  // The agent's audio moves to the caller (primary) or the consulted party (secondary): the other waits.
  OnAttendedTransferSwitchToPrimarySession: (t, e) => t.switchLine(e, 'primary'),
  OnAttendedTransferSwitchToSecondarySession: (t, e) => t.switchLine(e, 'secondary'),

  // Answers to getCtiData / setCtiData / removeCtiData; the document names no event for them.
  getCtiData: (t, e) => t.ctiAnswer(e, 'query'),
  ctiData: (t, e) => t.ctiAnswer(e, 'query'),
  setCtiData: (t, e) => t.ctiAnswer(e, 'set'),
  removeCtiData: (t, e) => t.ctiAnswer(e, 'removed'),
};

/** The event names the tracker understands. */
export const KNOWN_EVENTS: readonly string[] = Object.keys(HANDLERS);
