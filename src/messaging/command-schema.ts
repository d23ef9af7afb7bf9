import * as v from 'valibot';
import type { Command } from '../core/commands';

// Commands arrive from content scripts running on arbitrary pages: their shape is checked, never trusted.
const callId = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
const target = v.pipe(v.string(), v.trim(), v.minLength(1, 'give a number or extension'), v.maxLength(64));
const shortId = v.pipe(v.string(), v.minLength(1), v.maxLength(100));
const onCall = <T extends string>(type: T) => v.strictObject({ type: v.literal(type), callId });
// Call variables: a few short text values keyed by simple names (they end up in vendor CTI data).
const variables = v.pipe(
  v.record(
    v.pipe(v.string(), v.regex(/^[\w.-]{1,64}$/, 'use letters, digits, "_", "-" or "." in variable names')),
    v.pipe(v.string(), v.maxLength(1000)),
  ),
  v.check((record) => Object.keys(record).length <= 50, 'at most 50 variables'),
);

export const commandSchema = v.variant('type', [
  v.strictObject({
    type: v.literal('dial'),
    number: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(64)),
    callData: v.optional(variables),
    queueId: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(64))),
  }),
  onCall('answer'),
  onCall('reject'),
  onCall('hangup'),
  onCall('hold'),
  onCall('resume'),
  onCall('mute'),
  onCall('unmute'),
  v.strictObject({ type: v.literal('dtmf'), callId, digits: v.pipe(v.string(), v.regex(/^[0-9*#]{1,32}$/)) }),
  v.strictObject({ type: v.literal('blindTransfer'), callId, target }),
  v.strictObject({ type: v.literal('attendedTransfer'), callId, target }),
  onCall('completeTransfer'),
  onCall('cancelTransfer'),
  v.strictObject({
    type: v.literal('setAgentState'),
    state: v.picklist(['offline', 'ready', 'notReady', 'afterCallWork']),
    reason: v.optional(v.pipe(v.string(), v.maxLength(100))),
  }),
  v.strictObject({ type: v.literal('setCallData'), callId, variables }),
  onCall('clearCallData'),
  onCall('switchLine'),
  v.strictObject({ type: v.literal('camera'), callId, action: v.picklist(['on', 'off', 'toggle']) }),
  v.strictObject({ type: v.literal('setQueueActive'), queueId: shortId, active: v.boolean() }),
  v.strictObject({
    type: v.literal('pairPhone'),
    identifier: v.pipe(v.string(), v.trim(), v.minLength(1, 'give the phone identifier'), v.maxLength(100)),
  }),
  v.strictObject({ type: v.literal('confirmPhone') }),
  v.strictObject({ type: v.literal('changePhone') }),
  v.strictObject({ type: v.literal('setAccountCode'), requestId: callId, code: shortId }),
  v.strictObject({ type: v.literal('skipAccountCode'), requestId: callId }),
]);

/** The command, or an Error naming what is wrong with it. */
export function parseCommand(value: unknown): Command | Error {
  const result = v.safeParse(commandSchema, value);
  if (result.success) return result.output as Command;
  const issue = result.issues[0];
  const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
  return new Error(`Invalid command${path ? ` (${path})` : ''}: ${issue.message}`);
}
