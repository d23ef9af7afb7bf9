/**
 * The CRM page's way to log the agent in (UCS: "the system into which the application is integrated
 * passes the login"): the page posts
 *   window.postMessage({ type: 'softbar:ssoToken', username, token }, location.origin)
 * and gets back { type: 'softbar:ssoTokenResult', ok, error? }. Only the page's own window may post it
 * (not its frames); the worker then judges the page by the URL Chrome reports and the profile's
 * `crmOrigins`, so this relay decides nothing.
 */

/** The message a CRM page posts. */
export const SSO_TOKEN_MESSAGE = 'softbar:ssoToken';
/** What the page gets back. */
export const SSO_TOKEN_RESULT = 'softbar:ssoTokenResult';

/** Longest token taken (a UCS token is ~60 characters; SAML-sized ones still fit). */
const MAX_TOKEN = 8192;

/** Listens on `win` and hands each well-formed token to `send`; returns the stop function. */
export function relaySsoTokens(
  win: Window,
  send: (username: string, token: string) => Promise<void>,
): () => void {
  const onMessage = (event: MessageEvent) => {
    if (event.source !== win || event.origin !== win.location.origin) return;
    const data: unknown = event.data;
    if (typeof data !== 'object' || data === null) return;
    const { type, username, token } = data as Record<string, unknown>;
    if (type !== SSO_TOKEN_MESSAGE) return;
    const answer = (result: { ok: boolean; error?: string }) =>
      win.postMessage({ type: SSO_TOKEN_RESULT, ...result }, win.location.origin);
    if (typeof username !== 'string' || typeof token !== 'string' || token.length > MAX_TOKEN) {
      answer({ ok: false, error: 'Give "username" and "token" as text.' });
      return;
    }
    send(username, token).then(
      () => answer({ ok: true }),
      (error: unknown) =>
        answer({ ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
  };
  win.addEventListener('message', onMessage);
  return () => win.removeEventListener('message', onMessage);
}
