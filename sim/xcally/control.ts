import { SimControlError } from '../shared/control-error';
import type { CallState } from './model/call';
import type { CallCenter, CallTarget } from './model/call-center';
import { farEndAnswer, type OutboundCallSpec, originate } from './model/outbound-calls';
import { hangupCall, holdCall } from './model/phone';
import {
  abandonCall,
  answerCall,
  type QueueCallSpec,
  queueCall,
  ringAgent,
  ringNoAnswer,
} from './model/queue-calls';
import type { PhonebarRequest, PhonebarServer } from './phonebar/phonebar-server';
import { PHONEBAR_STATUS, statusOf } from './phonebar/status';
import type {
  AgentCtiNotificationPayload,
  AgentCtiPayload,
  CallEventName,
  CustomVariables,
  FieldSet,
  HangupReason,
} from './protocol';
import type { ClientInfo, RealtimeServer } from './realtime/realtime-server';
import type { ReceivedEmit, SentEvent, Traffic } from './realtime/traffic';

export type { CallState } from './model/call';
export type { CallTarget, OutboundRoute } from './model/call-center';
export type { OutboundCallSpec } from './model/outbound-calls';
export type { QueueCallSpec } from './model/queue-calls';
export type { PhonebarRequest } from './phonebar/phonebar-server';
export type { ClientInfo } from './realtime/realtime-server';
export type { EmitSender, ReceivedEmit, SentEvent } from './realtime/traffic';

/** A call as the simulator sees it. */
export interface CallSnapshot {
  /** Asterisk's uniqueid. */
  readonly uniqueid: string;
  /** A queue call or an agent's outbound call. */
  readonly kind: 'queue' | 'outbound';
  /** The queue (queue calls). */
  readonly queue: string | null;
  /** The agent whose phone has it; null while it waits in a queue. */
  readonly peer: string | null;
  /** Where it is. */
  readonly state: CallState;
  /** On hold. */
  readonly held: boolean;
  /** The caller's number (outbound: the number sent to the trunk). */
  readonly callernum: string;
  /** The caller's name. */
  readonly callername: string;
  /** The number dialled. */
  readonly extension: string;
  /** The Phonebar's session id while it is on the agent's phone. */
  readonly sessionId: string | null;
  /** The Phonebar status id while it is on the agent's phone. */
  readonly phonebarStatus: number | null;
  /** Its custom variables. */
  readonly customvariables: CustomVariables;
}

/** Options for waiting. */
export interface WaitOptions {
  /** Give up (rejecting with SimControlError) after this long; default 5000 ms. */
  readonly timeoutMs?: number;
}

