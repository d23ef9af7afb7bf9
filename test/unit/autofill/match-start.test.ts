import { describe, expect, it } from 'vitest';
import { trackMatchStart } from '../../../content-scripts/autofill/match-start';
import { NOW } from '../ui/fixtures';
import { caseRule, FORM_URL } from './rules';

const LOADED = NOW - 60_000;
const OTHER_URL = 'https://crm.example.com/cases/42';

describe('trackMatchStart', () => {
  it('starts a rule’s window when it first matches, and keeps it while it keeps matching', () => {
    const track = trackMatchStart(LOADED);
    const rule = caseRule({ on: 'ended' });
    expect(track([], FORM_URL, NOW)(rule)).toBe(NOW);
    expect(track([rule], FORM_URL, NOW + 1_000)(rule)).toBe(NOW + 1_000);
    expect(track([rule], FORM_URL, NOW + 9_000)(rule)).toBe(NOW + 1_000);
  });

  it('never opens before the page loaded', () => {
    const rule = caseRule({ on: 'ended' });
    expect(trackMatchStart(NOW)([rule], FORM_URL, NOW - 5_000)(rule)).toBe(NOW);
  });

  it('starts again on a new URL, after a break, and when the rule is edited', () => {
    const track = trackMatchStart(LOADED);
    const rule = caseRule({ on: 'ended' });
    track([rule], FORM_URL, NOW);
    expect(track([rule], OTHER_URL, NOW + 1_000)(rule)).toBe(NOW + 1_000);
    track([], OTHER_URL, NOW + 2_000);
    expect(track([rule], OTHER_URL, NOW + 3_000)(rule)).toBe(NOW + 3_000);
    const edited = { ...rule, conditions: [{ field: 'queue', equals: 'Billing' }] } as const;
    expect(track([edited], OTHER_URL, NOW + 4_000)(edited)).toBe(NOW + 4_000);
  });
});
