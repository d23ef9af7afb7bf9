import type { VendorCommand } from '../../core/commands';
import { hasId, type TrackedCall } from './tracked-call';

type CallCommand = Extract<VendorCommand, { vendorCallId: string }>;

/**
 * Why `command` cannot be carried out now, or undefined when it can. The widget's actions name no call:
 * each acts on the call on the agent's active line (answer and reject on the ringing one), so a command
 * for another call would act on the wrong one and is refused instead.
 */
export function commandProblem(command: VendorCommand, calls: readonly TrackedCall[]): string | undefined {
  if (command.type === 'setAgentState' && command.state === 'offline' && calls.length > 0)
    return 'End your calls before logging out of Tegsoft.';
  if (!('vendorCallId' in command)) return undefined;
  const call = calls.find((candidate) => hasId(candidate, command.vendorCallId));
  if (!call) return 'That call has ended on Tegsoft.';
  const live = call.state === 'connected' || call.state === 'held';
  const consulting = call.transfer?.kind === 'attended';
  // Another voice call holds the line: the widget's action would reach that call, not this one.
  const otherActive = calls.some(
    (other) =>
      other !== call && other.media === 'voice' && other.state === 'connected' && call.media === 'voice',
  );
  const activeLine =
    !otherActive || call.state === 'connected'
      ? undefined
      : call.state === 'ringing'
        ? 'Tegsoft would end the call you are on, not this one: answer this call, or let it ring.'
        : 'Tegsoft acts on the call on its active line: resume this call first.';
  switch (command.type as CallCommand['type']) {
    case 'answer':
      return call.state === 'ringing' ? undefined : 'Only a ringing call can be answered.';
    case 'reject':
      return call.state === 'ringing' ? activeLine : 'Only a ringing call can be declined; hang up instead.';
    case 'hangup':
      return activeLine;
    case 'hold':
      return call.state === 'connected' ? undefined : 'Only a connected call can be put on hold.';
    case 'resume':
      if (call.state !== 'held') return 'This call is not on hold.';
      return consulting
        ? 'You are consulting: switch lines to talk to the caller, or complete or cancel the transfer.'
        : undefined;
    case 'mute':
    case 'unmute':
      return live ? activeLine : 'Mute works once the call is answered.';
    case 'dtmf':
      return call.state === 'connected' ? undefined : 'Tones can only be sent on a connected call.';
    case 'blindTransfer':
    case 'attendedTransfer':
      if (!live) return 'Answer the call before transferring it.';
      if (consulting)
        return `Already consulting ${call.transfer?.target}: complete or cancel that transfer first.`;
      return activeLine;
    case 'completeTransfer':
      return consulting ? undefined : 'There is no consultation to complete.';
    case 'cancelTransfer':
      return consulting ? undefined : 'There is no consultation to cancel.';
    case 'switchLine':
      return consulting ? undefined : 'Switching lines works while consulting before a transfer.';
    case 'camera':
      return live ? activeLine : 'The camera works once the call is answered.';
    case 'setCallData':
    case 'clearCallData':
      return activeLine;
  }
}
