/**
 * A bar command → the documented methods that carry it out, in order, each with the callback that
 * confirms it. Pure: what the adapter knows (the consultation leg, mute state, reasons) comes in as
 * `PlanContext`. Throws an Error for the agent when the command's values cannot be sent.
 */
import type { StateReason } from '../../core/agent-state';
import type { VendorCommand } from '../../core/commands';
import { dialableWithoutExtension } from '../shared/dialable';
import { isObject } from '../shared/is-object';
import type { UcsMethod } from './methods';
import type { UcsSettings } from './settings';

/** One method call and how the adapter knows it worked. */
export interface MethodStep {
  /** The documented method. */
  readonly method: UcsMethod;
  /** Its arguments (trailing optional ones left out). */
  readonly args: readonly unknown[];
  /** True for the callback that confirms it; absent: UCS documents none (a short wait for a warning). */
  readonly confirmedBy?: (callback: string, args: readonly unknown[]) => boolean;
}

/** What the plan needs to know besides the command. */
export interface PlanContext {
  /** The profile's settings (dial queue and line). */
  readonly settings: Pick<UcsSettings, 'dialQueue' | 'dialLine'>;
  /** The AUX reasons the server offers (empty: any reason text is sent as given). */
  readonly auxReasons: readonly StateReason[];
  /** Whether the agent's microphone is off on call `vendorCallId`. */
  readonly muted: (vendorCallId: string) => boolean;
  /** The consultation leg of call `vendorCallId`, if one is up. */
  readonly consultLeg: (vendorCallId: string) => string | undefined;
  /** The name this bundle gives hold: `tribute` (the English document) or `hold` (the Czech one). */
  readonly holdMethod: 'tribute' | 'hold';
}

const uniqueidOf = (args: readonly unknown[]): string | undefined => {
  const call = args[0];
  return isObject(call) && typeof call.uniqueid === 'string' ? call.uniqueid : undefined;
};

/** Confirmed by `callback` for the call `vendorCallId`. */
const forCall =
  (callback: string, vendorCallId: string) =>
  (name: string, args: readonly unknown[]): boolean =>
    name === callback && uniqueidOf(args) === vendorCallId;

const step = (method: UcsMethod, args: readonly unknown[], confirmedBy?: MethodStep['confirmedBy']) => ({
  method,
  args,
  ...(confirmedBy ? { confirmedBy } : {}),
});

const STATUS_OF = { ready: 'READY', notReady: 'AUX', afterCallWork: 'ACW', offline: 'OFFLINE' } as const;

