import { DEFAULT_RETRY_BASE_MS, DEFAULT_RETRY_MAX_MS } from '../src/core/config/defaults';
import type { CallLogSettings } from '../src/core/config/types';
import { parseDraft, prettyJson } from './json-draft';

/** The call-log form's fields as text, the way the admin edits them. */
export interface CallLogForm {
  /** "Ask for notes after each call". */
  readonly prompt: boolean;
  /** One disposition per line. */
  readonly dispositions: string;
  /** Empty = no webhook. */
  readonly webhookUrl: string;
  /** A JSON object of header names and values. */
  readonly headers: string;
  /** Whole milliseconds; empty = the default. */
  readonly retryBaseMs: string;
  /** Whole milliseconds; empty = the default. */
  readonly retryMaxMs: string;
}

/**
 * The `retryMaxMs` the hub derives when the document gives none. Mirrors `webhookSchema`'s rule: the max
 * never falls below the base, so raising only the base stays valid.
 */
const derivedRetryMaxMs = (retryBaseMs: number) => Math.max(DEFAULT_RETRY_MAX_MS, retryBaseMs);

/**
 * The delay as the admin wrote it, or empty when it is the default: the settings in force carry the
 * defaults filled in, and showing them as the admin's would store them, so a later default never applies.
 */
const delayText = (ms: number | undefined, byDefault: number) =>
  ms === undefined || ms === byDefault ? '' : String(ms);

/** The form showing the settings in force, delays left empty where they are the defaults. */
export function formFromSettings(settings: CallLogSettings): CallLogForm {
  const webhook = settings.webhook;
  const retryBaseMs = webhook?.retryBaseMs ?? DEFAULT_RETRY_BASE_MS;
  return {
    prompt: settings.prompt,
    dispositions: settings.dispositions.join('\n'),
    webhookUrl: webhook?.url ?? '',
    headers: prettyJson(webhook?.headers ?? {}),
    retryBaseMs: delayText(webhook?.retryBaseMs, DEFAULT_RETRY_BASE_MS),
    retryMaxMs: delayText(webhook?.retryMaxMs, derivedRetryMaxMs(retryBaseMs)),
  };
}

/** What the empty delay fields stand for, as the hub would fill them in for the form's base delay. */
export function retryPlaceholders(
  form: Pick<CallLogForm, 'retryBaseMs'>,
): Pick<CallLogForm, 'retryBaseMs' | 'retryMaxMs'> {
  const base = form.retryBaseMs.trim() === '' ? DEFAULT_RETRY_BASE_MS : Number(form.retryBaseMs);
  const max = Number.isFinite(base) ? derivedRetryMaxMs(base) : DEFAULT_RETRY_MAX_MS;
  return { retryBaseMs: `${DEFAULT_RETRY_BASE_MS} (default)`, retryMaxMs: `${max} (default)` };
}

/** A problem found before sending: the field's path (as the hub would name it) and what to do. */
export interface FormProblem {
  /** `callLog.webhook.headers`, so the field's alert reads like the hub's. */
  readonly path: string;
  /** What is wrong and how to fix it. */
  readonly message: string;
}

export type CallLogDraft =
  | { readonly ok: true; readonly callLog: Record<string, unknown> }
  | { readonly ok: false; readonly problem: FormProblem };

function readDelay(text: string, path: string): number | undefined | FormProblem {
  if (text.trim() === '') return undefined;
  const value = Number(text);
  if (!Number.isFinite(value))
    return { path, message: `"${text}" is not a number; write milliseconds, e.g. 5000` };
  return value;
}

/**
 * The `callLog` section the form describes, for the hub to validate. Only what the page can see for itself
 * is checked here (headers that are not JSON, a delay that is not a number); ranges and the URL's scheme
 * are the hub's to judge. Without a URL there is no webhook, whatever the headers say; an empty delay is
 * left out, so the hub applies its default.
 */
export function settingsFromForm(form: CallLogForm): CallLogDraft {
  const dispositions = form.dispositions
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const url = form.webhookUrl.trim();
  if (url === '') return { ok: true, callLog: { prompt: form.prompt, dispositions } };

  let headers: unknown = {};
  if (form.headers.trim() !== '') {
    const parsed = parseDraft(form.headers, 'write {} for no headers');
    if (!parsed.ok) return { ok: false, problem: { path: 'callLog.webhook.headers', message: parsed.error } };
    headers = parsed.value;
  }
  const webhook: Record<string, unknown> = { url, headers };
  for (const [key, text] of [
    ['retryBaseMs', form.retryBaseMs],
    ['retryMaxMs', form.retryMaxMs],
  ] as const) {
    const delay = readDelay(text, `callLog.webhook.${key}`);
    if (typeof delay === 'object') return { ok: false, problem: delay };
    if (delay !== undefined) webhook[key] = delay;
  }
  return { ok: true, callLog: { prompt: form.prompt, dispositions, webhook } };
}

/** Mask shown instead of a header's value; the same length for every value, so it reveals nothing. */
export const MASK = '••••••••';

/** The headers with every value masked, or undefined when the text is not a JSON object. */
export function maskedHeaders(text: string): string | undefined {
  const parsed = parseDraft(text, '');
  if (
    !parsed.ok ||
    typeof parsed.value !== 'object' ||
    parsed.value === null ||
    Array.isArray(parsed.value)
  ) {
    return undefined;
  }
  return prettyJson(Object.fromEntries(Object.keys(parsed.value).map((name) => [name, MASK])));
}

/** Whether the headers text holds anything worth hiding. */
export function hasHeaderValues(text: string): boolean {
  const trimmed = text.trim();
  return trimmed !== '' && maskedHeaders(trimmed) !== '{}';
}
