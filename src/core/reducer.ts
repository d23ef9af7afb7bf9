import type { AgentState } from './agent-state';
import type { Call, EndReason } from './call';
import { type AgentDesk, MAX_ACCOUNT_CODE_REQUESTS } from './desk';
import { type HubState, MAX_NOTICES, RECENT_CALLS } from './hub-state';
import { formatForDisplay, formatNational, type Region, toE164 } from './phone/number';
import type { VendorCallInfo, VendorEvent } from './vendor-events';

export interface ReduceContext {
  /** Region used to put remote numbers in E.164. */
  readonly defaultRegion?: Region;
  /** Where odd input is reported; the reducer itself never throws on it. */
  readonly warn: (message: string, event: unknown) => void;
}

type CallEvent = Extract<VendorEvent, { vendorCallId: string }>;

/**
 * Applies one normalized vendor event. Pure: the same state and event give the same result.
 * Events that make no sense (unknown call, impossible transition) are reported through `ctx.warn`
 * and leave the state as it was.
 */
export function reduce(state: HubState, event: VendorEvent, ctx: ReduceContext): HubState {
  switch (event.type) {
    case 'connection':
      if (state.connection.status === event.status && state.connection.message === event.message)
        return state;
      return {
        ...state,
        connection: { status: event.status, message: event.message, since: event.at },
      };
    case 'capabilities':
      return { ...state, capabilities: event.capabilities };
    case 'agentState':
      return { ...state, agent: nextAgent(state.agent, event.state, event.reason, event.at) };
    case 'notice':
      return addNotice(
        state,
        event.level,
        event.title ? `${event.title}: ${event.text}` : event.text,
        event.at,
      );
    case 'desk':
      return { ...state, desk: patchDesk(state.desk, event) };
    case 'accountCodeAsked': {
      const others = state.desk.accountCodes.filter((request) => request.id !== event.request.id);
      const accountCodes = [event.request, ...others].slice(0, MAX_ACCOUNT_CODE_REQUESTS);
      return { ...state, desk: { ...state.desk, accountCodes } };
    }
    case 'accountCodeSettled': {
      const accountCodes = state.desk.accountCodes.filter((request) => request.id !== event.id);
      if (accountCodes.length === state.desk.accountCodes.length) return state;
      return { ...state, desk: { ...state.desk, accountCodes } };
    }
    case 'openPage':
      // Not state: the hub's listeners open it (see Hub.onVendorEvent).
      return state;
    case 'callOffered': {
      if (findLive(state, event.call.vendorCallId)) {
        ctx.warn(`call ${event.call.vendorCallId} offered twice; ignored`, event);
        return state;
      }
      return withoutStaleFrame({ ...state, calls: [...state.calls, newCall(event.call, event.at, ctx)] });
    }
    case 'snapshot':
      return applySnapshot(state, event, ctx);
    case 'callAnswered':
    case 'callHeld':
    case 'callResumed':
    case 'callMuted':
    case 'callDtmf':
    case 'callUpdated':
    case 'transferStarted':
    case 'transferCompleted':
    case 'transferCancelled':
    case 'transferFailed':
    case 'callEnded':
      return reduceCallEvent(state, event, ctx);
    default:
      ctx.warn(`unknown event type ${String((event as { type?: unknown }).type)}; ignored`, event);
      return state;
  }
}

function reduceCallEvent(state: HubState, event: CallEvent, ctx: ReduceContext): HubState {
  const call = findLive(state, event.vendorCallId);
  if (!call) {
    const ended = state.recent.some((c) => c.vendorCallIds.includes(event.vendorCallId));
    ctx.warn(
      `${event.type} for ${ended ? 'an ended' : 'an unknown'} call ${event.vendorCallId}; ignored`,
      event,
    );
    return state;
  }
  if (event.type === 'callEnded') return endCall(state, call, event.reason, event.at);
  const next = updateCall(call, event, ctx);
  if (next === call) return state;
  let result: HubState = { ...state, calls: state.calls.map((c) => (c === call ? next : c)) };
  if (event.type === 'transferFailed') {
    result = addNotice(
      result,
      'error',
      event.message ?? `Transfer to ${call.transfer?.target} failed`,
      event.at,
    );
  }
  return result;
}

