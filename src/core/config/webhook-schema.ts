import * as v from 'valibot';
import { DEFAULT_RETRY_BASE_MS, DEFAULT_RETRY_MAX_MS } from './defaults';
import { objectWith, plainObject } from './schema-parts';
import type { WebhookSettings } from './types';
import { worded } from './valibot-issues';
import { quote } from './wording';

/** Fields of `callLog.webhook`. */
export const WEBHOOK_FIELDS = ['url', 'headers', 'retryBaseMs', 'retryMaxMs'] as const;

/** Hosts a webhook may be reached on over plain http: this machine only (a local relay or test server). */
const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '[::1]'];

const URL_EXAMPLE = '"https://logs.example.com/softbar/calls"';

/** Shortest first retry delay: faster retries would only hammer a receiver that is down. */
const MIN_RETRY_MS = 100;
/** Longest delay a document may set: a log should not wait more than a day between tries. */
const MAX_RETRY_MS = 86_400_000;

/** Why `text` cannot be the webhook address, or undefined when it can. */
function webhookUrlProblem(text: string): string | undefined {
  if (text.trim() === '') return `is empty; write the address logs are POSTed to, e.g. ${URL_EXAMPLE}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return `${quote(text)} is not a full URL; write the whole address, e.g. ${URL_EXAMPLE}`;
  }
  const loopbackOnly = 'http only to 127.0.0.1, localhost or [::1]';
  if (url.protocol === 'http:' && !LOOPBACK_HOSTS.includes(url.hostname)) {
    return `${quote(text)} is not https; call logs carry customer data, so Softbar sends them over https (${loopbackOnly}): use ${quote(`https:${text.trim().slice(5)}`)}`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return `${quote(text)} is a ${url.protocol} URL; Softbar POSTs logs to https addresses (${loopbackOnly}), e.g. ${URL_EXAMPLE}`;
  // The address is shown in the options page and the call history; headers stay in the worker.
  if (url.username !== '' || url.password !== '')
    return `${quote(text)} has a user name or password in it, and the address is shown to agents; put credentials in "headers" instead, e.g. "Authorization": "Basic ..."`;
  return undefined;
}

/** An HTTP field name (RFC 9110 `token`). */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * Headers Softbar sets itself: the body is JSON, and the idempotency key is the call id so that a receiver
 * can drop a log a retry delivers twice. An admin's value would break one or the other, so it is refused.
 */
const RESERVED_HEADERS = ['content-type', 'idempotency-key'];

/** Headers `fetch` will not send (Fetch standard, "forbidden request-header"): set, they would vanish silently. */
const FORBIDDEN_HEADERS = [
  'accept-charset',
  'accept-encoding',
  'access-control-request-headers',
  'access-control-request-method',
  'access-control-request-private-network',
  'connection',
  'content-length',
  'cookie',
  'cookie2',
  'date',
  'dnt',
  'expect',
  'host',
  'keep-alive',
  'origin',
  'referer',
  'set-cookie',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'via',
];
const FORBIDDEN_PREFIXES = ['proxy-', 'sec-'];

function headerNameProblem(name: string): string | undefined {
  const lower = name.toLowerCase();
  if (!HEADER_NAME.test(name))
    return `${quote(name)} is not an HTTP header name; write a name without spaces, ":" or quotes, e.g. "Authorization" or "X-Api-Key"`;
  if (RESERVED_HEADERS.includes(lower))
    return `${quote(name)} is set by Softbar on every POST (Content-Type: application/json; Idempotency-Key: the call id, so the receiver can drop a log it already has); remove it`;
  if (FORBIDDEN_HEADERS.includes(lower) || FORBIDDEN_PREFIXES.some((prefix) => lower.startsWith(prefix)))
    return `${quote(name)} is a header browsers do not let extensions set (it would be dropped without a word); remove it`;
  return undefined;
}

const headerNameSchema = v.pipe(
  v.string(),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const problem = headerNameProblem(dataset.value);
    if (problem !== undefined) addIssue({ message: worded(problem) });
  }),
);

/** Whether `fetch` takes `value` as a header value: no line break or NUL, nothing beyond Latin-1. */
function isHeaderValue(value: string): boolean {
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    if (code > 0xff || code === 0 || code === 0x0a || code === 0x0d) return false;
  }
  return true;
}

const headerValueSchema = v.pipe(
  v.string(),
  v.check(
    isHeaderValue,
    worded(
      'has a line break or a character beyond Latin-1, which HTTP headers cannot carry; write it on one line, in plain ASCII',
    ),
  ),
);

const headersSchema = v.pipe(
  plainObject('write the headers as { "Authorization": "Bearer ..." }'),
  v.record(headerNameSchema, headerValueSchema),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const seen = new Map<string, string>();
    for (const [name, value] of Object.entries(dataset.value)) {
      const first = seen.get(name.toLowerCase());
      if (first === undefined) seen.set(name.toLowerCase(), name);
      else {
        addIssue({
          message: worded(`repeats the header ${quote(first)} (header names ignore case); keep one of them`),
          path: [{ type: 'object', origin: 'value', input: dataset.value, key: name, value }],
        });
      }
    }
  }),
);

const retryMsSchema = v.pipe(
  v.number(),
  v.integer(worded((issue) => `${issue.received} is not a whole number; give milliseconds, e.g. 2000`)),
  v.minValue(MIN_RETRY_MS),
  v.maxValue(
    MAX_RETRY_MS,
    worded((issue) => `${issue.received} is too large; use ${MAX_RETRY_MS} (one day) or less`),
  ),
);

/** `callLog.webhook`, defaults applied: no extra headers, retries from 2 s doubling up to 5 min. */
export const webhookSchema: v.GenericSchema<unknown, WebhookSettings> = v.pipe(
  plainObject(`write it as { "url": ${URL_EXAMPLE}, "headers": { "Authorization": "Bearer ..." } }`),
  objectWith(
    {
      url: v.pipe(
        v.string(),
        v.rawCheck(({ dataset, addIssue }) => {
          if (!dataset.typed) return;
          const problem = webhookUrlProblem(dataset.value);
          if (problem !== undefined) addIssue({ message: worded(problem) });
        }),
      ),
      headers: v.optional(headersSchema, {}),
      retryBaseMs: v.optional(retryMsSchema, DEFAULT_RETRY_BASE_MS),
      retryMaxMs: v.optional(retryMsSchema),
    },
    { url: `add the address each finished log is POSTed to, e.g. "url": ${URL_EXAMPLE}` },
  ),
  v.forward(
    v.partialCheck(
      [['retryBaseMs'], ['retryMaxMs']],
      ({ retryBaseMs, retryMaxMs }) => retryMaxMs === undefined || retryMaxMs >= retryBaseMs,
      worded((issue) => {
        const { retryBaseMs, retryMaxMs } = issue.input as { retryBaseMs: number; retryMaxMs: number };
        return `${retryMaxMs} is less than retryBaseMs (${retryBaseMs}); use ${retryBaseMs} or more: retries wait longer after each failure, up to retryMaxMs`;
      }),
    ),
    ['retryMaxMs'],
  ),
  v.transform((webhook) => ({
    ...webhook,
    retryMaxMs: webhook.retryMaxMs ?? Math.max(DEFAULT_RETRY_MAX_MS, webhook.retryBaseMs),
  })),
);
