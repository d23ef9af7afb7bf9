import type { Call } from '../../core/call';
import type { CallNotificationOptions } from './notifications-api';

const ID_PREFIX = 'softbar-call:';

/** The notification id of a call: fixed per call, so a restarted worker finds the same notification. */
export const notificationId = (callId: string) => `${ID_PREFIX}${callId}`;

/** The call id in one of our notification ids, or undefined for any other notification. */
export function callIdOf(notificationId: string): string | undefined {
  return notificationId.startsWith(ID_PREFIX) ? notificationId.slice(ID_PREFIX.length) : undefined;
}

/** Button order: `buttonClicked` reports the index. */
export const ANSWER_BUTTON = 0;
export const DECLINE_BUTTON = 1;

const TITLES: Record<Call['media'], string> = {
  voice: 'Incoming call',
  video: 'Incoming video call',
  chat: 'Incoming chat',
};

/** The notification for a ringing inbound call; `problem` replaces the queue line after a failed action. */
export function callNotification(call: Call, problem?: string): CallNotificationOptions {
  const number = call.remoteDisplay ?? call.remoteNumber;
  const caller = number || 'Unknown number';
  const context = problem ?? call.queue ?? call.service ?? call.campaign;
  return {
    type: 'basic',
    iconUrl: 'icons/icon-128.png',
    title: TITLES[call.media] ?? TITLES.voice,
    message: call.remoteName ? `${call.remoteName} (${caller})` : caller,
    ...(context !== undefined && { contextMessage: context }),
    buttons: [{ title: 'Answer' }, { title: 'Decline' }],
    requireInteraction: true,
    priority: 2,
    eventTime: call.createdAt,
  };
}