function updateCall(call: Call, event: Exclude<CallEvent, { type: 'callEnded' }>, ctx: ReduceContext): Call {
  const refuse = (why: string): Call => {
    ctx.warn(`${event.type} ${why} (call ${event.vendorCallId} is ${call.state}); ignored`, event);
    return call;
  };
  switch (event.type) {
    case 'callAnswered':
      if (call.state === 'connected') return call;
      if (call.state === 'held') return { ...call, state: 'connected' };
      return { ...call, state: 'connected', answeredAt: event.at };
    case 'callHeld':
      if (call.state === 'held') return call;
      if (call.state !== 'connected') return refuse('needs a connected call');
      return { ...call, state: 'held' };
    case 'callResumed':
      if (call.state === 'connected') return call;
      if (call.state !== 'held') return refuse('needs a held call');
      return { ...call, state: 'connected' };
    case 'callMuted':
      return call.muted === event.muted ? call : { ...call, muted: event.muted };
    case 'callDtmf':
      if (call.state !== 'connected') return refuse('needs a connected call');
      return { ...call, dtmf: call.dtmf + event.digits };
    case 'callUpdated':
      return {
        ...call,
        remoteName: event.remoteName ?? call.remoteName,
        queue: event.queue ?? call.queue,
        service: event.service ?? call.service,
        campaign: event.campaign ?? call.campaign,
        vendorData: event.vendorData ? { ...call.vendorData, ...event.vendorData } : call.vendorData,
      };
    case 'transferStarted':
      if (call.state !== 'connected' && call.state !== 'held') return refuse('needs an answered call');
      return {
        ...call,
        transfer: {
          kind: event.kind,
          target: event.target,
          phase: event.kind === 'attended' ? 'consulting' : 'requested',
        },
      };
    case 'transferCompleted':
    case 'transferCancelled':
    case 'transferFailed': {
      const transfer = call.transfer;
      if (!transfer || (transfer.phase !== 'consulting' && transfer.phase !== 'requested')) {
        return refuse('without a transfer in progress');
      }
      const phase =
        event.type === 'transferCompleted'
          ? 'completed'
          : event.type === 'transferCancelled'
            ? 'cancelled'
            : 'failed';
      return { ...call, transfer: { ...transfer, phase } };
    }
  }
}

function endCall(state: HubState, call: Call, reason: EndReason, at: number): HubState {
  // An inbound call that stops ringing because the caller gave up was missed, whatever the vendor calls it.
  const neverAnswered = call.answeredAt === undefined;
  const endReason =
    neverAnswered && call.direction === 'inbound' && (reason === 'remoteHangup' || reason === 'hangup')
      ? 'missed'
      : reason;
  const transfer =
    call.transfer && endReason === 'transferred'
      ? { ...call.transfer, phase: 'completed' as const }
      : call.transfer;
  const ended: Call = { ...call, state: 'ended', endedAt: at, endReason, transfer };
  return {
    ...state,
    calls: state.calls.filter((c) => c !== call),
    recent: [ended, ...state.recent].slice(0, RECENT_CALLS),
  };
}

function applySnapshot(
  state: HubState,
  event: Extract<VendorEvent, { type: 'snapshot' }>,
  ctx: ReduceContext,
): HubState {
  let next = state;
  if (event.agentState)
    next = { ...next, agent: nextAgent(next.agent, event.agentState, event.reason, event.at) };
  const seen = new Set<Call>();
  const calls: Call[] = [];
  let offered = false;
  for (const info of event.calls) {
    const existing = findLive(next, info.vendorCallId);
    if (existing) {
      seen.add(existing);
      calls.push(mergeInfo(existing, info, event.at));
    } else {
      offered = true;
      calls.push(newCall(info, event.at, ctx));
    }
  }
  for (const gone of next.calls.filter((c) => !seen.has(c))) {
    next = endCall(next, gone, 'lost', event.at);
  }
  return offered ? withoutStaleFrame({ ...next, calls }) : { ...next, calls };
}

