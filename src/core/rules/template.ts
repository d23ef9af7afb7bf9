import type { Call } from '../call';
import { closest } from '../config/wording';
import { isHttpUrl } from '../http-url';
import { CALL_FIELDS, callField, isCallField } from './fields';

/** `{name}` or `{vendor.some.field}`. */
const VARIABLE = /\{([^{}]*)\}/g;

/** Variables a template uses, in order, as written (without braces). */
export function templateVariables(template: string): string[] {
  return [...template.matchAll(VARIABLE)].map((match) => match[1]!.trim());
}

// Re-exported for the modules that import it from here (the options page's rule preview, the bar's frame).
export { isHttpUrl };

/** The template with every variable filled in by `value` (given the trimmed variable name). */
function fill(template: string, value: (name: string) => string): string {
  return template.trim().replace(VARIABLE, (_, name: string) => value(name.trim()));
}

/** How many segments the path of an http(s) URL has once `.` and `..` segments are resolved. */
const pathSegments = (url: string) => new URL(url).pathname.split('/').length;

const URL_EXAMPLE = '"https://crm.example.com/contacts?phone={e164}"';

/**
 * Why a URL template cannot be used, or undefined when it can. The scheme must be written out as http or
 * https (a variable cannot supply it, so call data can never turn a pop into `javascript:`), the host too
 * (call data can never send a pop to another site), and every variable must be a known call field.
 */
export function urlTemplateProblem(template: string): string | undefined {
  const trimmed = template.trim();
  const shown = JSON.stringify(template);
  if (trimmed === '') return `is empty; write a URL such as ${URL_EXAMPLE}`;
  if (!/^https?:\/\//i.test(trimmed)) {
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed)?.[1]?.toLowerCase();
    // `crm.example.com:8443/x` and `localhost:3000/x` read as a scheme, but they are a host without one.
    const isHost = scheme !== undefined && (scheme.includes('.') || scheme === 'localhost');
    if (scheme === 'http' || scheme === 'https')
      return `${shown} is not a full URL; write "//" after "${scheme}:", e.g. ${URL_EXAMPLE}`;
    if (scheme && !isHost)
      return `${shown} is a ${scheme}: URL; Softbar opens only http and https addresses: write one such as ${URL_EXAMPLE}`;
    return `${shown} has no scheme; Softbar opens only full http and https addresses: write it in full, e.g. ${URL_EXAMPLE}`;
  }
  if (/[{}]/.test(trimmed.replace(VARIABLE, '')))
    return `${shown} has a "{" or "}" without its pair; write each variable in braces, e.g. {e164}`;
  const unknown = unknownVariable(template);
  if (unknown) return unknown;
  if (/^https?:\/\/[^/?#]*\{/i.test(trimmed))
    return `${shown} puts a variable in the host name; call data may only go in the path or query: write the host out, e.g. ${URL_EXAMPLE}`;
  const probe = fill(template, () => 'x');
  if (!isHttpUrl(probe) || new URL(probe).hostname === '')
    return `${shown} is not a valid URL once its variables are filled; check the host name, e.g. ${URL_EXAMPLE}`;
  return undefined;
}

/** Why a text template cannot be used, or undefined. */
export function textTemplateProblem(template: string): string | undefined {
  return unknownVariable(template);
}

const FIELD_NAMES = Object.keys(CALL_FIELDS);

function unknownVariable(template: string): string | undefined {
  for (const name of templateVariables(template)) {
    if (!isCallField(name)) {
      const guess = closest(name, FIELD_NAMES);
      const hint = guess === undefined ? '' : ` (did you mean {${guess}}?)`;
      return `uses {${name}}, which is not a call field${hint}; use ${FIELD_NAMES.map((field) => `{${field}}`).join(', ')} or {vendor.FIELD}`;
    }
  }
  return undefined;
}

export type ExpandedUrl =
  | { readonly ok: true; readonly url: string }
  | { readonly ok: false; readonly error: string };

/**
 * The template with each variable replaced by the call's value, URL-encoded; refuses anything not http(s),
 * and a URL whose path the call data changed (a value of `.` or `..` filling a path segment).
 */
export function expandUrlTemplate(template: string, call: Call): ExpandedUrl {
  const problem = urlTemplateProblem(template);
  if (problem) return { ok: false, error: `URL template ${problem}` };
  const url = fill(template, (name) => encodeURIComponent(callField(call, name) ?? ''));
  if (!isHttpUrl(url))
    return { ok: false, error: `${JSON.stringify(url)} is not an http(s) URL; it was not opened` };
  // encodeURIComponent leaves dots alone, and percent-encoding them would not help: URL parsers (the
  // browser's too) read `%2E%2E` as `..`. A dot segment climbs the CRM's path, so the pop is refused;
  // with every variable `x` (no dot segments from call data) the path keeps its template's shape.
  if (pathSegments(url) !== pathSegments(fill(template, () => 'x'))) {
    const dotted = templateVariables(template).find((name) => /^\.+$/.test(callField(call, name) ?? ''));
    const culprit = dotted === undefined ? 'call data' : `{${dotted}} (${callField(call, dotted)})`;
    return {
      ok: false,
      error: `${culprit} would move ${JSON.stringify(url)} up its path; it was not opened`,
    };
  }
  return { ok: true, url };
}

/** The template with each variable replaced by the call's value as plain text (missing = empty). */
export function expandTextTemplate(template: string, call: Call): string {
  return template.replace(VARIABLE, (_, name: string) => callField(call, name.trim()) ?? '');
}
