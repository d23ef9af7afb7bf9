import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SSO_MAX_AGE_SECONDS, ssoToken, verifySsoToken } from '../../../sim/ucs';

const NOW = 1_700_000_000;

describe('UCS simulator: SSO token', () => {
  it('follows the recipe: base64(binary sha1(secret+username+timestamp) + username + timestamp)', () => {
    // Computed independently (Python hashlib/base64) from the document's recipe.
    expect(ssoToken('secret', 'jan.novak', NOW)).toBe('JNcmMvXhSGn0ijDlJyUwSyivwylqYW4ubm92YWsxNzAwMDAwMDAw');
    const raw = Buffer.from(ssoToken('s3', 'eva', '42'), 'base64');
    expect(raw.subarray(0, 20)).toEqual(createHash('sha1').update('s3eva42').digest());
    expect(raw.subarray(20).toString()).toBe('eva42');
  });

  it('accepts a fresh token', () => {
    expect(verifySsoToken('secret', 'jan.novak', ssoToken('secret', 'jan.novak', NOW), NOW)).toBeNull();
    expect(verifySsoToken('secret', 'jan.novak', ssoToken('secret', 'jan.novak', NOW - 60), NOW)).toBeNull();
  });

  it('rejects a stale token, and one from too far in the future', () => {
    const old = ssoToken('secret', 'jan.novak', NOW - SSO_MAX_AGE_SECONDS - 1);
    expect(verifySsoToken('secret', 'jan.novak', old, NOW)).toBe('stale');
    const future = ssoToken('secret', 'jan.novak', NOW + SSO_MAX_AGE_SECONDS + 1);
    expect(verifySsoToken('secret', 'jan.novak', future, NOW)).toBe('stale');
  });

  it('rejects a wrong secret, another user and garbage', () => {
    expect(verifySsoToken('secret', 'jan.novak', ssoToken('other', 'jan.novak', NOW), NOW)).toBe(
      'bad-signature',
    );
    expect(verifySsoToken('secret', 'jan.novak', ssoToken('secret', 'eva', NOW), NOW)).toBe('wrong-user');
    expect(verifySsoToken('secret', 'jan.novak', 'bm90IGEgdG9rZW4=', NOW)).toBe('malformed');
  });

  it('rejects a hex digest in place of the binary one', () => {
    const hex = createHash('sha1').update(`secretjan.novak${NOW}`).digest('hex');
    const token = Buffer.from(`${hex}jan.novak${NOW}`).toString('base64');
    expect(verifySsoToken('secret', 'jan.novak', token, NOW)).not.toBeNull();
  });
});
