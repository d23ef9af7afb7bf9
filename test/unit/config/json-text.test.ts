import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError, parseJsonText } from '../../../src/core/config/json-text';

describe('findJsonSyntaxError', () => {
  it.each([
    ['{ "profiles": [ }', 1, 17, /expected a value/],
    ['{\n  "a": 1,\n}', 2, 9, /comma before "}" .* remove it/],
    ['[1, 2,]', 1, 6, /comma before "]"/],
    ['{\n  "a": 1\n  "b": 2\n}', 3, 3, /comma is missing before this property/],
    ['[1 2]', 1, 4, /comma is missing before this item/],
    ["{ 'a': 1 }", 1, 3, /double quotes, not single quotes/],
    ['{ profiles: [] }', 1, 3, /property names must be in double quotes: write "profiles"/],
    ['{ "a": 1 // note\n}', 1, 10, /comments are not allowed/],
    ['{ "a": tru }', 1, 8, /unknown word "tru"/],
    ['{ "a": "x', 1, 8, /no closing double quote/],
    ['{ "a": "x\ny" }', 1, 10, /line break or tab inside text/],
    ['{ "a": 01 }', 1, 8, /not a valid number/],
    ['{ "a": 1 } x', 1, 12, /more text after the end/],
    ['{\n  "profiles": [\n', 3, 1, /ends too early/],
    ['{ "a" 1 }', 1, 7, /expected ":"/],
    ['"\\x"', 1, 2, /not a JSON escape/],
    ['{ "a" x }', 1, 7, /expected ":" after the property name/],
    ['{ "a" "\\x" }', 1, 7, /expected ":" after the property name/],
    ['[1 }', 1, 4, /expected "," or "]" but found "}"/],
    ['[null.]', 1, 6, /expected "," or "]" but found "."/],
    ['{ "a": 1.5.3 }', 1, 8, /not a valid number/],
  ])('%j: line %i, column %i', (text, line, column, reason) => {
    expect(() => JSON.parse(text)).toThrow();
    const found = findJsonSyntaxError(text);
    expect(found).toMatchObject({ line, column });
    expect(found?.reason).toMatch(reason);
  });

  it.each([
    ['{}'],
    ['[]'],
    ['  {"a": [1, -2.5e3, true, false, null, "x\\n\\u00e9", {"b": {}}]}  '],
    ['"text"'],
    ['0'],
  ])('accepts valid JSON %j', (text) => {
    expect(() => JSON.parse(text)).not.toThrow();
    expect(findJsonSyntaxError(text)).toBeUndefined();
  });
});

describe('findJsonSyntaxError agrees with JSON.parse', () => {
  it('on 3000 mutations of a real document', () => {
    const base = JSON.stringify(
      {
        version: 1,
        profiles: [
          { id: 'demo', vendor: 'demo', label: 'Demo \u00e9 "PBX"', settings: { answerDelayMs: -2.5e3 } },
        ],
        sites: { allow: ['https://*.example.com/*'], block: [] },
        flags: [true, false, null, 0, 10.25],
      },
      null,
      2,
    );
    const alphabet = [
      '{',
      '}',
      '[',
      ']',
      ',',
      ':',
      '"',
      "'",
      '\\',
      '/',
      ' ',
      '\n',
      '0',
      '1',
      '-',
      '.',
      'e',
      'a',
      't',
    ];
    let seed = 42;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let round = 0; round < 3000; round++) {
      let text = base;
      for (let edits = 1 + random(3); edits > 0; edits--) {
        const at = random(text.length);
        text =
          random(2) === 0
            ? text.slice(0, at) + text.slice(at + 1)
            : text.slice(0, at) + alphabet[random(alphabet.length)] + text.slice(at);
      }
      let parses = true;
      try {
        JSON.parse(text);
      } catch {
        parses = false;
      }
      expect(findJsonSyntaxError(text) === undefined, text).toBe(parses);
    }
  });
});

describe('parseJsonText', () => {
  it('names the line and column whatever the engine says', () => {
    const result = parseJsonText('{\n  "profiles": [\n    { "id": "a", }\n  ]\n}');
    expect(result).toEqual({
      ok: false,
      issue: {
        path: '(document)',
        message:
          'not valid JSON at line 3, column 16: a comma before "}" (JSON allows no trailing comma); remove it',
      },
    });
  });

  it('still reports nesting too deep for jsonc-parser', () => {
    const deep = `${'['.repeat(200_000)}}`;
    const result = parseJsonText(deep);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issue.message).toMatch(/^not valid JSON/);
  });

  it('skips a byte order mark', () => {
    expect(parseJsonText('\ufeff{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
  });
});
