import * as v from 'valibot';
import { urlTemplateProblem } from '../rules/template';
import { conditionIssues, conditionsSchema } from './condition-schema';
import { DEFAULT_POPUP_SIZE } from './defaults';
import { checkRuleList, type RuleListSpec } from './rule-list';
import { choiceSchema, matchPatternSchema, nonEmptyText, objectWith, plainObject } from './schema-parts';
import type { ConfigIssue, ScreenPopAction, ScreenPopRule } from './types';
import { worded } from './valibot-issues';
import { quotedChoices } from './wording';

/** Fields of one screen-pop rule, in the order the README documents them. */
export const SCREEN_POP_FIELDS = [
  'id',
  'label',
  'on',
  'conditions',
  'action',
  'url',
  'tabPattern',
  'width',
  'height',
] as const;

/** Every action, in the order messages list them. */
const SCREEN_POP_ACTIONS = [
  'newTab',
  'reuseTab',
  'focus',
  'popup',
  'frame',
] as const satisfies readonly ScreenPopAction[];

/** Moments a screen-pop can fire on. */
const SCREEN_POP_MOMENTS = ['ringing', 'answered', 'ended'] as const;

/** Actions that find an open tab by `tabPattern`. */
const TAB_ACTIONS: readonly ScreenPopAction[] = ['reuseTab', 'focus'];

/** Smallest `width` and `height` of a popup window, in pixels: smaller is unusable. */
export const POPUP_MIN = 200;
/** Largest `width` and `height` of a popup window, in pixels: larger fits no screen. */
export const POPUP_MAX = 4000;

const RULE_EXAMPLE =
  '{ "id": "open-contact", "action": "newTab", "url": "https://crm.example.com/contacts?phone={e164}" }';

/** A URL template Softbar may open: http(s), host written out, known variables (see `urlTemplateProblem`). */
const urlTemplateSchema = v.pipe(
  v.string(),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const problem = urlTemplateProblem(dataset.value);
    if (problem !== undefined) addIssue({ message: worded(problem) });
  }),
);

const popupSizeSchema = v.pipe(
  v.number(),
  v.integer(worded((issue) => `${issue.received} is not a whole number; give the size in pixels, e.g. 900`)),
  v.minValue(
    POPUP_MIN,
    worded((issue) => `${issue.received} is too small; use ${POPUP_MIN} to ${POPUP_MAX} pixels`),
  ),
  v.maxValue(
    POPUP_MAX,
    worded((issue) => `${issue.received} is too large; use ${POPUP_MIN} to ${POPUP_MAX} pixels`),
  ),
);

/** A field the rule's action does not use: refused, since the admin expects it to do something. */
function unused(usedBy: readonly ScreenPopAction[], action: ScreenPopAction) {
  return v.optional(
    v.custom<undefined>(
      () => false,
      worded(
        `is only used by ${quotedChoices(usedBy)} rules, not "${action}"; remove it, or change "action"`,
      ),
    ),
  );
}

const tabPurpose = (action: ScreenPopAction) => (action === 'focus' ? 'brings forward' : 'reuses');

/**
 * The schema of one rule. Which of `url`, `tabPattern`, `width` and `height` a rule needs follows from its
 * action; while the action is missing or wrong, each is checked only for what it says.
 */
function screenPopRuleSchema(action: ScreenPopAction | undefined): v.GenericSchema<unknown, ScreenPopRule> {
  const url: v.GenericSchema<unknown, string | undefined> =
    action === undefined || action === 'focus' ? v.optional(urlTemplateSchema) : urlTemplateSchema;
  const tabPattern: v.GenericSchema<unknown, string | undefined> =
    action === undefined
      ? v.optional(matchPatternSchema)
      : TAB_ACTIONS.includes(action)
        ? matchPatternSchema
        : unused(TAB_ACTIONS, action);
  const size = (fallback: number): v.GenericSchema<unknown, number | undefined> =>
    action === undefined
      ? v.optional(popupSizeSchema)
      : action === 'popup'
        ? v.optional(popupSizeSchema, fallback)
        : unused(['popup'], action);

  return v.pipe(
    plainObject(`write a rule such as ${RULE_EXAMPLE}`),
    objectWith(
      {
        id: nonEmptyText('"id": "open-contact"'),
        label: v.optional(v.string()),
        on: v.optional(choiceSchema(SCREEN_POP_MOMENTS, 'a call moment'), 'ringing'),
        conditions: conditionsSchema,
        action: choiceSchema(SCREEN_POP_ACTIONS, 'a screen-pop action'),
        url,
        tabPattern,
        width: size(DEFAULT_POPUP_SIZE.width),
        height: size(DEFAULT_POPUP_SIZE.height),
      },
      {
        id: 'add one, e.g. "id": "open-contact" (each call pops once per rule id, so it is written out: an id taken from the rule\'s place in the list would change when rules are reordered)',
        action: `add what the rule does, e.g. "action": "newTab"; use ${quotedChoices(SCREEN_POP_ACTIONS)}`,
        url: `a "${action}" rule opens a URL: add one, e.g. "url": "https://crm.example.com/contacts?phone={e164}"`,
        tabPattern: `a "${action}" rule ${tabPurpose(action ?? 'reuseTab')} the first tab matching it: add one, e.g. "tabPattern": "https://crm.example.com/*"`,
      },
    ),
  );
}

const SCREEN_POP_LIST: RuleListSpec<ScreenPopRule> = {
  section: 'screenPop',
  noun: 'a screen-pop rule',
  fields: SCREEN_POP_FIELDS,
  schemaFor: (rule) => screenPopRuleSchema(SCREEN_POP_ACTIONS.find((action) => action === rule.action)),
  nestedIssues: (rule, at) => conditionIssues(rule.conditions, [...at, 'conditions']),
};

/**
 * Checks `screenPop`: adds what is wrong to `issues` and returns the valid rules, defaults applied
 * (`on` "ringing", no conditions, a popup 900 by 700).
 */
export function checkScreenPop(raw: unknown, issues: ConfigIssue[]): ScreenPopRule[] {
  return checkRuleList(raw, SCREEN_POP_LIST, issues);
}
