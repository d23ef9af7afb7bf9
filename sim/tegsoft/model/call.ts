import type { SimUser } from '../users';
import type { VoiceSession } from './session';

/** What a call is to the agent. `consult` is the leg to the target of an attended transfer. */
export type CallKind = 'inbound' | 'outbound' | 'campaign' | 'webchat' | 'consult';

/** The agent's two phone lines (the document's primary and secondary sessions). */
export type Line = 'primary' | 'secondary';

/** Where a call sits: a phone line, or the chat slot (a webchat uses no line). */
export type Slot = Line | 'chat';

/** Where a campaign call is: the dialer calls the contact, connects it, then the agent talks. */
export type CampaignPhase = 'waitContact' | 'waitConnect' | 'connected';

/** A call of the agent's, as the server keeps it. */
export interface SimCall {
  /** `CALLID` (for a webchat, its `CHATID`). */
  readonly id: string;
  /** What kind of call it is. */
  readonly kind: CallKind;
  /** It reached the agent through a skill queue (the inbound `OnInboundAgent…` events apply). */
  readonly queued: boolean;
  /** The line or slot it is on (a secondary call moves to primary when the primary one ends). */
  slot: Slot;
  /** The session the status and call events report. */
  readonly session: VoiceSession;
  /** `activeCallProperties`. */
  readonly props: Record<string, unknown>;
  /** Digits the agent sent with sendDTMF. */
  dtmf: string;
  /** The campaign phase; only for campaign calls. */
  campaignPhase?: CampaignPhase;
  /** The agent's CTI data is attached to this call (and is dropped when it ends). */
  carriesCti: boolean;
}

/** What the property builders need to know. */
export interface PropsContext {
  /** The agent the call is for. */
  readonly user: SimUser;
  /** The call's id. */
  readonly callId: string;
  /** A fresh contact id. */
  readonly contId: string;
}

/** The agent photo the document's samples show. */
export const DEFAULT_PHOTO = '/Tobe/image/themes/flat2/tegsoft_user_default.png';

/** Whether the call was answered (by the agent, or the far end of the agent's call). */
export function isAnswered(call: SimCall): boolean {
  return call.session.answeredAt !== null;
}

/** The inbound sample's properties, in its order; a direct call has no skill fields. */
export function inboundProps(
  ctx: PropsContext,
  caller: { number: string; name: string; skill?: { id: string; name: string } },
  extra: { dstUniqueId: string; channelName: string },
): Record<string, unknown> {
  const { user, callId, contId } = ctx;
  return {
    incomingCallModalVisible: true,
    ...(caller.skill ? { SKILL: caller.skill.id } : {}),
    DIRECTION: 'INBOUND',
    ...(caller.skill ? { SKILLNAME: caller.skill.name } : {}),
    dstUniqueId: extra.dstUniqueId,
    INTERFACE: `PJSIP/${user.exten}`,
    agentUID: user.uid,
    channelName: extra.channelName,
    callerId: caller.number,
    callerIdName: caller.name,
    REASON: 'DEFAULT',
    uniqueId: callId,
    CONTID: contId,
    ...(caller.skill ? { SRCEVENT: `AgentCalled-${callId}` } : {}),
    callStatusLine1: '',
    callStatusLine2: '',
    isInCall: true,
    PHOTOURL: `/Tobe/contactImages/${contId}.png`,
    CALLID: callId,
    answered: false,
  };
}

/**
 * ASSUMPTION: the document has no sample for a manual outbound call (nor for the consultation leg of
 * an attended transfer); both are the campaign sample without its campaign fields.
 */
export function outboundProps(ctx: PropsContext, number: string): Record<string, unknown> {
  return {
    incomingCallModalVisible: false,
    agentUID: ctx.user.uid,
    REASON: 'DEFAULT',
    CALLID: ctx.callId,
    PHONE: number,
    DIRECTION: 'OUTBOUND',
    callStatusLine1: '',
    callStatusLine2: '',
    isInCall: true,
    PHOTOURL: DEFAULT_PHOTO,
    CONTID: ctx.contId,
    answered: false,
  };
}

/** The outbound (campaign) sample's properties, in its order. */
export function campaignProps(
  ctx: PropsContext,
  call: { number: string; campaignId: string; campaignName: string },
): Record<string, unknown> {
  return {
    incomingCallModalVisible: false,
    agentUID: ctx.user.uid,
    REASON: 'DEFAULT',
    CALLID: ctx.callId,
    CAMPAIGNID: call.campaignId,
    PHONE: call.number,
    DIRECTION: 'OUTBOUND',
    callStatusLine1: '',
    callStatusLine2: '',
    isInCall: true,
    // The sample's double slash is kept: it is what the server sends.
    PHOTOURL: '/Tobe/image/themes/flat2//tegsoft_user_default.png',
    campaignName: call.campaignName,
    eventName: 'campAgentWaitContact',
    CONTID: ctx.contId,
    answered: false,
  };
}

/**
 * The webchat sample's properties, in its order.
 *
 * ASSUMPTION: the sample's `skillName` ("Test_Skill") and `SKILLNAME` ("Test") differ; the simulator
 * takes `SKILLNAME` as the display name and `skillName` as the same with spaces made underscores.
 */
export function webchatProps(
  ctx: PropsContext,
  chat: { name: string; phone: string; skill: string },
): Record<string, unknown> {
  return {
    incomingCallModalVisible: true,
    ENGINETYPE: 'WEBUI',
    CHATID: ctx.callId,
    REASON: 'DEFAULT',
    PHONE: chat.phone,
    CONTID: ctx.contId,
    DIRECTION: 'CHAT',
    callStatusLine1: '',
    callStatusLine2: '',
    isInCall: true,
    PHOTOURL: '',
    CALLID: ctx.callId,
    skillName: chat.skill.replace(/\s+/g, '_'),
    callerIdName: chat.name,
    SKILLNAME: chat.skill,
    answered: false,
  };
}