/** The steps for `command` (empty when there is nothing to do, e.g. muting a muted call). */
export function planFor(command: VendorCommand, context: PlanContext): MethodStep[] {
  switch (command.type) {
    case 'dial':
      return [dialStep(command.number, command.queueId, command.callData, context)];
    case 'answer':
      return [step('answer', [], forCall('onCallConnect', command.vendorCallId))];
    // UCS has no reject: hanging up the ringing call declines it (cause 5, rejected).
    case 'reject':
    case 'hangup':
      return [step('hangup', [], forCall('onCallHangup', command.vendorCallId))];
    case 'hold':
      return [step(context.holdMethod, [], forCall('onCallHold', command.vendorCallId))];
    case 'resume':
      return [step('unhold', [], forCall('onCallResume', command.vendorCallId))];
    // `mute` toggles: it is sent only when the microphone is not already as asked.
    case 'mute':
      return context.muted(command.vendorCallId)
        ? []
        : [step('mute', [], forCall('onCallMute', command.vendorCallId))];
    case 'unmute':
      return context.muted(command.vendorCallId)
        ? [step('mute', [], forCall('onCallUnmute', command.vendorCallId))]
        : [];
    case 'blindTransfer':
      return [step('blindTransfer', [target(command.target)], forCall('onCallHangup', command.vendorCallId))];
    // The document: the call goes on hold, then the consultation call is made to the number. Done when
    // that call appears, so a cancel or finish right after it has a leg to act on.
    case 'attendedTransfer': {
      const leg = (name: string, args: readonly unknown[]) =>
        (name === 'onCallNew' || name === 'onCallRinging') &&
        isObject(args[0]) &&
        args[0].direction === 'OUTGOING' &&
        args[0].uniqueid !== command.vendorCallId;
      return [step('transfer', [target(command.target)], leg)];
    }
    case 'completeTransfer':
      return [step('finishTransfer', [], forCall('onCallHangup', command.vendorCallId))];
    // No documented cancel: hang up the consultation, then take the caller off hold.
    case 'cancelTransfer': {
      const leg = context.consultLeg(command.vendorCallId);
      return [
        ...(leg ? [step('hangup', [], forCall('onCallHangup', leg))] : []),
        step('unhold', [], forCall('onCallResume', command.vendorCallId)),
      ];
    }
    case 'setAgentState': {
      const status = STATUS_OF[command.state];
      if (command.state !== 'notReady' && command.reason !== undefined)
        throw new Error('Only "Not ready" (AUX) takes a reason.');
      const reason = command.state === 'notReady' ? auxReason(command.reason, context.auxReasons) : undefined;
      const confirmed = (name: string, args: readonly unknown[]) =>
        name === 'onStateChange' && isObject(args[0]) && args[0].status === status;
      return [step('changeStatus', reason === undefined ? [status] : [status, reason], confirmed)];
    }
    case 'setQueueActive': {
      const queue = Number(command.queueId);
      if (!Number.isInteger(queue)) throw new Error(`"${command.queueId}" is not a UCS queue ID.`);
      const callback = command.active ? 'onAgentResume' : 'onAgentSuspend';
      return [
        step(
          command.active ? 'resume' : 'suspend',
          [queue],
          (name, args) => name === callback && Number(args[0]) === queue,
        ),
      ];
    }
    case 'pairPhone':
      return [
        step(
          'selectIdentifier',
          [command.identifier],
          (name) => name === 'onDevice' || name === 'onIdentifier',
        ),
      ];
    case 'confirmPhone':
      return [step('provision', [], (name) => name === 'onReady')];
    case 'changePhone':
      return [step('identify', [], (name) => name === 'onIdentify')];
    // The document names no callback for it: a refusal comes as a warning.
    case 'setAccountCode':
      return [step('setAccountCode', [command.requestId, command.code, null, false])];
    default:
      throw new Error(`UCS has no method for ${command.type}.`);
  }
}

function dialStep(
  input: string,
  queueId: string | undefined,
  callData: Readonly<Record<string, string>> | undefined,
  context: PlanContext,
): MethodStep {
  const number = dialableWithoutExtension(
    input,
    (base) => `UCS cannot dial an extension: dial ${base}, then ask for the extension.`,
  );
  let queue: number | string | undefined = context.settings.dialQueue;
  if (queueId !== undefined) {
    queue = Number(queueId);
    if (!Number.isInteger(queue)) throw new Error(`"${queueId}" is not a UCS queue ID.`);
  }
  const data = callData && Object.keys(callData).length > 0 ? { ...callData } : undefined;
  const line = context.settings.dialLine;
  // Positional arguments: a later one given needs the earlier ones, "undefined" leaving the queue to UCS.
  const args: unknown[] = [number, queue, line, data];
  while (args.length > 1 && args.at(-1) === undefined) args.pop();
  if (args.length > 2 && args[1] === undefined) args[1] = 'undefined';
  const confirmed = (name: string, args: readonly unknown[]) =>
    (name === 'onCallNew' || name === 'onCallRinging') &&
    isObject(args[0]) &&
    args[0].direction === 'OUTGOING';
  return step('dial', args, confirmed);
}

function target(input: string): string {
  return dialableWithoutExtension(
    input,
    (base) => `UCS transfers to a number or extension, not to an extension of a number: use ${base}.`,
  );
}

function auxReason(reason: string | undefined, reasons: readonly StateReason[]): string | undefined {
  if (reason === undefined || reasons.length === 0) return reason;
  const found = reasons.find((each) => each.id === reason || each.label === reason);
  if (!found)
    throw new Error(
      `"${reason}" is not an AUX reason of this UCS server; choose one of ${reasons.map((each) => `"${each.label}"`).join(', ')}.`,
    );
  return found.id;
}
