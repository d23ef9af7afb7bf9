/**
 * How the options page draws a vendor's settings as a form. The vendor's valibot schema stays the judge
 * of what is valid; this only says how to ask for each field.
 */
export interface SettingsField {
  /** The key in the profile's `settings`. */
  readonly key: string;
  /** The field's label. */
  readonly label: string;
  /**
   * `text`/`url`/`number`: an input; `secret`: a masked input (tokens, passwords); `list`: one value
   * per line (an array of strings); `boolean`: a checkbox; `select`: one of `options`; `json`: an
   * object written as JSON (nested options such as layouts).
   */
  readonly type: 'text' | 'url' | 'secret' | 'number' | 'list' | 'boolean' | 'select' | 'json';
  /** One line under the field: what it is for, and its default. */
  readonly help?: string;
  /** Choices for `select`. */
  readonly options?: readonly { readonly value: string; readonly label: string }[];
  /** Placeholder text. */
  readonly placeholder?: string;
  /** Shown with a warning style (e.g. "a secret kept in the browser is weaker than a token"). */
  readonly warning?: string;
}
