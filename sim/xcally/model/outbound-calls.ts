import { SimControlError } from '../../shared/control-error';
import type { CustomVariables, FieldSet } from '../protocol';
import type { Call } from './call';
import type { CallCenter } from './call-center';
import { outboundEvent, upEvent } from './payloads';

/** An agent dialling out. */
export interface OutboundCallSpec {
  /** The agent; default the first one. */
  readonly peer?: string;
  /** The number the agent dials (the event's `extension`). */
  readonly number: string;
  /** The number sent to the trunk (`callernum`); default `number` (a route may rewrite it). */
  readonly callernum?: string;
  /** The `agentnum` the event carries; default the route's caller id, else the agent's number. */
  readonly agentnum?: string;
  /** This call's field set; default the server's. */
  readonly fieldSet?: FieldSet;
  /** Fields this call's events leave out. */
  readonly omitFields?: readonly string[];
  /** The call's custom variables. */
  readonly customvariables?: CustomVariables;
}

/**
 * The agent starts an outbound call (`outbound` at once: "dispatched following the initiation"); its far
 * end answers on `farEndAnswer`, or by itself after the answer delay.
 */
export function originate(center: CallCenter, spec: OutboundCallSpec): Call {
  if (spec.number.trim() === '') throw new SimControlError('number is required');
  const agent = center.agent(spec.peer ?? center.agents[0]!.peer);
  const route = center.settings.outboundRoute;
  const now = center.now();
  const ids = center.ids.call(now);
  const callernum = spec.callernum ?? spec.number;
  const call: Call = {
    uniqueid: ids.uniqueid,
    kind: 'outbound',
    queue: null,
    peer: agent.peer,
    callernum,
    callername: '',
    extension: spec.number,
    context: 'from-sip',
    trunk: `SIP/${callernum}@${route.trunk}`,
    // The outbound sample's channel is the agent's own (`SIP/andrea.bianco-00000062`).
    channel: `${agent.peer}-${ids.channelSuffix}`,
    route: {
      integrationid: route.integrationid,
      routeid: route.routeid,
      callerId: spec.agentnum ?? route.callerId ?? agent.agentnum,
    },
    state: 'dialing',
    held: false,
    sessionId: center.ids.session(),
    queuedAt: now,
    ringingAt: now,
    answeredAt: null,
    endedAt: null,
    fieldSet: spec.fieldSet ?? null,
    omitFields: [...(spec.omitFields ?? [])],
    customvariables: { ...spec.customvariables },
    answerTimer: null,
  };
  center.add(call);
  center.emit(outboundEvent(call, agent), call);
  const delay = center.settings.answerDelayMs;
  if (delay !== null) {
    call.answerTimer = setTimeout(() => {
      call.answerTimer = null;
      if (call.state === 'dialing') farEndAnswer(center, call);
    }, delay);
  }
  return call;
}

/**
 * The far end of an outbound call answers: the Phonebar shows it ACTIVE.
 * ASSUMPTION: xcally-realtime emits nothing for it (the document describes `up` for queue calls only),
 * unless the simulator runs with `outboundUpHangup`, when it emits `up` with `direction: 'outbound'`.
 */
export function farEndAnswer(center: CallCenter, call: Call): void {
  if (call.state !== 'dialing')
    throw new SimControlError(`call ${call.uniqueid} is ${call.state}, not dialing`);
  if (call.answerTimer) clearTimeout(call.answerTimer);
  call.answerTimer = null;
  call.state = 'up';
  call.answeredAt = center.now();
  if (center.settings.outboundUpHangup && call.peer !== null) {
    center.emit(upEvent(call, center.agent(call.peer)), call);
  }
}