/** Drives the simulated xCALLY Shuttle (in process, or over HTTP under `/control/` on the realtime port). */
export interface XcallyControl {
  /** A caller joins a queue and rings an agent (`ringing`) when one is named or free; resolves with the uniqueid. */
  queueCall(spec: QueueCallSpec): Promise<string>;
  /** A call waiting in its queue rings a member of it (`ringing`). */
  ring(uniqueid: string, peer: string): Promise<void>;
  /** The agent answers a ringing queue call on the phone (`up`). */
  answer(target?: CallTarget): Promise<void>;
  /** The agent's phone stops ringing unanswered; the call waits in the queue again (no event). */
  ringNoAnswer(target?: CallTarget): Promise<void>;
  /**
   * Someone hangs up a live call: `by` the caller (default; an unanswered queue call is then abandoned)
   * or the agent on the phone. An answered queue call gives `hangup` with that reason.
   */
  hangup(target?: CallTarget & { readonly by?: HangupReason }): Promise<void>;
  /** The caller of a waiting or ringing queue call gives up (`abandon`, `direction: 'unmanaged'`). */
  abandon(target?: CallTarget): Promise<void>;
  /** The agent dials out (`outbound`), as on the phone; resolves with the uniqueid. */
  outboundCall(spec: OutboundCallSpec): Promise<string>;
  /** The far end of an outbound call answers (ACTIVE on the Phonebar; no event unless `outboundUpHangup`). */
  farEndAnswer(target?: CallTarget): Promise<void>;
  /** Outbound calls placed from now on are answered by their far end after `ms`; null: only on farEndAnswer. */
  setAnswerDelay(ms: number | null): Promise<void>;
  /** Puts an answered call on hold or takes it off (HOLDING on the Phonebar; no event). */
  hold(on: boolean, target?: CallTarget): Promise<void>;
  /** Sets a live call's custom variables (merged, or replacing the old ones); its next events carry them. */
  setCustomVariables(
    uniqueid: string,
    variables: CustomVariables,
    options?: { readonly replace?: boolean },
  ): Promise<void>;
  /** The field set of calls that do not choose their own, from now on. */
  setFieldSet(fieldSet: FieldSet): Promise<void>;
  /** Whether outbound calls also give `up` / `hangup`, from now on. */
  setOutboundUpHangup(on: boolean): Promise<void>;
  /** Pushes `AgentCTI` as an integration service would; resolves with how many clients of the peer got it. */
  agentCti(payload: AgentCtiPayload): Promise<number>;
  /** Pushes `AgentCTINotification` likewise; resolves with how many clients of the peer got it. */
  agentCtiNotification(payload: AgentCtiNotificationPayload): Promise<number>;
  /** The call events sent, oldest first (of one name, if given). */
  sent(filter?: { readonly name?: CallEventName }): Promise<SentEvent[]>;
  /** The emits received (clients' and the control's), oldest first (of one name, if given). */
  received(filter?: { readonly name?: string }): Promise<ReceivedEmit[]>;
  /** Resolves with the first received emit `name` after the first `since` (default 0) received emits. */
  waitForReceived(name: string, options?: WaitOptions & { readonly since?: number }): Promise<ReceivedEmit>;
  /** The connected clients. */
  clients(): Promise<ClientInfo[]>;
  /** Resolves with the connected clients once at least `count` are connected (of `peer`, if given). */
  waitForClients(count: number, options?: WaitOptions & { readonly peer?: string }): Promise<ClientInfo[]>;
  /** The live calls, oldest first. */
  calls(): Promise<CallSnapshot[]>;
  /** The requests the Phonebar got, oldest first. */
  phonebarRequests(): Promise<PhonebarRequest[]>;
  /**
   * Restarts the realtime server: every connection is cut, and after `downMs` (default 0) it listens on
   * the same port again; calls are kept. Resolves once it listens again.
   */
  restart(options?: { readonly downMs?: number }): Promise<void>;
  /** Back to the start: calls gone without events, logs empty, settings as started; clients stay connected. */
  reset(): Promise<void>;
}

/** What the control needs from the simulator. */
export interface ControlDeps {
  /** The call state. */
  readonly center: CallCenter;
  /** The realtime traffic and its log. */
  readonly traffic: Traffic;
  /** The realtime server. */
  readonly realtime: RealtimeServer;
  /** The Phonebar. */
  readonly phonebar: PhonebarServer;
}

const LIVE: readonly CallState[] = ['queued', 'ringing', 'dialing', 'up'];

