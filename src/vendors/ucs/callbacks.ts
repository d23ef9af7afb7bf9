/**
 * The documented `window.ucsOperator` callbacks → the bar's normalized events. Pure: what the adapter
 * knows (which calls are live) comes in as `isLive`, so a call first seen late still reaches the bar and
 * one announced twice (onCallNew then onCallRinging) is offered once.
 */
import type { NoticeLevel, VendorEvent } from '../../core/vendor-events';
import { agentStateOf } from './agent-status';
import { asCallObject, callIdOf, callInfo, endReasonOf, type UcsCallObject } from './call-info';

/** Whether the bar already has the live call with this vendor id. */
export type IsLiveCall = (vendorCallId: string) => boolean;

const record = (value: unknown): Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};

const textOf = (value: unknown, fallback: string): string =>
  typeof value === 'string' && value.trim() !== '' ? value : fallback;

/** The events for callback `name` fired with `args` at `at` (epoch ms); [] for callbacks the bar ignores. */
export function callbackEvents(
  name: string,
  args: readonly unknown[],
  at: number,
  isLive: IsLiveCall,
): VendorEvent[] {
  const raw = { callback: name, args };
  const first = args[0];
  switch (name) {
    case 'onStateChange': {
      const given = record(first);
      const agent = agentStateOf(given.status, given.reason);
      return agent ? [{ type: 'agentState', ...agent, at, raw }] : [unknownStatus(given.status, at, raw)];
    }
    case 'onCallNew':
    case 'onCallRinging':
    case 'onCallConnect':
    case 'onCallHold':
    case 'onCallResume':
    case 'onCallHangup':
    case 'onCallMute':
    case 'onCallUnmute': {
      const call = asCallObject(first);
      if (!call)
        return [{ type: 'notice', level: 'warning', text: `UCS sent ${name} without a call`, at, raw }];
      return callEvents(name, call, at, isLive, raw);
    }
    case 'onError':
      return [notice('error', textOf(first, 'UCS reported an error'), at, raw)];
    case 'onWarning':
      return [notice('warning', textOf(first, 'UCS reported a warning'), at, raw)];
    case 'onLoginError': {
      const code = typeof first === 'number' ? ` (code ${first})` : '';
      return [
        {
          ...notice('error', `${textOf(args[1], 'the UCS server refused the login')}${code}`, at, raw),
          title: 'UCS login failed',
        },
      ];
    }
    case 'onMessage':
      return [messageNotice(record(first), at, raw)];
    default:
      return [];
  }
}

/** The events of one call callback. */
function callEvents(
  name: string,
  call: UcsCallObject,
  at: number,
  isLive: IsLiveCall,
  raw: unknown,
): VendorEvent[] {
  const vendorCallId = callIdOf(call);
  const known = isLive(vendorCallId);
  switch (name) {
    case 'onCallHangup':
      return known ? [{ type: 'callEnded', vendorCallId, reason: endReasonOf(call), at, raw }] : [];
    case 'onCallNew':
    case 'onCallRinging': {
      // Already offered (onCallNew, then onCallRinging): refresh its fields rather than offer it again.
      if (known) return [{ type: 'callUpdated', vendorCallId, vendorData: { ...call }, at, raw }];
      return [
        { type: 'callOffered', call: callInfo(call, name === 'onCallNew' ? 'dialing' : 'ringing'), at, raw },
      ];
    }
    default: {
      // A call first heard of mid-way (the bar restarted): offer it as it stands, then apply the change.
      const offered: VendorEvent[] = known
        ? []
        : [{ type: 'callOffered', call: callInfo(call, 'connected'), at, raw }];
      return [...offered, ...change(name, vendorCallId, at, raw)];
    }
  }
}

/** The state change a call callback reports. */
function change(name: string, vendorCallId: string, at: number, raw: unknown): VendorEvent[] {
  switch (name) {
    case 'onCallConnect':
      return [{ type: 'callAnswered', vendorCallId, at, raw }];
    case 'onCallHold':
      return [{ type: 'callHeld', vendorCallId, at, raw }];
    case 'onCallResume':
      return [{ type: 'callResumed', vendorCallId, at, raw }];
    case 'onCallMute':
      return [{ type: 'callMuted', vendorCallId, muted: true, at, raw }];
    case 'onCallUnmute':
      return [{ type: 'callMuted', vendorCallId, muted: false, at, raw }];
    default:
      return [];
  }
}

type Notice = Extract<VendorEvent, { type: 'notice' }>;

const notice = (level: NoticeLevel, text: string, at: number, raw: unknown): Notice => ({
  type: 'notice',
  level,
  text,
  at,
  raw,
});

function unknownStatus(status: unknown, at: number, raw: unknown): VendorEvent {
  return notice('warning', `UCS reported an unknown agent status ${JSON.stringify(status)}`, at, raw);
}

const MESSAGE_LEVELS: Record<string, NoticeLevel> = {
  success: 'info',
  info: 'info',
  warning: 'warning',
  error: 'error',
};

/** onMessage is meant for the agent's eyes (e.g. logged out by a queue limit): also a desktop notice. */
function messageNotice(message: Readonly<Record<string, unknown>>, at: number, raw: unknown): VendorEvent {
  const level = (typeof message.type === 'string' && MESSAGE_LEVELS[message.type]) || 'info';
  const title = typeof message.group === 'string' && message.group !== '' ? message.group : undefined;
  return {
    ...notice(level, textOf(message.message, 'UCS sent a message'), at, raw),
    ...(title ? { title } : {}),
    desktop: true,
  };
}
