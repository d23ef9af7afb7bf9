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

class Stop {
  constructor(
    readonly offset: number,
    readonly reason: string,
  ) {}
}

const MAX_DEPTH = 512;
const WORDS = ['true', 'false', 'null'] as const;

/**
 * Finds the first JSON syntax error in `text` (RFC 8259), or undefined when it is valid JSON. Engines
 * word `JSON.parse` errors differently and some give no position, so the page does not rely on them.
 */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  let i = 0;
  const stop = (reason: string, at = i): never => {
    throw new Stop(at, reason);
  };
  const shown = (at: number) => (at >= text.length ? 'the end' : JSON.stringify(text[at]));
  const endEarly = () => stop('the document ends too early; a closing "}", "]" or quote is missing');

  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i] as string)) i++;
  };

  const word = () => {
    const match = /^[A-Za-z_][\w$]*/.exec(text.slice(i, i + 40));
    return match?.[0];
  };

  const badValue = (): never => {
    if (i >= text.length) return endEarly();
    const c = text[i] as string;
    if (c === "'") return stop('text must be in double quotes, not single quotes');
    if (c === '/') return stop('comments are not allowed in JSON; remove them');
    const w = word();
    if (w) return stop(`unknown word "${w}"; use true, false, null, a number, or text in double quotes`);
    return stop(`expected a value (text, number, object, list, true, false or null) but found ${shown(i)}`);
  };

  const string = () => {
    const start = i;
    i++; // opening quote
    while (true) {
      if (i >= text.length) stop('this text has no closing double quote', start);
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return;
      }
      if (c < 0x20) stop('a line break or tab inside text must be written as \\n or \\t');
      if (c === 0x5c) {
        const next = text[i + 1];
        if (next === undefined) endEarly();
        else if ('"\\/bfnrt'.includes(next)) i += 2;
        else if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
        else stop(`"\\${next}" is not a JSON escape; write a backslash as "\\\\"`);
      } else i++;
    }
  };

  const number = () => {
    const start = i;
    const bad = () => stop('this is not a valid number; write it like 42, -1 or 2.5', start);
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!match) return bad();
    i += match[0].length;
    if (/^[\w.]/.test(text[i] ?? '')) bad();
  };

  /** After a value inside an object or list: the separator or closing bracket is wrong. */
  const badSeparator = (close: '}' | ']'): never => {
    if (text[i] === '/') return stop('comments are not allowed in JSON; remove them');
    return stop(`expected "," or "${close}" but found ${shown(i)}`);
  };

  const literal = () => {
    for (const name of WORDS) {
      if (text.startsWith(name, i) && !/[\w$]/.test(text[i + name.length] ?? '')) {
        i += name.length;
        return;
      }
    }
    badValue();
  };

  const value = (depth: number): void => {
    space();
    if (depth > MAX_DEPTH) stop('the document is nested too deeply');
    const c = text[i];
    if (c === '{') object(depth);
    else if (c === '[') array(depth);
    else if (c === '"') string();
    else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) number();
    else literal();
  };

  const propertyName = () => {
    space();
    const c = text[i];
    if (c === '"') return string();
    if (c === undefined) return endEarly();
    if (c === "'") return stop('property names must be in double quotes, not single quotes');
    if (c === '/') return stop('comments are not allowed in JSON; remove them');
    const w = word();
    if (w) return stop(`property names must be in double quotes: write "${w}"`);
    return stop(`expected a property name in double quotes but found ${shown(i)}`);
  };

  const object = (depth: number) => {
    i++; // {
    space();
    if (text[i] === '}') {
      i++;
      return;
    }
    while (true) {
      propertyName();
      space();
      if (text[i] !== ':') {
        if (i >= text.length) endEarly();
        stop(`expected ":" after the property name but found ${shown(i)}`);
      }
      i++;
      value(depth + 1);
      space();
      const c = text[i];
      if (c === '}') {
        i++;
        return;
      }
      if (c === ',') {
        const comma = i;
        i++;
        space();
        if (text[i] === '}') stop('a comma before "}" (JSON allows no trailing comma); remove it', comma);
        continue;
      }
      if (c === undefined) endEarly();
      if (c === '"') stop('a comma is missing before this property');
      badSeparator('}');
    }
  };

  const array = (depth: number) => {
    i++; // [
    space();
    if (text[i] === ']') {
      i++;
      return;
    }
    while (true) {
      value(depth + 1);
      space();
      const c = text[i];
      if (c === ']') {
        i++;
        return;
      }
      if (c === ',') {
        const comma = i;
        i++;
        space();
        if (text[i] === ']') stop('a comma before "]" (JSON allows no trailing comma); remove it', comma);
        continue;
      }
      if (c === undefined) return endEarly();
      if (c === '"' || c === '{' || c === '[' || /[-\d]/.test(c)) stop('a comma is missing before this item');
      badSeparator(']');
    }
  };

  try {
    value(0);
    space();
    if (i < text.length) stop('there is more text after the end of the document; remove it');
    return undefined;
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    return { offset: error.offset, reason: error.reason, ...lineColumn(text, error.offset) };
  }
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
