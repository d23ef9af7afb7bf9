import { printParseErrorCode, visit } from 'jsonc-parser';
import { DOCUMENT_PATH } from './paths';
import type { ConfigIssue } from './types';

export type JsonTextResult =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly issue: ConfigIssue };

/** Where JSON text stops being JSON, and why (with the fix). */
export interface JsonSyntaxError {
  /** Character offset of the problem. */
  readonly offset: number;
  readonly line: number;
  readonly column: number;
  readonly reason: string;
}

/** Line and column (1-based) of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split('\n');
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}

type Expecting = 'name' | 'colon' | 'value' | 'after';
/** The first error jsonc-parser reports, by name: its `ParseErrorCode` is a const enum this build cannot inline. */
interface Found {
  readonly error: ReturnType<typeof printParseErrorCode>;
  readonly offset: number;
  readonly expecting: Expecting;
  readonly close: '}' | ']' | undefined;
}

const IN_STRING = new Set([
  'UnexpectedEndOfString',
  'InvalidCharacter',
  'InvalidEscapeCharacter',
  'InvalidUnicode',
]);
// jsonc-parser flags a bad string at its opening quote; this finds the character actually at fault.
const STRING_PREFIX = /"(?:[\x20\x21\x23-\x5b\x5d-\uffff]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*/y;

/**
 * Finds the first JSON syntax error in `text`, or undefined when `JSON.parse` accepts it (or, in a corner
 * where jsonc-parser sees no error, cannot place it). Engines word `JSON.parse` errors differently and some
 * give no position, so jsonc-parser locates the error and the text around it decides the advice.
 */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch {}

  // jsonc-parser names what it found but not what the grammar wanted there, and the advice depends on that.
  const open: ('}' | ']')[] = [];
  let expecting: Expecting = 'value';
  let first: Found | undefined;
  const enter = (close: '}' | ']') => {
    open.push(close);
    expecting = close === '}' ? 'name' : 'value';
  };
  const leave = () => {
    open.pop();
    expecting = 'after';
  };
  const now = (next: Expecting) => () => {
    expecting = next;
  };
  try {
    visit(
      text,
      {
        onObjectBegin: () => enter('}'),
        onArrayBegin: () => enter(']'),
        onObjectEnd: leave,
        onArrayEnd: leave,
        onObjectProperty: now('colon'),
        onLiteralValue: now('after'),
        onSeparator: (separator) => {
          expecting = separator === ':' || open.at(-1) === ']' ? 'value' : 'name';
        },
        onError: (code, offset) => {
          first ??= { error: printParseErrorCode(code), offset, expecting, close: open.at(-1) };
        },
      },
      { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
    );
  } catch {
    // Nesting deep enough to overflow jsonc-parser's recursion: leave the error to JSON.parse's message.
  }
  return first && explain(text, first);
}

function explain(text: string, { error, offset, expecting, close }: Found): JsonSyntaxError {
  const say = (reason: string, at = offset) => ({ offset: at, reason, ...lineColumn(text, at) });
  const c = text[offset];
  const shown = c === undefined ? 'the end' : JSON.stringify(c);
  const word = /^[A-Za-z_][\w$]*/.exec(text.slice(offset, offset + 40))?.[0];
  if (error === 'InvalidCommentToken' || c === '/') {
    return say('comments are not allowed in JSON; remove them');
  }
  if (c === undefined) return say('the document ends too early; a closing "}", "]" or quote is missing');

  if (IN_STRING.has(error) && (expecting === 'name' || expecting === 'value')) {
    STRING_PREFIX.lastIndex = offset;
    const at = offset + (STRING_PREFIX.exec(text)?.[0].length ?? 0);
    const bad = text[at];
    if (bad === undefined || (bad === '\\' && at + 1 === text.length)) {
      return say('this text has no closing double quote');
    }
    if (bad === '\\') return say(`"\\${text[at + 1]}" is not a JSON escape; write a backslash as "\\\\"`, at);
    return say('a line break or tab inside text must be written as \\n or \\t', at);
  }
  // jsonc-parser reads `null.` as one unknown word, but only what follows the keyword is wrong.
  if (expecting === 'value' && word && ['true', 'false', 'null'].includes(word)) {
    return explain(text, { error, offset: offset + word.length, expecting: 'after', close });
  }
  const badNumber = 'this is not a valid number; write it like 42, -1 or 2.5';
  const numberError = error === 'UnexpectedEndOfNumber' || error === 'InvalidNumberFormat';
  if (expecting === 'value' && (numberError || c === '-')) return say(badNumber);
  // A number glued to what follows (01, 1.5.3, 2x) is one bad number to the admin, not two tokens.
  const number = /-?[\d.eE+-]*\d$/.exec(text.slice(Math.max(0, offset - 400), offset));
  if (number && /[\w.]/.test(c)) return say(badNumber, offset - number[0].length);

  if (expecting === 'after') {
    if (!close) return say('there is more text after the end of the document; remove it');
    if (close === '}' && c === '"') return say('a comma is missing before this property');
    if (close === ']' && (word || /["{[\d-]/.test(c))) return say('a comma is missing before this item');
    return say(`expected "," or "${close}" but found ${shown}`);
  }
  if (expecting === 'colon') return say(`expected ":" after the property name but found ${shown}`);
  const comma = /,[ \t\n\r]*$/.exec(text.slice(0, offset));
  if (comma && c === close) {
    return say(`a comma before "${c}" (JSON allows no trailing comma); remove it`, comma.index);
  }
  const where = expecting === 'name' ? 'property names' : 'text';
  if (c === "'") return say(`${where} must be in double quotes, not single quotes`);
  if (expecting === 'name') {
    return say(
      word
        ? `property names must be in double quotes: write "${word}"`
        : `expected a property name in double quotes but found ${shown}`,
    );
  }
  return say(
    word
      ? `unknown word "${word}"; use true, false, null, a number, or text in double quotes`
      : `expected a value (text, number, object, list, true, false or null) but found ${shown}`,
  );
}

/** Parses JSON text; a syntax error becomes one issue on `(document)` naming the line and column. */
export function parseJsonText(text: string): JsonTextResult {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (source.trim() === '') {
    return {
      ok: false,
      issue: {
        path: DOCUMENT_PATH,
        message: 'the configuration is empty; paste or load a JSON document such as { "profiles": [...] }',
      },
    };
  }
  try {
    return { ok: true, value: JSON.parse(source) as unknown };
  } catch (error) {
    const found = findJsonSyntaxError(source);
    const message = found
      ? `not valid JSON at line ${found.line}, column ${found.column}: ${found.reason}`
      : `not valid JSON: ${error instanceof Error ? error.message : String(error)}`;
    return { ok: false, issue: { path: DOCUMENT_PATH, message } };
  }
}
