import type { CallDirection, CallMedia, TransferKind } from '../../core/call';
import type { VendorCallInfo } from '../../core/vendor-events';
import type { CtiData } from './payload';

/** A call as the tracker follows it: what the widget said, merged over the call's life. */
export interface TrackedCall {
  /** The vendor call id the hub knows the call by (the widget's `CALLID`, or a fallback). */
  readonly id: string;
  /** Other ids the widget used for the same call (a `CALLID` learnt after a fallback id). */
  aliases: string[];
  /** Who started the call. */
  direction: CallDirection;
  /** Voice, or chat for webchat. */
  media: CallMedia;
  /** Where the call stands. */
  state: 'ringing' | 'dialing' | 'connected' | 'held';
  /** The other party's number. */
  remoteNumber: string;
  /** The other party's name (`callerIdName`). */
  remoteName?: string;
  /** The skill the call came through. */
  queue?: string;
  /** The campaign of a campaign call. */
  campaign?: string;
  /** Whether the agent's microphone is muted. */
  muted: boolean;
  /** When it was answered (epoch ms). */
  answeredAt?: number;
  /** `primarySession.sessionStartDate`: how a `status` (which carries no call id) is matched to it. */
  sessionStart?: string;
  /** `activeCallProperties`, merged over the call's events. */
  properties: Record<string, unknown>;
  /** The call's CTI data. */
  cti: CtiData;
  /** A transfer the widget reported started. */
  transfer?: { readonly kind: TransferKind; readonly target: string };
}

/** What an event's kind says about a call it starts, when its properties do not say otherwise. */
export interface CallDefaults {
  /** Who started the call. */
  readonly direction: CallDirection;
  /** Voice, or chat for webchat. */
  readonly media: CallMedia;
  /** Where the call stands when it starts. */
  readonly state: TrackedCall['state'];
}

/**
 * The call's `vendorData`: the raw call properties, the CTI data under its own names (`variables`,
 * `ctiVariableNames`, `logDTMF`), and each CTI variable also at the top level unless a call property has
 * the same name, so rules can write `{vendor.variables.CONTID}` or `{vendor.CONTID}`. The widget's own
 * properties win the top level: they are what Tegsoft knows about the call.
 */
export function vendorDataOf(call: TrackedCall): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(call.cti.variables)) {
    if (!Object.hasOwn(call.properties, key) && !CTI_KEYS.includes(key)) data[key] = value;
  }
  return {
    ...data,
    ...call.properties,
    variables: { ...call.cti.variables },
    ctiVariableNames: [...call.cti.ctiVariableNames],
    logDTMF: [...call.cti.logDTMF],
  };
}

const CTI_KEYS = ['variables', 'ctiVariableNames', 'logDTMF'];

/** The call as the hub's model describes it. */
export function callInfo(call: TrackedCall): VendorCallInfo {
  return {
    vendorCallId: call.id,
    direction: call.direction,
    state: call.state,
    remoteNumber: call.remoteNumber,
    remoteName: call.remoteName,
    media: call.media,
    queue: call.queue,
    campaign: call.campaign,
    muted: call.muted,
    answeredAt: call.answeredAt,
    vendorData: vendorDataOf(call),
  };
}

/** Whether `call` answers to `id`. */
export function hasId(call: TrackedCall, id: string): boolean {
  return call.id === id || call.aliases.includes(id);
}
