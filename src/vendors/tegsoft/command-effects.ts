/** What a command means beyond the actions it posts: what its events will mean, what no event reports. */
import type { VendorCommand } from '../../core/commands';
import type { VendorEvent } from '../../core/vendor-events';
import type { TegsoftAction } from './actions';
import { mergedCti } from './cti';
import { NO_CTI } from './payload';
import type { TegsoftTracker } from './tracker';

/** Tells the tracker what the widget's events after `command` are the outcome of (sent as `actions`). */
export function expectOutcome(
  tracker: TegsoftTracker,
  command: VendorCommand,
  actions: readonly TegsoftAction[],
): void {
  switch (command.type) {
    case 'dial':
      tracker.expectDial(actions[0]?.data?.numberToDial as string, command.callData);
      return;
    case 'reject':
      tracker.expectEnd(command.vendorCallId, 'rejected');
      return;
    case 'hangup': {
      // Hanging up a call that rings for the agent is declining it.
      const call = tracker.call(command.vendorCallId);
      const declines = call?.state === 'ringing' && call.direction === 'inbound';
      tracker.expectEnd(command.vendorCallId, declines ? 'rejected' : 'hangup');
      return;
    }
    case 'blindTransfer':
    case 'attendedTransfer':
      tracker.expectTransfer(
        command.vendorCallId,
        command.type === 'blindTransfer' ? 'blind' : 'attended',
        actions[0]?.data?.extension as string,
      );
      return;
  }
}

/** What the adapter does itself after `command`, because the widget reports none of it. */
export interface Unreported {
  /** Events to emit as if the widget had sent them. */
  readonly events: readonly VendorEvent[];
  /** The tracker's picture changed: save it. */
  readonly save: boolean;
  /** Ask the widget for its status. */
  readonly queryStatus: boolean;
}

/** What no widget event reports after `command` (applied to the tracker here). */
export function unreported(tracker: TegsoftTracker, command: VendorCommand, at: number): Unreported {
  const none: Unreported = { events: [], save: false, queryStatus: false };
  switch (command.type) {
    // No event reports tones: the bar records them as sent.
    case 'dtmf':
      return {
        ...none,
        events: [{ type: 'callDtmf', at, vendorCallId: command.vendorCallId, digits: command.digits }],
      };
    // No event answers setCtiData or removeCtiData: the call shows the data as set.
    case 'setCallData': {
      const cti = mergedCti(tracker.call(command.vendorCallId)?.cti, command.variables);
      return { ...none, events: tracker.setCti(command.vendorCallId, cti), save: true };
    }
    case 'clearCallData':
      return { ...none, events: tracker.setCti(command.vendorCallId, NO_CTI), save: true };
    // The document lists no logout event: the status says where the agent is now.
    case 'setAgentState':
      return { ...none, queryStatus: command.state === 'offline' };
    default:
      return none;
  }
}
