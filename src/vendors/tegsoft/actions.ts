import type { VendorCommand } from '../../core/commands';
import { normalizeDialString } from '../../core/phone/number';
import { dialableWithoutExtension } from '../shared/dialable';
import { mergedCti } from './cti';
import type { CtiData } from './payload';

/** Actions of the document's list (section 3.1), plus `queryStatus` (section 3) and the CTI data ones. */
export type TegsoftActionName =
  | 'logout'
  | 'ready'
  | 'notReady'
  | 'dial'
  | 'answer'
  | 'mute'
  | 'unmute'
  | 'hold'
  | 'unhold'
  | 'hangUp'
  | 'sendDTMF'
  | 'blindTransfer'
  | 'attendedTransfer'
  | 'changeActiveLine'
  | 'cancelAttendedTransfer'
  | 'completeAttendedTransfer'
  | 'turnOnCamera'
  | 'turnOfCamera'
  | 'toggleCamera'
  | 'setCtiData'
  | 'removeCtiData'
  | 'getCtiData'
  | 'queryStatus';

/** One message to the widget: `{ type: "action", group: "agent", name, data? }`. */
export interface TegsoftAction {
  /** Always "action". */
  readonly type: 'action';
  /** Every action Softbar sends is an agent action. */
  readonly group: 'agent';
  /** The action's name, spelt as the document spells it (`turnOfCamera` included). */
  readonly name: TegsoftActionName;
  /** The action's data, for the actions that take some. */
  readonly data?: Readonly<Record<string, unknown>>;
}

/** An action, with data only when given (the document's samples omit `data` otherwise). */
export function action(name: TegsoftActionName, data?: Readonly<Record<string, unknown>>): TegsoftAction {
  return data === undefined
    ? { type: 'action', group: 'agent', name }
    : { type: 'action', group: 'agent', name, data };
}

/** What turning a command into actions needs to know besides the command. */
export interface ActionContext {
  /** The call's current CTI data (`setCallData` merges into it). */
  readonly cti?: CtiData;
  /** The reason codes the profile offers with "Not ready". */
  readonly notReadyReasons: readonly string[];
}

/**
 * The actions that carry out `command`, in order. Throws an Error for the agent when the command's
 * values cannot be sent (a number that is not one, an unknown reason). Whether the call is in a state
 * that allows it is for the adapter to check: it knows the calls.
 */
export function actionsFor(command: VendorCommand, context: ActionContext): TegsoftAction[] {
  switch (command.type) {
    case 'dial': {
      const number = dialable(command.number);
      return [
        action(
          'dial',
          command.callData && Object.keys(command.callData).length > 0
            ? { numberToDial: number, ctiData: { variables: { ...command.callData } } }
            : { numberToDial: number },
        ),
      ];
    }
    case 'answer':
      return [action('answer')];
    // The widget has no reject action: hanging up a ringing call is how its own screen declines one.
    case 'reject':
    case 'hangup':
      return [action('hangUp')];
    case 'hold':
      return [action('hold')];
    case 'resume':
      return [action('unhold')];
    case 'mute':
      return [action('mute')];
    case 'unmute':
      return [action('unmute')];
    // The document's sample sends one digit ("dtmf": "2"): a string of tones goes as one action per digit.
    case 'dtmf':
      if (!/^[0-9*#]{1,32}$/.test(command.digits))
        throw new Error(`"${command.digits}" are not tones: use the digits 0-9, * and #.`);
      return [...command.digits].map((digit) => action('sendDTMF', { dtmf: digit }));
    case 'blindTransfer':
      return [action('blindTransfer', { extension: transferTarget(command.target) })];
    case 'attendedTransfer':
      return [action('attendedTransfer', { extension: transferTarget(command.target) })];
    case 'completeTransfer':
      return [action('completeAttendedTransfer')];
    case 'cancelTransfer':
      return [action('cancelAttendedTransfer')];
    case 'switchLine':
      return [action('changeActiveLine')];
    case 'camera':
      return [
        action(
          command.action === 'on'
            ? 'turnOnCamera'
            : command.action === 'off'
              ? 'turnOfCamera'
              : 'toggleCamera',
        ),
      ];
    case 'setCallData':
      return [action('setCtiData', { ctiData: mergedCti(context.cti, command.variables) })];
    case 'clearCallData':
      return [action('removeCtiData')];
    case 'setAgentState':
      return [agentStateAction(command.state, command.reason, context.notReadyReasons)];
    // The widget documents no queues, phone pairing or account codes (its capabilities say so).
    default:
      throw new Error(`The Tegsoft widget has no action for ${command.type}.`);
  }
}

function agentStateAction(
  state: Extract<VendorCommand, { type: 'setAgentState' }>['state'],
  reason: string | undefined,
  reasons: readonly string[],
): TegsoftAction {
  if (state !== 'notReady' && reason !== undefined) throw new Error('Only "Not ready" takes a reason.');
  switch (state) {
    case 'ready':
      return action('ready');
    case 'offline':
      return action('logout');
    case 'notReady':
      if (reason === undefined) return action('notReady');
      if (!reasons.includes(reason))
        throw new Error(
          `"${reason}" is not a not-ready reason of this profile; use one of: ${reasons.join(', ')}.`,
        );
      return action('notReady', { reason });
    case 'afterCallWork':
      throw new Error('Tegsoft starts after-call work by itself; it cannot be chosen.');
  }
}

function dialable(input: string): string {
  return dialableWithoutExtension(
    input,
    (base) => `Tegsoft dials numbers without extensions: dial ${base}, then send the extension as tones.`,
  );
}

function transferTarget(input: string): string {
  const target = normalizeDialString(input);
  if (!target || target.includes(';ext='))
    throw new Error(`"${input}" is not an extension or number to transfer to.`);
  return target;
}
