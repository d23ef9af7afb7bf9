import { describe, expect, it } from 'vitest';
import { ssoToken, verifySsoToken } from '../../../sim/ucs/sso';
import { makeSsoToken, ssoTimestamp } from '../../../src/vendors/ucs/sso';

describe('UCS SSO token (WebCrypto)', () => {
  it('matches the simulator recipe for the same inputs', async () => {
    for (const [secret, user, stamp] of [
      ['secret', 'jan.novak', 1_700_000_000],
      ['s3', 'eva', '42'],
      ['tajné heslo', 'jiří.čermák', 1_712_345_678],
    ] as const)
      expect(await makeSsoToken(secret, user, stamp)).toBe(ssoToken(secret, user, stamp));
  });

  it('makes a token the simulator accepts now', async () => {
    const now = ssoTimestamp(1_700_000_000_999);
    expect(now).toBe(1_700_000_000);
    expect(
      verifySsoToken('secret', 'jan.novak', await makeSsoToken('secret', 'jan.novak', now), now),
    ).toBeNull();
  });
});
