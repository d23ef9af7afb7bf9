import * as v from 'valibot';
import type { Command } from '../core/commands';

// Commands arrive from content scripts running on arbitrary pages: their shape is checked, never trusted.
const callId = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
const target = v.pipe(v.string(), v.trim(), v.minLength(1, 'give a number or extension'), v.maxLength(64));
const onCall = <T extends string>(type: T) => v.strictObject({ type: v.literal(type), callId });

export const commandSchema = v.variant('type', [
  v.strictObject({
    type: v.literal('dial'),
    number: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(64)),
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
]);

/** The command, or an Error naming what is wrong with it. */
export function parseCommand(value: unknown): Command | Error {
  const result = v.safeParse(commandSchema, value);
  if (result.success) return result.output as Command;
  const issue = result.issues[0];
  const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
  return new Error(`Invalid command${path ? ` (${path})` : ''}: ${issue.message}`);
}