/**
 * Closes a frame tied to a call that is no longer live; called when a new call comes in. Until then the
 * agent may still be reading it during wrap-up, but the next caller must not sit beside the old caller's
 * record. A frame tied to no call stays.
 */
function withoutStaleFrame(state: HubState): HubState {
  const callId = state.frame?.callId;
  if (callId === undefined || state.calls.some((call) => call.id === callId)) return state;
  return { ...state, frame: undefined };
}

function mergeInfo(call: Call, info: VendorCallInfo, at: number): Call {
  const answered = info.state === 'connected' || info.state === 'held';
  return {
    ...call,
    state: info.state,
    remoteName: info.remoteName ?? call.remoteName,
    queue: info.queue ?? call.queue,
    service: info.service ?? call.service,
    campaign: info.campaign ?? call.campaign,
    muted: info.muted ?? call.muted,
    answeredAt: call.answeredAt ?? (answered ? (info.answeredAt ?? at) : undefined),
    vendorData: info.vendorData ? { ...call.vendorData, ...info.vendorData } : call.vendorData,
  };
}

function newCall(info: VendorCallInfo, at: number, ctx: ReduceContext): Call {
  const remoteE164 = toE164(info.remoteNumber, ctx.defaultRegion);
  const answered = info.state === 'connected' || info.state === 'held';
  return {
    id: `${at.toString(36)}-${info.vendorCallId}`,
    vendorCallIds: [info.vendorCallId],
    direction: info.direction,
    media: info.media ?? 'voice',
    state: info.state,
    remoteNumber: info.remoteNumber,
    remoteE164,
    remoteDisplay: remoteE164 ? formatForDisplay(remoteE164) : info.remoteNumber,
    remoteNational: remoteE164 ? formatNational(remoteE164) : undefined,
    remoteName: info.remoteName,
    queue: info.queue,
    service: info.service,
    campaign: info.campaign,
    createdAt: at,
    answeredAt: answered ? (info.answeredAt ?? at) : undefined,
    muted: info.muted ?? false,
    dtmf: '',
    vendorData: info.vendorData ?? {},
  };
}

/** The desk with the parts `event` names replaced (`null` clears a part). */
function patchDesk(desk: AgentDesk, event: Extract<VendorEvent, { type: 'desk' }>): AgentDesk {
  const next: { -readonly [K in keyof AgentDesk]: AgentDesk[K] } = { ...desk };
  if (event.queues !== undefined) next.queues = event.queues;
  if (event.waitingCallers !== undefined) next.waitingCallers = event.waitingCallers ?? undefined;
  if (event.device !== undefined) next.device = event.device ?? undefined;
  if (event.pairing !== undefined) next.pairing = event.pairing ?? undefined;
  return next;
}

function nextAgent(
  current: AgentState,
  kind: AgentState['kind'],
  reason: string | undefined,
  at: number,
): AgentState {
  if (current.kind === kind && current.reason === reason) return current;
  return { kind, reason, since: at };
}

function addNotice(state: HubState, level: 'info' | 'warning' | 'error', text: string, at: number): HubState {
  const notice = { id: `${at.toString(36)}-${state.notices.length}-${text.length}`, level, text, at };
  return { ...state, notices: [...state.notices, notice].slice(-MAX_NOTICES) };
}

export function findLive(state: HubState, vendorCallId: string): Call | undefined {
  return state.calls.find((c) => c.vendorCallIds.includes(vendorCallId));
}

/** Drops one notice (the agent dismissed it). */
export function dismissNotice(state: HubState, noticeId: string): HubState {
  return { ...state, notices: state.notices.filter((n) => n.id !== noticeId) };
}
