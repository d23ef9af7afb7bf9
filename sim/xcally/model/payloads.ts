import type { XcallyAgent } from '../agents';
import {
  type AbandonEvent,
  type CallEvent,
  type FieldSet,
  type HangupEvent,
  type HangupReason,
  MINIMAL_OMITTED_FIELDS,
  type OutboundEvent,
  type RingingEvent,
  type UpEvent,
} from '../protocol';
import { type Call, seconds } from './call';

/** Drops the fields the call's field set and `omitFields` leave out, and adds its custom variables. */
export function shape<T extends CallEvent>(event: T, call: Call, serverFieldSet: FieldSet): T {
  const omitted = new Set<string>(call.omitFields);
  if ((call.fieldSet ?? serverFieldSet) === 'minimal')
    for (const field of MINIMAL_OMITTED_FIELDS) omitted.add(field);
  const shaped: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(event)) if (!omitted.has(key)) shaped[key] = value;
  if (Object.keys(call.customvariables).length > 0 && !omitted.has('customvariables')) {
    shaped.customvariables = { [call.uniqueid]: { ...call.customvariables } };
  }
  return shaped as T;
}

/** `ringing` of a queue call at `agent`, in the sample's field order. */
export function ringingEvent(call: Call, agent: XcallyAgent): RingingEvent {
  return {
    event: 'ringing',
    queue: call.queue ?? '',
    agentname: agent.agentname,
    agentnum: agent.agentnum,
    peer: agent.peer,
    direction: 'inbound',
    uniqueid: call.uniqueid,
    context: call.context,
    extension: call.extension,
    trunk: call.trunk,
    callernum: call.callernum,
    callername: call.callername,
    ringing: true,
    sipname: agent.sipname,
    channel: call.channel,
  };
}

/** The fields `up` and `hangup` share up to `callername`, for a queue call or an outbound one. */
function connectedHead(call: Call, agent: XcallyAgent) {
  const queue = call.kind === 'queue' ? { queue: call.queue ?? '' } : {};
  return {
    ...queue,
    agentname: agent.agentname,
    agentnum: agent.agentnum,
    peer: agent.peer,
    direction: call.kind === 'queue' ? ('inbound' as const) : ('outbound' as const),
    uniqueid: call.uniqueid,
    context: call.context,
    extension: call.extension,
    trunk: call.trunk,
    callernum: call.callernum,
    // ASSUMPTION: an outbound call's up/hangup carry no callername (the outbound sample has none).
    ...(call.kind === 'queue' ? { callername: call.callername } : {}),
  };
}

/** What `holdtime` means: queue wait for a queue call; nothing for an outbound call. */
function holdtime(call: Call): string {
  return call.kind === 'queue' ? seconds(call.queuedAt, call.answeredAt) : '0';
}

/** `up`, in the sample's field order. */
export function upEvent(call: Call, agent: XcallyAgent): UpEvent {
  return {
    event: 'up',
    ...connectedHead(call, agent),
    holdtime: holdtime(call),
    ringtime: seconds(call.ringingAt, call.answeredAt),
    up: true,
    sipname: agent.sipname,
    channel: call.channel,
  };
}

/** `hangup`, in the sample's field order. */
export function hangupEvent(call: Call, agent: XcallyAgent, reason: HangupReason): HangupEvent {
  return {
    event: 'hangup',
    ...connectedHead(call, agent),
    holdtime: holdtime(call),
    ringtime: seconds(call.ringingAt, call.answeredAt),
    talktime: seconds(call.answeredAt, call.endedAt),
    reason,
    hangup: true,
    sipname: agent.sipname,
    channel: call.channel,
  };
}

/** `abandon`, in the sample's field order. */
export function abandonEvent(call: Call): AbandonEvent {
  return {
    event: 'abandon',
    queue: call.queue ?? '',
    direction: 'unmanaged',
    uniqueid: call.uniqueid,
    callernum: call.callernum,
    callername: call.callername,
    channel: call.channel,
    holdtime: seconds(call.queuedAt, call.endedAt),
    unmanaged: true,
  };
}

/** `outbound`, in the sample's field order. */
export function outboundEvent(call: Call, agent: XcallyAgent): OutboundEvent {
  return {
    event: 'outbound',
    integrationid: call.route?.integrationid ?? '-1',
    routeid: call.route?.routeid ?? '1',
    agentname: agent.agentname,
    agentnum: call.route?.callerId ?? agent.agentnum,
    direction: 'outbound',
    uniqueid: call.uniqueid,
    context: call.context,
    extension: call.extension,
    trunk: call.trunk,
    callernum: call.callernum,
    channel: call.channel,
    peer: agent.peer,
    outbound: true,
    sipname: agent.sipname,
  };
}
