import { SimControlError } from '../../shared/control-error';
import type { XcallyAgent } from '../agents';
import type { CustomVariables, FieldSet } from '../protocol';
import type { Call } from './call';
import type { CallCenter } from './call-center';
import { abandonEvent, ringingEvent, upEvent } from './payloads';

/** A caller joining a queue. */
export interface QueueCallSpec {
  /** The queue. */
  readonly queue: string;
  /** The caller's number. */
  readonly callernum: string;
  /** The caller's name; default empty (ASSUMPTION: what Asterisk has when the caller sends none). */
  readonly callername?: string;
  /**
   * The agent it rings. Default: the first member of the queue with nothing on the phone, or, when every
   * member is busy, none; null: none. A call that rings nobody waits in the queue.
   */
  readonly peer?: string | null;
  /** Pretend the caller has waited this many seconds already (feeds `holdtime`); default 0. */
  readonly holdSeconds?: number;
  /** The number the caller dialled; default `6000` (the samples'). */
  readonly extension?: string;
  /** The SIP peer the call comes in on: `trunk` and `channel` are `SIP/<trunk>-<seq>`; default `telephone`. */
  readonly trunk?: string;
  /** The dialplan context; default `from-sip`. */
  readonly context?: string;
  /** This call's field set; default the server's. */
  readonly fieldSet?: FieldSet;
  /** Fields this call's events leave out. */
  readonly omitFields?: readonly string[];
  /** The call's custom variables. */
  readonly customvariables?: CustomVariables;
}

/** A member of the queue with nothing on the phone, in configured order. */
function freeMember(center: CallCenter, queue: string): string | null {
  const agent = center.agents.find(
    (candidate) => candidate.queues.includes(queue) && center.onPhone(candidate.peer).length === 0,
  );
  return agent?.peer ?? null;
}

/**
 * The agent `peer`, who must be a member of `queue`.
 * ASSUMPTION: a queue only rings its members; a control call that says otherwise is a test's mistake.
 */
function member(center: CallCenter, peer: string, queue: string): XcallyAgent {
  const agent = center.agent(peer);
  if (!agent.queues.includes(queue)) throw new SimControlError(`${peer} is not a member of queue ${queue}`);
  return agent;
}

/** A caller joins a queue and, when an agent is chosen or free, rings that agent (`ringing`). */
export function queueCall(center: CallCenter, spec: QueueCallSpec): Call {
  if (spec.queue === '' || spec.callernum === '')
    throw new SimControlError('queue and callernum are required');
  const holdSeconds = spec.holdSeconds ?? 0;
  if (!Number.isFinite(holdSeconds) || holdSeconds < 0) throw new SimControlError('holdSeconds must be ≥ 0');
  const now = center.now();
  const ids = center.ids.call(now);
  const line = `SIP/${spec.trunk ?? 'telephone'}-${ids.channelSuffix}`;
  const call: Call = {
    uniqueid: ids.uniqueid,
    kind: 'queue',
    queue: spec.queue,
    peer: null,
    callernum: spec.callernum,
    callername: spec.callername ?? '',
    extension: spec.extension ?? '6000',
    context: spec.context ?? 'from-sip',
    // The hangup sample (the one the wiki did not garble) has the caller's channel as both trunk and channel.
    trunk: line,
    channel: line,
    route: null,
    state: 'queued',
    held: false,
    sessionId: null,
    queuedAt: now - holdSeconds * 1000,
    ringingAt: null,
    answeredAt: null,
    endedAt: null,
    fieldSet: spec.fieldSet ?? null,
    omitFields: [...(spec.omitFields ?? [])],
    customvariables: { ...spec.customvariables },
    answerTimer: null,
  };
  const peer = spec.peer === undefined ? freeMember(center, spec.queue) : spec.peer;
  if (peer !== null) member(center, peer, spec.queue);
  center.add(call);
  // ASSUMPTION: joining a queue emits nothing; the document's first event of a queue call is `ringing`.
  if (peer !== null) ringAgent(center, call, peer);
  return call;
}

/** A waiting queue call rings an agent who is a member of its queue (`ringing`). */
export function ringAgent(center: CallCenter, call: Call, peer: string): void {
  if (call.state !== 'queued')
    throw new SimControlError(`call ${call.uniqueid} is ${call.state}, not queued`);
  const agent = member(center, peer, call.queue ?? '');
  call.state = 'ringing';
  call.peer = peer;
  call.ringingAt = center.now();
  call.sessionId = center.ids.session();
  center.emit(ringingEvent(call, agent), call);
}

/** The agent answers a ringing queue call, on the phone or through the Phonebar (`up`). */
export function answerCall(center: CallCenter, call: Call): void {
  if (call.state !== 'ringing' || call.peer === null) {
    throw new SimControlError(`call ${call.uniqueid} is ${call.state}, not ringing`);
  }
  call.state = 'up';
  call.answeredAt = center.now();
  center.emit(upEvent(call, center.agent(call.peer)), call);
}

/**
 * The agent's phone stops ringing without an answer (rejected, or rang out): the call waits in the
 * queue again. ASSUMPTION: xcally-realtime emits nothing for it (the document has no such event).
 */
export function ringNoAnswer(call: Call): void {
  if (call.state !== 'ringing')
    throw new SimControlError(`call ${call.uniqueid} is ${call.state}, not ringing`);
  call.state = 'queued';
  call.peer = null;
  call.ringingAt = null;
  call.sessionId = null;
}

/**
 * The caller hangs up before any agent answered (`abandon`). ASSUMPTION: a call that was ringing an
 * agent gets `abandon` only (no `hangup`: Asterisk's AgentComplete needs a connected agent); its
 * uniqueid is the one the `ringing` had.
 */
export function abandonCall(center: CallCenter, call: Call): void {
  if (call.kind !== 'queue' || (call.state !== 'queued' && call.state !== 'ringing')) {
    throw new SimControlError(`call ${call.uniqueid} is not waiting in a queue`);
  }
  center.end(call);
  center.emit(abandonEvent(call), call);
}
