import { describe, expect, it } from 'vitest';
import { dueFills, ENDED_GRACE_MS } from '../../../content-scripts/autofill/due';
import { makeCall, makeState, NOW } from '../ui/fixtures';
import { caseRule, FORM_URL } from './rules';

/** Every rule's window opened now. */
const AT_NOW = () => NOW;
const ids = (due: ReturnType<typeof dueFills>) => due.map(({ rule, call }) => `${rule.id}/${call.id}`);

describe('dueFills', () => {
  const ringing = makeCall({
    id: 'ringing',
    state: 'ringing',
    createdAt: NOW - 5_000,
    answeredAt: undefined,
  });
  const talking = makeCall({ id: 'talking' });

  it('takes the newest live call that reached the rule’s moment', () => {
    const state = makeState({ calls: [ringing, talking] });
    expect(ids(dueFills(state, [caseRule({ on: 'answered' })], FORM_URL, AT_NOW))).toEqual([
      'case-form/talking',
    ]);
    // Both rang; the ringing one came in last.
    expect(ids(dueFills(state, [caseRule({ on: 'ringing' })], FORM_URL, AT_NOW))).toEqual([
      'case-form/ringing',
    ]);
    // Answered last wins, though it rang first.
    const late = makeCall({ id: 'late', createdAt: NOW - 120_000, answeredAt: NOW - 9_000 });
    expect(
      ids(dueFills(makeState({ calls: [talking, late] }), [caseRule({ on: 'answered' })], FORM_URL, AT_NOW)),
    ).toEqual(['case-form/late']);
  });

  it('takes the newest call that meets the rule’s conditions, one per rule', () => {
    const billing = caseRule({
      id: 'billing',
      on: 'ringing',
      conditions: [{ field: 'queue', equals: 'Billing' }],
    });
    const state = makeState({
      calls: [
        { ...talking, queue: 'Billing' },
        { ...ringing, queue: 'Support' },
      ],
    });
    expect(ids(dueFills(state, [billing, caseRule({ on: 'ringing' })], FORM_URL, AT_NOW))).toEqual([
      'billing/talking',
      'case-form/ringing',
    ]);
  });

  it('needs the page’s URL to match and the conditions to hold; manual rules never come due', () => {
    const state = makeState({ calls: [talking] });
    expect(dueFills(state, [caseRule()], 'https://crm.example.com/contacts/1', AT_NOW)).toEqual([]);
    expect(dueFills(state, [caseRule()], 'https://other.example.com/cases/new', AT_NOW)).toEqual([]);
    const billing = caseRule({ conditions: [{ field: 'queue', equals: 'Billing' }] });
    expect(dueFills(state, [billing], FORM_URL, AT_NOW)).toEqual([]);
    expect(
      ids(dueFills(makeState({ calls: [{ ...talking, queue: 'Billing' }] }), [billing], FORM_URL, AT_NOW)),
    ).toEqual(['case-form/talking']);
    expect(dueFills(state, [caseRule({ on: 'manual' })], FORM_URL, AT_NOW)).toEqual([]);
  });

  it('takes the newest call that ended since a minute before the rule’s window opened', () => {
    const ended = (id: string, endedAt: number) => makeCall({ id, state: 'ended', endedAt });
    const rule = caseRule({ on: 'ended' });
    const state = makeState({
      recent: [
        ended('after', NOW + 5_000),
        ended('just-before', NOW - ENDED_GRACE_MS + 1_000),
        ended('long-before', NOW - ENDED_GRACE_MS - 1_000),
      ],
    });
    expect(ids(dueFills(state, [rule], FORM_URL, AT_NOW))).toEqual(['case-form/after']);
    const older = makeState({ recent: state.recent.slice(1) });
    expect(ids(dueFills(older, [rule], FORM_URL, AT_NOW))).toEqual(['case-form/just-before']);
    expect(dueFills(makeState({ recent: state.recent.slice(2) }), [rule], FORM_URL, AT_NOW)).toEqual([]);
    // The window is the rule's: one that began to match later does not reach back to the page's load.
    expect(dueFills(older, [rule], FORM_URL, () => NOW + 10 * 60_000)).toEqual([]);
    // A live call has not ended.
    expect(dueFills(makeState({ calls: [talking] }), [rule], FORM_URL, AT_NOW)).toEqual([]);
  });
});
