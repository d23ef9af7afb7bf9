/**
 * The UCS SSO token, made where the secret is kept (the worker): base64(sha1_binary(secret + username +
 * timestamp) + username + timestamp). WebCrypto only, so it runs in the service worker.
 */

/** The token for `username` at `timestamp` (Unix seconds; the simulator's assumption too). */
export async function makeSsoToken(
  secret: string,
  username: string,
  timestamp: number | string,
): Promise<string> {
  const encoder = new TextEncoder();
  const tail = encoder.encode(`${username}${timestamp}`);
  const digest = new Uint8Array(
    await crypto.subtle.digest('SHA-1', encoder.encode(`${secret}${username}${timestamp}`)),
  );
  const bytes = new Uint8Array(digest.length + tail.length);
  bytes.set(digest, 0);
  bytes.set(tail, digest.length);
  return toBase64(bytes);
}

/** The current Unix time in seconds, the token's timestamp. */
export function ssoTimestamp(nowMs: number = Date.now()): number {
  return Math.floor(nowMs / 1000);
}

// btoa takes a "binary string": one char per byte. The token is short, so no chunking is needed.
function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}
