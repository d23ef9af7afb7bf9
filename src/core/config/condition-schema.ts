import * as v from 'valibot';
import { regExpError } from '../rules/conditions';
import { CALL_FIELDS, isCallField } from '../rules/fields';
import type { PathSegment } from './paths';
import { objectWith, plainObject } from './schema-parts';
import type { ConfigIssue } from './types';
import { unknownFields } from './unknown-fields';
import { worded } from './valibot-issues';
import { didYouMean, isPlainObject, quote } from './wording';

/** Fields of one rule condition. */
export const CONDITION_FIELDS = ['field', 'equals', 'matches'] as const;

const FIELD_NAMES = Object.keys(CALL_FIELDS);
const CONDITION_EXAMPLE = '{ "field": "direction", "equals": "inbound" }';

/** A call field a rule may test or a template may use: `direction`, `vendor.customerType`. */
const callFieldSchema = v.pipe(
  v.string(),
  v.check(
    isCallField,
    worded((issue) => {
      const name = String(issue.input);
      return `${quote(name)} is not a call field${didYouMean(name, FIELD_NAMES)}; use one of ${FIELD_NAMES.join(', ')}, or "vendor.FIELD" for a field the vendor sends`;
    }),
  ),
);

/** `/^\+44/i`: written as a JavaScript literal, which would only match the slashes themselves. */
const SLASHED = /^\/(.+)\/[a-z]*$/s;

/** A regular expression in JavaScript syntax, without slashes, that compiles with the `u` flag. */
const regExpSchema = v.pipe(
  v.string(),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const source = dataset.value;
    const slashed = SLASHED.exec(source);
    if (slashed) {
      addIssue({
        message: worded(
          `${quote(source)} is written with slashes, which would have to be in the text; write the expression alone: ${quote(slashed[1])} (flags are not supported)`,
        ),
      });
      return;
    }
    const error = regExpError(source);
    if (error !== undefined) {
      addIssue({
        message: worded(
          `${quote(source)} is not a regular expression (${error}); correct it (JavaScript syntax, without slashes), or use "equals" to compare the text exactly`,
        ),
      });
    }
  }),
);

const conditionSchema = v.pipe(
  plainObject(`write a condition such as ${CONDITION_EXAMPLE}`),
  objectWith(
    { field: callFieldSchema, equals: v.optional(v.string()), matches: v.optional(regExpSchema) },
    { field: 'add the call field to test, e.g. "field": "direction"' },
  ),
  v.check(
    (condition) => condition.equals !== undefined || condition.matches !== undefined,
    worded(
      'has neither "equals" nor "matches"; add the test, e.g. "equals": "inbound" or "matches": "^(Gold|Platinum)$"',
    ),
  ),
);

/** A rule's `conditions`: all must hold; none (the default) = every call. */
export const conditionsSchema = v.optional(v.array(conditionSchema), []);

/** Unknown fields in a rule's conditions (the schema drops them without a word). */
export function conditionIssues(raw: unknown, at: readonly PathSegment[]): ConfigIssue[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((condition: unknown, index) =>
    isPlainObject(condition)
      ? unknownFields(condition, CONDITION_FIELDS, [...at, index], 'a condition has')
      : [],
  );
}
