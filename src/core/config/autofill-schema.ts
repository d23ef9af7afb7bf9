import * as v from 'valibot';
import { textTemplateProblem } from '../rules/template';
import { conditionIssues, conditionsSchema } from './condition-schema';
import type { PathSegment } from './paths';
import { checkRuleList, type RuleListSpec } from './rule-list';
import {
  choiceSchema,
  matchPatternSchema,
  nonEmptyText,
  objectWith,
  plainObject,
  selectorSchema,
} from './schema-parts';
import type { AutofillRule, ConfigIssue } from './types';
import { unknownFields } from './unknown-fields';
import { worded } from './valibot-issues';
import { isPlainObject } from './wording';

/** Fields of one autofill rule, in the order the README documents them. */
export const AUTOFILL_FIELDS = ['id', 'label', 'match', 'on', 'conditions', 'overwrite', 'fields'] as const;

/** Fields of one entry of an autofill rule's `fields`. */
export const AUTOFILL_FIELD_FIELDS = ['selector', 'value', 'overwrite'] as const;

/** When an autofill rule fills by itself; `manual` = only from the bar's "Fill form" button. */
const AUTOFILL_MOMENTS = ['ringing', 'answered', 'ended', 'manual'] as const;

const FIELD_EXAMPLE = '{ "selector": "#case-subject", "value": "Call from {number}" }';

/** A text template: any text, its variables known call fields. */
const textTemplateSchema = v.pipe(
  v.string(),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const problem = textTemplateProblem(dataset.value);
    if (problem !== undefined) addIssue({ message: worded(problem) });
  }),
);

const fieldSchema = v.pipe(
  plainObject(`write a field such as ${FIELD_EXAMPLE}`),
  objectWith(
    {
      selector: selectorSchema('"#case-subject"', '"textarea[name=description]"'),
      value: textTemplateSchema,
      overwrite: v.optional(v.boolean()),
    },
    {
      selector: 'add the CSS selector of the input to fill, e.g. "selector": "#case-subject"',
      value: 'add the text to fill in, e.g. "value": "Call from {number}"',
    },
  ),
);

const autofillRuleSchema = v.pipe(
  plainObject(
    `write a rule such as { "id": "case-form", "match": "https://crm.example.com/cases/*", "fields": [${FIELD_EXAMPLE}] }`,
  ),
  objectWith(
    {
      id: nonEmptyText('"id": "case-form"'),
      label: v.optional(v.string()),
      match: matchPatternSchema,
      on: v.optional(choiceSchema(AUTOFILL_MOMENTS, 'a moment an autofill rule runs on'), 'answered'),
      conditions: conditionsSchema,
      overwrite: v.optional(v.boolean(), false),
      fields: v.pipe(
        v.array(fieldSchema),
        v.minLength(1, worded(`the list is empty; add at least one field to fill, e.g. ${FIELD_EXAMPLE}`)),
      ),
    },
    {
      id: 'add one, e.g. "id": "case-form"',
      match: 'add the pages whose form the rule fills, e.g. "match": "https://crm.example.com/cases/*"',
      fields: `add the form fields to fill, e.g. "fields": [${FIELD_EXAMPLE}]`,
    },
  ),
);

/** Unknown fields in a rule's conditions and in its fields. */
function nestedIssues(rule: Readonly<Record<string, unknown>>, at: readonly PathSegment[]): ConfigIssue[] {
  const issues = conditionIssues(rule.conditions, [...at, 'conditions']);
  if (Array.isArray(rule.fields)) {
    rule.fields.forEach((field: unknown, index) => {
      if (isPlainObject(field))
        issues.push(...unknownFields(field, AUTOFILL_FIELD_FIELDS, [...at, 'fields', index], 'a field has'));
    });
  }
  return issues;
}

const AUTOFILL_LIST: RuleListSpec<AutofillRule> = {
  section: 'autofill',
  noun: 'an autofill rule',
  fields: AUTOFILL_FIELDS,
  schemaFor: () => autofillRuleSchema,
  nestedIssues,
};

/**
 * Checks `autofill`: adds what is wrong to `issues` and returns the valid rules, defaults applied (`on`
 * "answered", no conditions, `overwrite` false; a field's own `overwrite` stays absent unless written).
 */
export function checkAutofill(raw: unknown, issues: ConfigIssue[]): AutofillRule[] {
  return checkRuleList(raw, AUTOFILL_LIST, issues);
}
