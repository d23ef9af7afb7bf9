import { findJsonSyntaxError } from '../src/core/config/json-text';

export type DraftResult =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly error: string };

/** Pretty JSON, as the editors show a saved value. */
export const prettyJson = (value: unknown) => JSON.stringify(value, null, 2);

/**
 * Reads what an admin typed in a JSON editor. A syntax error names its line and column, so it can be
 * fixed before anything is sent; `empty` says what to write instead of nothing.
 */
export function parseDraft(text: string, empty: string): DraftResult {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (source.trim() === '') return { ok: false, error: `The editor is empty; ${empty}.` };
  try {
    return { ok: true, value: JSON.parse(source) as unknown };
  } catch (error) {
    const found = findJsonSyntaxError(source);
    return {
      ok: false,
      error: found
        ? `Not valid JSON at line ${found.line}, column ${found.column}: ${found.reason}.`
        : `Not valid JSON: ${error instanceof Error ? error.message : String(error)}.`,
    };
  }
}
