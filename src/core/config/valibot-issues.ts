import * as v from 'valibot';
import { formatPath, type PathSegment } from './paths';
import type { ConfigIssue } from './types';
import { describeValue, quote } from './wording';

/**
 * Passed as valibot's fallback message: an issue that still carries it had no message of its own, so
 * the whole text is worded here. Any other message is the schema author's fix, and gets the problem
 * put in front of it.
 */
const UNWORDED = '\u0000softbar:unworded';
/** Prefix of a message that already says both what is wrong and the fix (see `worded`). */
const WORDED = '\u0000softbar:worded:';

/**
 * A valibot message that is used as written, problem and fix included, for the schemas of the document
 * itself: `worded((issue) => \`${quote(issue.input)} is not a region code; use ...\`)`.
 */
export function worded(
  text: string | ((issue: v.BaseIssue<unknown>) => string),
): (issue: v.BaseIssue<unknown>) => string {
  return (issue) => WORDED + (typeof text === 'string' ? text : text(issue));
}

/** Parse options for every configuration schema: report all issues, leave the wording to us. */
export const PARSE_CONFIG = { abortEarly: false, abortPipeEarly: false, message: UNWORDED } as const;

type Issue = v.BaseIssue<unknown>;

/** Examples shown when a required field is missing, by field name. */
const FIELD_EXAMPLES: Readonly<Record<string, string>> = {
  id: '"id": "sales"',
  vendor: '"vendor": "demo"',
  label: '"label": "Sales PBX"',
  profiles: '"profiles": [{ "id": "demo", "vendor": "demo", "label": "Demo PBX", "settings": {} }]',
};

function lastKey(issue: Issue): PathSegment | undefined {
  const item = issue.path?.at(-1);
  return item === undefined ? undefined : toSegment(item.key);
}

function toSegment(key: unknown): PathSegment {
  return typeof key === 'number' ? key : String(key);
}

function isMissingKey(issue: Issue): boolean {
  return issue.kind === 'schema' && issue.path?.at(-1)?.origin === 'key' && issue.input === undefined;
}

/** How to write a value of the type valibot expected. */
function howToWrite(expected: string | null): string {
  switch (expected) {
    case 'string':
      return 'write text in double quotes, e.g. "Sales"';
    case 'number':
      return 'write a number without quotes, e.g. 2500';
    case 'boolean':
      return 'write true or false, without quotes';
    case 'Object':
      return 'write an object in braces: { ... }';
    case 'Array':
      return 'write a list in brackets: [ ... ]';
    default:
      return expected ? `use ${expected}` : 'correct the value';
  }
}

/** What the value is expected to be, in words. */
function expectedWords(expected: string | null): string {
  switch (expected) {
    case 'string':
      return 'text';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'true or false';
    case 'Object':
      return 'an object {...}';
    case 'Array':
      return 'a list [...]';
    default:
      return expected ?? 'another value';
  }
}

function unitOf(input: unknown): string {
  return typeof input === 'string' ? 'characters' : 'items';
}

/** The problem part of the message: what is wrong with the value. */
function problemOf(issue: Issue): string {
  if (isMissingKey(issue)) return 'is missing';
  const requirement = (issue as { requirement?: unknown }).requirement;
  switch (issue.type) {
    case 'integer':
      return `${issue.received} is not a whole number`;
    case 'min_value':
    case 'gt_value':
      return `${issue.received} is too small`;
    case 'max_value':
    case 'lt_value':
      return `${issue.received} is too large`;
    case 'min_length':
    case 'non_empty':
      return typeof issue.input === 'string' && issue.input === ''
        ? 'is empty'
        : `has ${issue.received} ${unitOf(issue.input)}, too few`;
    case 'max_length':
      return `has ${issue.received} ${unitOf(issue.input)}, too many`;
    case 'length':
      return `has ${issue.received} ${unitOf(issue.input)}, not ${String(requirement)}`;
    case 'url':
      return `${quote(issue.input)} is not a full URL`;
    case 'email':
      return `${quote(issue.input)} is not an email address`;
    case 'regex':
      return `${quote(issue.input)} does not have the expected form`;
    case 'picklist':
    case 'enum':
    case 'literal':
      return `${describeValue(issue.input)} is not one of the allowed values`;
    default:
      if (issue.kind === 'schema')
        return `expected ${expectedWords(issue.expected)}, got ${describeValue(issue.input)}`;
      return `${describeValue(issue.input)} is not accepted`;
  }
}

/** The fix, when the schema gave none. */
function fixOf(issue: Issue): string {
  const requirement = (issue as { requirement?: unknown }).requirement;
  if (isMissingKey(issue)) {
    const key = lastKey(issue);
    const example = typeof key === 'string' ? FIELD_EXAMPLES[key] : undefined;
    return example ? `add it, e.g. ${example}` : `add ${JSON.stringify(String(key))}`;
  }
  switch (issue.type) {
    case 'integer':
      return 'use a whole number such as 30';
    case 'min_value':
    case 'gt_value':
      return `use ${String(requirement)} or more`;
    case 'max_value':
    case 'lt_value':
      return `use ${String(requirement)} or less`;
    case 'min_length':
      return `give at least ${String(requirement)} ${unitOf(issue.input)}`;
    case 'non_empty':
      return 'fill it in';
    case 'max_length':
      return `keep it to ${String(requirement)} ${unitOf(issue.input)} at most`;
    case 'length':
      return `give exactly ${String(requirement)} ${unitOf(issue.input)}`;
    case 'url':
      return 'write the full address, e.g. "https://pbx.example.com"';
    case 'email':
      return 'write an address such as "agent@example.com"';
    case 'picklist':
    case 'enum':
    case 'literal':
      return `use ${issue.expected ?? 'an allowed value'}`;
    default:
      return issue.kind === 'schema' ? howToWrite(issue.expected) : 'correct the value';
  }
}

/** The admin-facing text of one valibot issue: what is wrong, then how to fix it. */
export function wordIssue(issue: Issue): string {
  if (issue.message.startsWith(WORDED)) return issue.message.slice(WORDED.length);
  const fix = issue.message === UNWORDED ? fixOf(issue) : issue.message;
  return `${problemOf(issue)}; ${fix}`;
}

/** Converts valibot issues to configuration issues, their paths under `prefix`. */
export function fromValibotIssues(issues: readonly Issue[], prefix: readonly PathSegment[]): ConfigIssue[] {
  return issues.map((issue) => ({
    path: formatPath([...prefix, ...(issue.path ?? []).map((item) => toSegment(item.key))]),
    message: wordIssue(issue),
  }));
}

/** Runs a schema with the configuration parse options; issues come back worded, under `prefix`. */
export function runSchema<T>(
  schema: v.GenericSchema<unknown, T>,
  input: unknown,
  prefix: readonly PathSegment[],
): { readonly ok: true; readonly output: T } | { readonly ok: false; readonly issues: ConfigIssue[] } {
  const result = v.safeParse(schema, input, PARSE_CONFIG);
  if (result.success) return { ok: true, output: result.output };
  return { ok: false, issues: fromValibotIssues(result.issues, prefix) };
}
