import * as v from 'valibot';
import { defaultCallLog } from './defaults';
import { plainObject } from './schema-parts';
import type { CallLogSettings, ConfigIssue } from './types';
import { unknownFields } from './unknown-fields';
import { runSchema, worded } from './valibot-issues';
import { WEBHOOK_FIELDS, webhookSchema } from './webhook-schema';
import { isPlainObject, quote } from './wording';

/** Fields of `callLog`. */
export const CALL_LOG_FIELDS = ['prompt', 'dispositions', 'webhook'] as const;

const dispositionsSchema = v.pipe(
  v.array(
    v.pipe(
      v.string(),
      v.trim(),
      v.check(
        (text) => text !== '',
        worded('is empty; write a disposition such as "Callback requested", or remove it'),
      ),
    ),
  ),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    // The agent picks one by its text: two equal ones would be one choice shown twice.
    const firstUse = new Map<string, number>();
    dataset.value.forEach((disposition, index) => {
      const first = firstUse.get(disposition);
      if (first === undefined) firstUse.set(disposition, index);
      else {
        addIssue({
          message: worded(
            `${quote(disposition)} is already callLog.dispositions[${first}]; list each disposition once`,
          ),
          path: [{ type: 'array', origin: 'value', input: dataset.value, key: index, value: disposition }],
        });
      }
    });
  }),
);

const callLogSchema: v.GenericSchema<unknown, CallLogSettings> = v.pipe(
  plainObject('write it as { "prompt": true, "dispositions": ["Sale", "No answer"] }'),
  v.object({
    prompt: v.optional(v.boolean(), true),
    dispositions: v.optional(dispositionsSchema, []),
    webhook: v.optional(webhookSchema),
  }),
);

/**
 * Checks `callLog`: adds what is wrong to `issues` and returns the settings, defaults applied (`prompt`
 * true, no dispositions, no webhook; see `webhookSchema` for the webhook's).
 */
export function checkCallLog(raw: unknown, issues: ConfigIssue[]): CallLogSettings {
  if (raw === undefined) return defaultCallLog();
  if (isPlainObject(raw)) {
    issues.push(...unknownFields(raw, CALL_LOG_FIELDS, ['callLog'], '"callLog" has'));
    if (isPlainObject(raw.webhook))
      issues.push(...unknownFields(raw.webhook, WEBHOOK_FIELDS, ['callLog', 'webhook'], '"webhook" has'));
  }
  const result = runSchema(callLogSchema, raw, ['callLog']);
  if (result.ok) return result.output;
  issues.push(...result.issues);
  return defaultCallLog();
}
