import type { Call } from '../core/call';
import { DIRECTION_LABELS } from './format';
import type { IconName } from './icons';

/** How the call panel's header names a call. */
export interface CallKind {
  /** "Web chat", "Campaign Spring renewals", "Incoming video call", "Outgoing". */
  readonly label: string;
  /** The icon before the label. */
  readonly icon: IconName;
  /** The label names the call's campaign, so the details under the number need not repeat it. */
  readonly namesCampaign: boolean;
}

/**
 * What the call is, as the agent needs to know before answering: a web chat is typed, not spoken, and a
 * campaign call comes with the campaign's script. Direction is the fallback, as before these existed.
 */
export function callKind(call: Pick<Call, 'media' | 'campaign' | 'direction'>): CallKind {
  const directionIcon: IconName = call.direction === 'inbound' ? 'incoming' : 'outgoing';
  if (call.media === 'chat') return { label: 'Web chat', icon: 'chat', namesCampaign: false };
  if (call.campaign) {
    return {
      label: `Campaign ${call.campaign}`,
      icon: call.media === 'video' ? 'video' : directionIcon,
      namesCampaign: true,
    };
  }
  if (call.media === 'video') {
    return { label: `${DIRECTION_LABELS[call.direction]} video call`, icon: 'video', namesCampaign: false };
  }
  return { label: DIRECTION_LABELS[call.direction], icon: directionIcon, namesCampaign: false };
}
