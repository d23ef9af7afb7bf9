import { describe, expect, it } from 'vitest';
import { dueFills, ENDED_GRACE_MS } from '../../../content-scripts/autofill/due';
import { makeCall, makeState, NOW } from '../ui/fixtures';
import { caseRule, FORM_URL } from './rules';

const ids = (due: ReturnType<typeof dueFills>) => due.map(({ rule, call }) => `${rule.id}/${call.id}`);

describe('dueFills', () => {
  const ringing = makeCall({ id: 'ringing', state: 'ringing', answeredAt: undefined });
  const talking = makeCall({ id: 'talking' });

  it('takes live calls that reached the rule’s moment', () => {
    const state = makeState({ calls: [ringing, talking] });
    expect(ids(dueFills(state, [caseRule({ on: 'answered' })], FORM_URL, NOW))).toEqual([
      'case-form/talking',
    ]);
    expect(ids(dueFills(state, [caseRule({ on: 'ringing' })], FORM_URL, NOW))).toEqual([
      'case-form/ringing',
      'case-form/talking',
    ]);
  });

  it('needs the page’s URL to match and the conditions to hold; manual rules never come due', () => {
    const state = makeState({ calls: [talking] });
    expect(dueFills(state, [caseRule()], 'https://crm.example.com/contacts/1', NOW)).toEqual([]);
    expect(dueFills(state, [caseRule()], 'https://other.example.com/cases/new', NOW)).toEqual([]);
    const billing = caseRule({ conditions: [{ field: 'queue', equals: 'Billing' }] });
    expect(dueFills(state, [billing], FORM_URL, NOW)).toEqual([]);
    expect(
      ids(dueFills(makeState({ calls: [{ ...talking, queue: 'Billing' }] }), [billing], FORM_URL, NOW)),
    ).toEqual(['case-form/talking']);
    expect(dueFills(state, [caseRule({ on: 'manual' })], FORM_URL, NOW)).toEqual([]);
  });

  it('takes ended calls from just before the page opened, oldest first, and no older ones', () => {
    const ended = (id: string, endedAt: number) => makeCall({ id, state: 'ended', endedAt });
    const state = makeState({
      recent: [
        ended('after', NOW + 5_000),
        ended('just-before', NOW - ENDED_GRACE_MS + 1_000),
        ended('long-before', NOW - ENDED_GRACE_MS - 1_000),
      ],
    });
    expect(ids(dueFills(state, [caseRule({ on: 'ended' })], FORM_URL, NOW))).toEqual([
      'case-form/just-before',
      'case-form/after',
    ]);
    // A live call has not ended.
    expect(dueFills(makeState({ calls: [talking] }), [caseRule({ on: 'ended' })], FORM_URL, NOW)).toEqual([]);
  });
});
