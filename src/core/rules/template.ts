import type { Call } from '../call';
import { CALL_FIELDS, callField, isCallField } from './fields';

/** `{name}` or `{vendor.some.field}`. */
const VARIABLE = /\{([^{}]*)\}/g;

/** Variables a template uses, in order, as written (without braces). */
export function templateVariables(template: string): string[] {
  return [...template.matchAll(VARIABLE)].map((match) => match[1]!.trim());
}

/** Whether a URL is one Softbar may open: http or https, absolute. */
export function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * Why a URL template cannot be used, or undefined when it can. The scheme must be written out as http or
 * https (a variable cannot supply it, so call data can never turn a pop into `javascript:`), and every
 * variable must be a known call field.
 */
export function urlTemplateProblem(template: string): string | undefined {
  const trimmed = template.trim();
  if (trimmed === '') return 'is empty; write a URL such as "https://crm.example.com/contacts?phone={e164}"';
  if (!/^https?:\/\//i.test(trimmed)) {
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed)?.[1];
    const what = scheme ? `a ${scheme}: URL` : 'not an absolute http(s) URL';
    return `${JSON.stringify(template)} is ${what}; Softbar opens only http and https addresses, e.g. "https://crm.example.com/contacts?phone={e164}"`;
  }
  const unknown = unknownVariable(template);
  if (unknown) return unknown;
  const probe = trimmed.replace(VARIABLE, 'x');
  if (!isHttpUrl(probe) || new URL(probe).hostname === '')
    return `${JSON.stringify(template)} is not a valid URL once its variables are filled; check the host name`;
  if (/^https?:\/\/[^/?#]*\{/i.test(trimmed))
    return `${JSON.stringify(template)} puts a variable in the host name; call data may only go in the path or query`;
  return undefined;
}

/** Why a text template cannot be used, or undefined. */
export function textTemplateProblem(template: string): string | undefined {
  return unknownVariable(template);
}

function unknownVariable(template: string): string | undefined {
  for (const name of templateVariables(template)) {
    if (!isCallField(name)) {
      return `uses {${name}}, which is not a call field; use ${Object.keys(CALL_FIELDS)
        .map((field) => `{${field}}`)
        .join(', ')} or {vendor.FIELD}`;
    }
  }
  return undefined;
}

export type ExpandedUrl = { readonly ok: true; readonly url: string } | { readonly ok: false; readonly error: string };

/** The template with each variable replaced by the call's value, URL-encoded; refuses anything not http(s). */
export function expandUrlTemplate(template: string, call: Call): ExpandedUrl {
  const problem = urlTemplateProblem(template);
  if (problem) return { ok: false, error: `URL template ${problem}` };
  const url = template.trim().replace(VARIABLE, (_, name: string) => encodeURIComponent(callField(call, name.trim()) ?? ''));
  if (!isHttpUrl(url)) return { ok: false, error: `${JSON.stringify(url)} is not an http(s) URL; it was not opened` };
  return { ok: true, url };
}

/** The template with each variable replaced by the call's value as plain text (missing = empty). */
export function expandTextTemplate(template: string, call: Call): string {
  return template.replace(VARIABLE, (_, name: string) => callField(call, name.trim()) ?? '');
}
