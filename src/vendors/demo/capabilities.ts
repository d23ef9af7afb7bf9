import type { Capabilities } from '../../core/capabilities';
import type { DemoSettings } from './settings';

/** The demo PBX supports the whole contract, so every control of the bar can be tried on it. */
export function demoCapabilities(settings: DemoSettings): Capabilities {
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
    agentStates: ['ready', 'notReady', 'afterCallWork', 'offline'],
    notReadyReasons: settings.notReadyReasons.map((reason) => ({ id: reason, label: reason })),
    setCallData: false,
    chat: false,
    video: false,
    switchLine: false,
    vendorScreen: false,
    queues: false,
    pairing: false,
    accountCodes: false,
  };
}
