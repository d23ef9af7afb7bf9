import type { Capabilities } from '../../core/capabilities';
import type { TegsoftSettings } from './settings';

/**
 * What the widget's actions allow (section 3.1). `reject` is the widget's hangUp on a ringing call (it
 * has no reject action); `video` is its camera actions; `chat` its webchat sessions; `switchLine` its
 * changeActiveLine; the agent cannot choose after-call work (Tegsoft starts it by itself).
 */
export function tegsoftCapabilities(settings: Pick<TegsoftSettings, 'notReadyReasons'>): Capabilities {
  return {
    dial: true,
    answer: true,
    reject: true,
    hangup: true,
    hold: true,
    mute: true,
    dtmf: true,
    blindTransfer: true,
    attendedTransfer: true,
    agentStates: ['ready', 'notReady', 'offline'],
    notReadyReasons: settings.notReadyReasons.map((reason) => ({ id: reason, label: reason })),
    setCallData: true,
    chat: true,
    video: true,
    switchLine: true,
    vendorScreen: true,
    queues: false,
    pairing: false,
    accountCodes: false,
  };
}
