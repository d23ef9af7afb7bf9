import type { WebhookSettings } from '../../core/config/types';
import type { CallLogRecord } from '../../core/history/types';
import type { FailureScope } from './db';

/** What one POST came to. */
export type PostOutcome =
  | { readonly ok: true }
  | {
      readonly ok: false;
      /** Status or error text for the history view and the log; never the request headers. */
      readonly error: string;
      /** `server`: retry later for every log; `request`: only this log was refused. */
      readonly scope: FailureScope;
    };

/** The request body: a versioned envelope so receivers can tell formats apart. */
export interface WebhookBody {
  /** What the body is. */
  readonly type: 'softbar.callLog';
  /** The body format's version; a change receivers must handle bumps it. */
  readonly version: 1;
  /** The log as the history holds it. */
  readonly log: CallLogRecord;
}

// Refusals that say "not now" rather than "not this log".
const SERVER_SIDE_4XX = new Set([408, 425, 429]);

function statusOutcome(response: Response): PostOutcome {
  if (response.ok) return { ok: true };
  if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
    return {
      ok: false,
      error: 'The webhook answered with a redirect; configure its final URL.',
      scope: 'server',
    };
  }
  const error = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
  const refused = response.status >= 400 && response.status < 500 && !SERVER_SIDE_4XX.has(response.status);
  return { ok: false, error, scope: refused ? 'request' : 'server' };
}

/**
 * POSTs one log. Redirects are not followed: a 301/302 would turn the POST into a GET whose 2xx would
 * pass for a delivery. `idempotencyKey` lets the receiver drop a repeat (the worker can stop between a
 * 2xx and recording it, so a log may be sent twice; the key makes that harmless).
 */
export async function postLog(
  fetchFn: typeof fetch,
  webhook: WebhookSettings,
  log: CallLogRecord,
  idempotencyKey: string,
  timeoutMs: number,
): Promise<PostOutcome> {
  const body: WebhookBody = { type: 'softbar.callLog', version: 1, log };
  let headers: Headers;
  try {
    headers = new Headers(webhook.headers);
  } catch {
    // The error text can quote the offending value, which may be a token.
    return {
      ok: false,
      error: 'The webhook headers are invalid; check their names and values.',
      scope: 'server',
    };
  }
  headers.set('content-type', 'application/json');
  headers.set('idempotency-key', idempotencyKey);
  try {
    const response = await fetchFn(webhook.url, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
      redirect: 'manual',
      credentials: 'omit',
      cache: 'no-store',
      signal: AbortSignal.timeout(timeoutMs),
    });
    // Free the connection; the answer's body is not used.
    await response.body?.cancel().catch(() => {});
    return statusOutcome(response);
  } catch (error) {
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    const text = timedOut
      ? `No answer within ${timeoutMs / 1000} s.`
      : error instanceof Error
        ? error.message
        : String(error);
    return { ok: false, error: text, scope: 'server' };
  }
}
