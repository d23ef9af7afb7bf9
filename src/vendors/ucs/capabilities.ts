import type { StateReason } from '../../core/agent-state';
import { type Capabilities, NO_CAPABILITIES } from '../../core/capabilities';
import type { UcsSettings } from './settings';

/**
 * What the documented methods allow: answer, hang up (declining = hanging up a ringing call), hold
 * (`tribute`) and unhold, mute (a toggle), blind and consultation transfers, the four statuses with the
 * server's AUX reasons, queue suspend/resume, phone pairing, and account codes when asked for. No
 * tones, call data on a live call, or line switching are documented.
 */
export function ucsCapabilities(
  settings: UcsSettings,
  auxReasons: readonly StateReason[] = [],
): Capabilities {
  return {
    ...NO_CAPABILITIES,
    dial: true,
    answer: true,
    reject: true,
    hangup: true,
    hold: true,
    mute: true,
    blindTransfer: true,
    attendedTransfer: true,
    agentStates: ['ready', 'notReady', 'afterCallWork', 'offline'],
    notReadyReasons: auxReasons,
    queues: true,
    pairing: true,
    accountCodes: settings.autoOpenAccountCode,
    vendorScreen: !settings.headless,
  };
}
