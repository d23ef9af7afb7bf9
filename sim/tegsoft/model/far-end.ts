import { SimControlError } from '../../shared/control-error';
import { campaignProps, inboundProps, isAnswered, type SimCall, webchatProps } from './call';
import {
  attachPendingCti,
  cancelTransfer,
  connectCampaign,
  endCall,
  farAnswer,
  scheduleFarAnswer,
  setAgentCti,
} from './call-ops';
import type { CtiData } from './cti';
import type { Desk } from './desk';
import { newSession, STATUS_MESSAGE } from './session';

/** An inbound call to ring. */
export interface InboundCallSpec {
  /** The caller's number (`callerId`, `remoteNumber`). */
  readonly number: string;
  /** The caller's name (`callerIdName`); default none. */
  readonly name?: string;
  /** The skill queue it comes through (`SKILLNAME`); without one it is a direct call to the extension. */
  readonly skill?: string;
}

/** A webchat to offer. */
export interface WebchatSpec {
  /** The visitor's name (`callerIdName`). */
  readonly name: string;
  /** The visitor's phone (`PHONE`); default none. */
  readonly phone?: string;
  /** The chat skill (`SKILLNAME`); default "Webchat". */
  readonly skill?: string;
}

/** A campaign (progressive dialer) call to give the agent. */
export interface CampaignCallSpec {
  /** The contact's number (`PHONE`). */
  readonly number: string;
  /** The campaign's name (`campaignName`). */
  readonly campaign: string;
  /** The contact answers at once (default true); false waits for farEndAnswer. */
  readonly connect?: boolean;
}

function requireLogin(desk: Desk): void {
  if (!desk.agent.loggedIn) throw new SimControlError(`${desk.usercode} is not logged in`);
}

/** A call the agent may answer or let ring: inbound on either line, or a webchat. */
function offeredCall(desk: Desk): SimCall | undefined {
  return desk.agent.calls.find(
    (call) => (call.kind === 'inbound' || call.kind === 'webchat') && !isAnswered(call),
  );
}

function pick(desk: Desk, callId: string | undefined, fallback: () => SimCall | undefined): SimCall {
  const call = callId === undefined ? fallback() : desk.byId(callId);
  if (!call) throw new SimControlError(callId ? `no call ${callId}` : `${desk.usercode} has no such call`);
  return call;
}

/**
 * Rings an inbound call.
 *
 * ASSUMPTION: a skill-queue call gives OnAgentCalled, OnInboundAgentCalled (both with the inbound
 * sample: offered, not yet ringing), then OnIncomingCallRinging; a direct call (no skill) only the last.
 *
 * ASSUMPTION: the call reaches the agent whatever their ready state (a test drives the far end, not the
 * queue's routing); while a call is up it rings on the second line; with both lines busy it is refused.
 */
export function offerInbound(desk: Desk, spec: InboundCallSpec): SimCall {
  requireLogin(desk);
  const line = desk.freeLine();
  if (!line) throw new SimControlError(`both of ${desk.usercode}'s lines are busy`);
  const now = desk.now();
  const { ids } = desk.env;
  const id = ids.uniqueId(now);
  const skill = spec.skill ? { id: desk.env.skillId(spec.skill), name: spec.skill } : undefined;
  const call: SimCall = {
    id,
    kind: 'inbound',
    queued: skill !== undefined,
    slot: line,
    session: newSession(now, spec.number, STATUS_MESSAGE.offered),
    props: inboundProps(
      { user: desk.agent.user, callId: id, contId: ids.uuid() },
      { number: spec.number, name: spec.name ?? '', skill },
      { dstUniqueId: ids.uniqueId(now), channelName: ids.channel(desk.agent.user.exten) },
    ),
    dtmf: '',
    carriesCti: false,
  };
  attachPendingCti(desk, call);
  desk.add(call);
  desk.agent.counters.INBOUND += 1;
  desk.agent.counters.TOTALCALLCOUNT += 1;
  if (skill) {
    desk.emitCall('OnAgentCalled', call);
    desk.emitCall('OnInboundAgentCalled', call);
  }
  call.session.ringing = true;
  desk.emitCall('OnIncomingCallRinging', call);
  desk.status();
  desk.after(call, desk.env.timing.ringTimeoutMs, () => ringNoAnswer(desk, call.id));
  return call;
}

/**
 * ASSUMPTION: a webchat gives OnWebchatAgentCalled only (OnAgentCalled is the phone queue's event); it
 * takes no phone line, so it can be offered during a call; one chat at a time.
 */
