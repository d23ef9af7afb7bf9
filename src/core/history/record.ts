import type { Call } from '../call';
import type { CallLogSettings } from '../config/types';
import type { WrapUpItem } from '../hub-state';
import type { CallLogRecord } from './types';

/** Which session a call belonged to. */
export interface CallLogSession {
  /** The profile active when the call ended. */
  readonly profileId: string;
  /** That profile's vendor. */
  readonly vendorId: string;
}

/**
 * The first history record of an ended call: `pending` until the agent writes notes, or `saved` at once
 * when the configuration does not prompt (no settings yet counts as prompting, so nothing is lost).
 * Leaves out the DTMF digits: agents key card numbers and PINs into IVRs.
 */
export function toCallLogRecord(
  call: Call,
  session: CallLogSession,
  settings: CallLogSettings | undefined,
): CallLogRecord {
  const endedAt = call.endedAt ?? call.answeredAt ?? call.createdAt;
  const prompt = settings?.prompt ?? true;
  return {
    callId: call.id,
    vendorCallId: call.vendorCallIds[0] ?? '',
    profileId: session.profileId,
    vendorId: session.vendorId,
    direction: call.direction,
    media: call.media,
    remoteNumber: call.remoteNumber,
    remoteE164: call.remoteE164,
    remoteDisplay: call.remoteDisplay,
    remoteName: call.remoteName,
    queue: call.queue,
    service: call.service,
    campaign: call.campaign,
    createdAt: call.createdAt,
    answeredAt: call.answeredAt,
    endedAt,
    durationSec:
      call.answeredAt === undefined ? 0 : Math.max(0, Math.round((endedAt - call.answeredAt) / 1000)),
    endReason: call.endReason,
    notes: '',
    status: prompt ? 'pending' : 'saved',
    // Saved without the agent: the log was final when the call ended.
    savedAt: prompt ? undefined : endedAt,
    vendorData: call.vendorData,
  };
}

/**
 * The bar's reminder for a log that still waits for notes (pending or deferred): the few fields the bar
 * and the popup show of it. Shared by the worker's wrap-up list and the options page's history.
 */
export function toWrapUpItem(record: CallLogRecord): WrapUpItem {
  return {
    callId: record.callId,
    direction: record.direction,
    remoteNumber: record.remoteNumber,
    remoteDisplay: record.remoteDisplay,
    remoteName: record.remoteName,
    endedAt: record.endedAt,
    deferred: record.status === 'deferred',
  };
}
