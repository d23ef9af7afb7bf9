import { describe, expect, it } from 'vitest';
import type { Call } from '../../../src/core/call';
import type { ScreenPopRule } from '../../../src/core/config/types';
import { type HubState, initialHubState } from '../../../src/core/hub-state';
import { sampleCall } from '../../../src/core/rules/sample-call';
import { ENDED_POP_WINDOW_MS, popKey, screenPopsDue } from '../../../src/core/rules/screen-pops-due';

const NOW = 1_800_000_000_000;

const rule = (id: string, change: Partial<ScreenPopRule> = {}): ScreenPopRule => ({
  id,
  on: 'ringing',
  conditions: [],
  action: 'newTab',
  url: 'https://crm.example.com/c?p={e164}',
  ...change,
});

function state(calls: readonly Call[], recent: readonly Call[] = []): HubState {
  return { ...initialHubState({ profileId: 'demo', vendorId: 'demo', label: 'Demo' }, 0), calls, recent };
}

const keys = (due: ReturnType<typeof screenPopsDue>) => due.map((pop) => pop.key);

const ringing = sampleCall({ id: 'c1', state: 'ringing' });
const talking = sampleCall({ id: 'c2', state: 'connected', answeredAt: NOW - 1000 });
const ended = (id: string, endedAt: number, answeredAt?: number) =>
  sampleCall({ id, state: 'ended', endedAt, answeredAt });

describe('screenPopsDue', () => {
  it('pops once per rule per call, rules in the order written', () => {
    const rules = [rule('a'), rule('b')];
    const due = screenPopsDue(state([ringing, talking]), rules, new Set(), NOW);
    expect(keys(due)).toEqual(['a|c1', 'b|c1', 'a|c2', 'b|c2']);
    expect(due[0]).toMatchObject({ rule: rules[0], call: ringing, key: popKey('a', 'c1') });
  });

  it('leaves out the pops already done', () => {
    const done = new Set([popKey('a', 'c1'), popKey('b', 'c2')]);
    expect(keys(screenPopsDue(state([ringing, talking]), [rule('a'), rule('b')], done, NOW))).toEqual([
      'b|c1',
      'a|c2',
    ]);
  });

  it('waits for the rule moment', () => {
    const rules = [rule('ring'), rule('answer', { on: 'answered' }), rule('end', { on: 'ended' })];
    expect(keys(screenPopsDue(state([ringing]), rules, new Set(), NOW))).toEqual(['ring|c1']);
    expect(keys(screenPopsDue(state([talking]), rules, new Set(), NOW))).toEqual(['ring|c2', 'answer|c2']);
  });

  it('an ended call pops only its ended rules, and only within the window', () => {
    const rules = [rule('ring'), rule('answer', { on: 'answered' }), rule('end', { on: 'ended' })];
    const fresh = ended('e1', NOW - 1000, NOW - 5000);
    const edge = ended('e2', NOW - ENDED_POP_WINDOW_MS);
    const stale = ended('e3', NOW - ENDED_POP_WINDOW_MS - 1);
    const undated = sampleCall({ id: 'e4', state: 'ended' });
    expect(keys(screenPopsDue(state([], [fresh, edge, stale, undated]), rules, new Set(), NOW))).toEqual([
      'end|e1',
      'end|e2',
    ]);
  });

  it('applies each rule conditions', () => {
    const inboundOnly = rule('in', { conditions: [{ field: 'direction', equals: 'inbound' }] });
    const gold = rule('gold', { conditions: [{ field: 'vendor.tier', matches: '^Gold$' }] });
    const outbound = sampleCall({
      id: 'o1',
      direction: 'outbound',
      state: 'dialing',
      vendorData: { tier: 'Gold' },
    });
    const inbound = sampleCall({ id: 'i1', vendorData: {} });
    expect(keys(screenPopsDue(state([outbound, inbound]), [inboundOnly, gold], new Set(), NOW))).toEqual([
      'gold|o1',
      'in|i1',
    ]);
  });

  it('no rules, or no calls: nothing', () => {
    expect(screenPopsDue(state([ringing]), [], new Set(), NOW)).toEqual([]);
    expect(screenPopsDue(state([]), [rule('a')], new Set(), NOW)).toEqual([]);
  });

  it('one pop per key even when the input repeats a rule id or a call', () => {
    const twice = [rule('a'), rule('a', { url: 'https://other.example/' })];
    expect(keys(screenPopsDue(state([ringing, ringing]), twice, new Set(), NOW))).toEqual(['a|c1']);
  });
});