export function offerWebchat(desk: Desk, spec: WebchatSpec): SimCall {
  requireLogin(desk);
  if (desk.chat()) throw new SimControlError(`${desk.usercode} already has a webchat`);
  const now = desk.now();
  const id = desk.env.ids.uuid();
  const phone = spec.phone ?? '';
  const call: SimCall = {
    id,
    kind: 'webchat',
    queued: true,
    slot: 'chat',
    session: { ...newSession(now, phone, STATUS_MESSAGE.offered), ringing: true },
    props: webchatProps(
      { user: desk.agent.user, callId: id, contId: desk.env.ids.uuid() },
      { name: spec.name, phone, skill: spec.skill ?? 'Webchat' },
    ),
    dtmf: '',
    carriesCti: false,
  };
  attachPendingCti(desk, call);
  desk.add(call);
  desk.agent.counters.WEBCHAT += 1;
  desk.agent.counters.TOTALCALLCOUNT += 1;
  desk.emitCall('OnWebchatAgentCalled', call);
  desk.status();
  desk.after(call, desk.env.timing.ringTimeoutMs, () => ringNoAnswer(desk, call.id));
  return call;
}

/**
 * Gives the agent a campaign call: OnCampAgentWaitContact while the dialer calls the contact, then
 * OnCampAgentWaitConnect and OnOutgoingCallAnswered with the campaign sample (`campAgentConnect`).
 *
 * ASSUMPTION: the campaign call connects to the agent by itself (no answer action), as the sample's
 * 0.7 s between session start and answer suggests; the agent's phone must be free.
 */
export function startCampaignCall(desk: Desk, spec: CampaignCallSpec): SimCall {
  requireLogin(desk);
  if (desk.line('primary')) throw new SimControlError(`${desk.usercode} is on a call`);
  const now = desk.now();
  const { ids } = desk.env;
  const id = ids.uniqueId(now);
  const call: SimCall = {
    id,
    kind: 'campaign',
    queued: false,
    slot: 'primary',
    session: newSession(now, spec.number, STATUS_MESSAGE.alerting),
    props: campaignProps(
      { user: desk.agent.user, callId: id, contId: ids.uuid() },
      { number: spec.number, campaignId: desk.env.campaignId(spec.campaign), campaignName: spec.campaign },
    ),
    dtmf: '',
    carriesCti: false,
    campaignPhase: 'waitContact',
  };
  attachPendingCti(desk, call);
  desk.add(call);
  desk.agent.activeLine = 'primary';
  desk.agent.counters.CAMPAIGN += 1;
  desk.agent.counters.TOTALCALLCOUNT += 1;
  desk.emitCall('OnCampAgentWaitContact', call);
  desk.status();
  if (spec.connect ?? true) connectCampaign(desk, call);
  else scheduleFarAnswer(desk, call);
  return call;
}

/** The party the agent called picks up (outbound, campaign contact or consultation target). */
export function farEndAnswer(desk: Desk, callId?: string): void {
  const call = pick(desk, callId, () =>
    desk.agent.calls.find(
      (candidate) => candidate.kind !== 'inbound' && candidate.kind !== 'webchat' && !isAnswered(candidate),
    ),
  );
  if (call.kind === 'inbound' || call.kind === 'webchat') {
    throw new SimControlError('the agent answers inbound calls and chats, not the far end');
  }
  if (isAnswered(call)) throw new SimControlError(`call ${call.id} is already answered`);
  farAnswer(desk, call);
}

/**
 * The other party hangs up: by default the active line's call, else the webchat.
 *
 * ASSUMPTION: the consultation target hanging up cancels the attended transfer (the agent has the
 * caller back, OnAttendedTransferCancelled).
 */
export function farEndHangup(desk: Desk, callId?: string): void {
  const call = pick(desk, callId, () => desk.activeCall() ?? desk.chat());
  if (call.kind === 'consult' && desk.agent.transfer?.consultId === call.id) cancelTransfer(desk);
  else endCall(desk, call);
}

/**
 * A call that rang unanswered is taken back: OnAgentRingNoAnswer, then its hangup (or chat complete).
 *
 * ASSUMPTION: the agent's ready state is left as it was (some ACDs make the agent not ready here).
 */
export function ringNoAnswer(desk: Desk, callId?: string): void {
  const call = pick(desk, callId, () => offeredCall(desk));
  if (isAnswered(call) || (call.kind !== 'inbound' && call.kind !== 'webchat')) {
    throw new SimControlError(`call ${call.id} is not ringing for the agent`);
  }
  desk.finish(call);
  desk.emitCall('OnAgentRingNoAnswer', call);
  endCall(desk, call);
}

/**
 * The server side attaches CTI data (an IVR's choices, a campaign's contact): on the agent's active
 * call, or the next call.
 *
 * ASSUMPTION: the widget is told nothing; it shows the data when asked (getCtiData) and on the call's
 * later events (its properties).
 */
export function serverCti(desk: Desk, cti: CtiData): void {
  requireLogin(desk);
  setAgentCti(desk, cti);
}

/** The attended transfer's target answers the consultation. */
export function consultAnswer(desk: Desk): void {
  const transfer = desk.agent.transfer;
  const consult = transfer && desk.byId(transfer.consultId);
  if (!consult) throw new SimControlError(`${desk.usercode} is not consulting anyone`);
  if (isAnswered(consult)) throw new SimControlError('the consultation is already answered');
  farAnswer(desk, consult);
}
