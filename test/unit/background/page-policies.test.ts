import { describe, expect, it, vi } from 'vitest';
import { numberInSelection } from '../../../src/background/dial-selection';
import { PagePolicies } from '../../../src/background/page-policies';
import { defaultConfig } from '../../../src/core/config/defaults';

const memory = () => {
  const map = new Map<string, unknown>();
  return {
    map,
    get: async <T>(k: string) => map.get(k) as T | undefined,
    set: async (k: string, v: unknown) => void map.set(k, v),
  };
};

describe('PagePolicies', () => {
  it('is inert until configured, then follows the configuration', () => {
    const policies = new PagePolicies(memory());
    expect(policies.policyFor('https://crm.example.com/').bar).toBe(false);
    policies.setConfig(defaultConfig());
    expect(policies.policyFor('https://crm.example.com/')).toMatchObject({ bar: true, detection: true });
    expect(policies.policyFor(undefined).bar).toBe(false);
  });

  it("keeps the agent's detection switch per origin, saved, and tells listeners", async () => {
    const store = memory();
    const policies = new PagePolicies(store);
    policies.setConfig(defaultConfig());
    const listener = vi.fn();
    policies.subscribe(listener);
    await policies.setDetection('https://crm.example.com/lead/4', false);
    expect(listener).toHaveBeenCalledOnce();
    expect(policies.policyFor('https://crm.example.com/other').detection).toBe(false);
    expect(policies.policyFor('https://wiki.example.com/').detection).toBe(true);

    const restarted = new PagePolicies(store);
    await restarted.load();
    restarted.setConfig(defaultConfig());
    expect(restarted.policyFor('https://crm.example.com/x').detection).toBe(false);
    await restarted.setDetection('https://crm.example.com/', true);
    expect(restarted.policyFor('https://crm.example.com/x').detection).toBe(true);
    await expect(restarted.setDetection('chrome://settings', false)).rejects.toThrow(/web pages/);
  });
});

describe('numberInSelection', () => {
  it('takes the first phone number in the selected text, in the default region', () => {
    expect(numberInSelection('Call Olivia on 020 7946 0958 or 07700 900123', 'GB')).toBe('+442079460958');
    expect(numberInSelection('  +1 (415) 555-0132 ', 'IT')).toBe('+14155550132');
  });
  it('takes a bare extension or short number as typed, and nothing from prose', () => {
    expect(numberInSelection('2001', 'US')).toBe('2001');
    expect(numberInSelection('see you at lunch', 'US')).toBeUndefined();
  });
});
