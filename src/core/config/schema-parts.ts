import * as v from 'valibot';
import { parseMatchPattern } from './match-pattern';
import { worded } from './valibot-issues';
import { describeValue, didYouMean, isPlainObject, quote, quotedChoices } from './wording';

/** A JSON object (valibot's `object` would also take an array). */
export function plainObject(fix: string) {
  return v.custom<Record<string, unknown>>(
    isPlainObject,
    worded((issue) => `expected an object {...}, got ${describeValue(issue.input)}; ${fix}`),
  );
}

/**
 * `v.object` whose missing fields are reported with the fix written for each one in `missing`. Valibot
 * words a missing key with the message of the object, not of the field, so the field cannot say it.
 * Put a `plainObject` in front of it: this message is then never used for the object itself.
 */
export function objectWith<const TEntries extends v.ObjectEntries>(
  entries: TEntries,
  missing: Partial<Record<keyof TEntries & string, string>>,
) {
  return v.object(
    entries,
    worded((issue) => {
      const key = String(issue.path?.at(-1)?.key);
      const fix = (missing as Record<string, string | undefined>)[key];
      return `is missing; ${fix ?? `add ${JSON.stringify(key)}`}`;
    }),
  );
}

/** Text that is not blank. */
export const nonEmptyText = (example: string) =>
  v.pipe(
    v.string(),
    v.check((text) => text.trim() !== '', worded(`is empty; write it, e.g. ${example}`)),
  );

/** One of a few words (`"ringing"`, `"answered"`, ...); `noun` says what they are: "a call moment". */
export function choiceSchema<const TValues extends readonly [string, ...string[]]>(
  values: TValues,
  noun: string,
) {
  return v.picklist(
    values,
    worded((issue) => {
      const input = issue.input;
      const shown = typeof input === 'string' ? quote(input) : describeValue(input);
      const guess = typeof input === 'string' ? didYouMean(input, values) : '';
      return `${shown} is not ${noun}${guess}; use ${quotedChoices(values)}`;
    }),
  );
}

/** One URL match pattern (`sites.allow`, `sites.block`, an autofill rule's `match`, ...). */
export const matchPatternSchema = v.pipe(
  v.string(),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const parsed = parseMatchPattern(dataset.value);
    if (!parsed.ok) addIssue({ message: worded(parsed.message) });
  }),
);

/**
 * A CSS selector, checked the way the content script will use it (without a DOM, by shape only).
 * `examples`: two selectors that fit where it is used, as JSON strings.
 */
export const selectorSchema = (...examples: readonly [string, string]) =>
  v.pipe(
    nonEmptyText(examples[0]),
    v.check(
      (selector) => !/[{}]/.test(selector) && selector.length <= 300,
      worded(`is not a CSS selector; write one such as ${examples.join(' or ')}`),
    ),
  );