/** Polls `probe` every 10 ms until it gives something, or rejects after `timeoutMs`. */
async function poll<T>(probe: () => T | undefined, what: string, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new SimControlError(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function delay(ms: number | null | undefined, what: string): void {
  if (ms !== null && ms !== undefined && (!Number.isFinite(ms) || ms < 0)) {
    throw new SimControlError(`${what} must be ≥ 0`);
  }
}

export function createXcallyControl({ center, traffic, realtime, phonebar }: ControlDeps): XcallyControl {
  const find = (target: CallTarget | undefined, states: readonly CallState[], what: string) =>
    center.find(target, states, what);
  const requirePeer = (payload: { readonly peer?: unknown }) => {
    if (typeof payload.peer !== 'string' || payload.peer === '')
      throw new SimControlError('peer is required');
  };

  return {
    queueCall: async (spec) => queueCall(center, spec).uniqueid,
    ring: async (uniqueid, peer) => ringAgent(center, find({ uniqueid }, ['queued'], 'queued'), peer),
    answer: async (target) => answerCall(center, find(target, ['ringing'], 'ringing')),
    ringNoAnswer: async (target) => ringNoAnswer(find(target, ['ringing'], 'ringing')),
    hangup: async (target) => hangupCall(center, find(target, LIVE, 'live'), target?.by ?? 'caller'),
    abandon: async (target) => abandonCall(center, find(target, ['queued', 'ringing'], 'waiting')),
    outboundCall: async (spec) => originate(center, spec).uniqueid,
    farEndAnswer: async (target) => farEndAnswer(center, find(target, ['dialing'], 'dialing')),
    setAnswerDelay: async (ms) => {
      delay(ms, 'the answer delay');
      center.settings.answerDelayMs = ms;
    },
    hold: async (on, target) => holdCall(find(target, ['up'], 'answered'), on),
    setCustomVariables: async (uniqueid, variables, options) =>
      center.setCustomVariables(uniqueid, variables, options?.replace),
    setFieldSet: async (fieldSet) => {
      if (fieldSet !== 'full' && fieldSet !== 'minimal')
        throw new SimControlError('fieldSet is full or minimal');
      center.settings.fieldSet = fieldSet;
    },
    setOutboundUpHangup: async (on) => {
      center.settings.outboundUpHangup = on;
    },
    agentCti: async (payload) => {
      requirePeer(payload);
      return traffic.receive(null, 'AgentCTI', [{ ...payload }]).deliveredTo;
    },
    agentCtiNotification: async (payload) => {
      requirePeer(payload);
      return traffic.receive(null, 'AgentCTINotification', [{ ...payload }]).deliveredTo;
    },
    sent: async (filter) =>
      structuredClone(traffic.sent.filter((sent) => filter?.name === undefined || sent.name === filter.name)),
    received: async (filter) =>
      structuredClone(
        traffic.received.filter((emit) => filter?.name === undefined || emit.name === filter.name),
      ),
    waitForReceived: async (name, options) =>
      structuredClone(
        await poll(
          () => traffic.received.slice(options?.since ?? 0).find((emit) => emit.name === name),
          `a ${name} emit`,
          options?.timeoutMs,
        ),
      ),
    clients: async () => realtime.clients(),
    waitForClients: async (count, options) =>
      poll(
        () => {
          const clients = realtime.clients();
          const counted = clients.filter(
            (client) => options?.peer === undefined || client.peer === options.peer,
          );
          return counted.length >= count ? clients : undefined;
        },
        `${count} client(s)`,
        options?.timeoutMs,
      ),
    calls: async () =>
      [...center.calls.values()].map((call) => {
        const onPhone = call.state === 'ringing' || call.state === 'dialing' || call.state === 'up';
        return {
          uniqueid: call.uniqueid,
          kind: call.kind,
          queue: call.queue,
          peer: call.peer,
          state: call.state,
          held: call.held,
          callernum: call.callernum,
          callername: call.callername,
          extension: call.extension,
          sessionId: call.sessionId,
          phonebarStatus: onPhone ? PHONEBAR_STATUS[statusOf(call)] : null,
          customvariables: { ...call.customvariables },
        };
      }),
    phonebarRequests: async () => structuredClone(phonebar.requests),
    restart: async (options) => {
      delay(options?.downMs, 'downMs');
      const port = realtime.port;
      await realtime.stop();
      await new Promise((resolve) => setTimeout(resolve, options?.downMs ?? 0));
      await realtime.start(port);
    },
    reset: async () => {
      center.reset();
      traffic.clear();
      phonebar.requests.length = 0;
    },
  };
}
