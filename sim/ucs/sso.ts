import { createHash, timingSafeEqual } from 'node:crypto';

/** How old (or how far in the future) an SSO timestamp may be; older tokens are stale. */
export const SSO_MAX_AGE_SECONDS = 300;

/** The document's recipe: base64(sha1_binary(secret + username + timestamp) + username + timestamp). */
export function ssoToken(secret: string, username: string, timestamp: number | string): string {
  const tail = `${username}${timestamp}`;
  const digest = createHash('sha1').update(`${secret}${tail}`, 'utf8').digest();
  return Buffer.concat([digest, Buffer.from(tail, 'utf8')]).toString('base64');
}

/** Why a token was refused, or null when it is good. */
export type SsoRefusal = 'malformed' | 'wrong-user' | 'bad-signature' | 'stale' | null;

/**
 * Checks `token` for `username` against `secret` at `nowSeconds`.
 * ASSUMPTION: the timestamp is Unix seconds (the document does not say); tokens more than
 * SSO_MAX_AGE_SECONDS away from now, either way, are stale.
 */
export function verifySsoToken(
  secret: string,
  username: string,
  token: string,
  nowSeconds: number = Math.floor(Date.now() / 1000),
): SsoRefusal {
  const raw = Buffer.from(token, 'base64');
  if (raw.length <= 20) return 'malformed';
  const tail = raw.subarray(20).toString('utf8');
  if (!tail.startsWith(username)) return 'wrong-user';
  const stamp = tail.slice(username.length);
  if (!/^\d+$/.test(stamp)) return 'malformed';
  const expected = createHash('sha1').update(`${secret}${tail}`, 'utf8').digest();
  if (!timingSafeEqual(expected, raw.subarray(0, 20))) return 'bad-signature';
  if (Math.abs(nowSeconds - Number(stamp)) > SSO_MAX_AGE_SECONDS) return 'stale';
  return null;
}
