import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MethodStep } from '../../../src/vendors/ucs/command-plan';
import { Confirmations } from '../../../src/vendors/ucs/confirmations';

describe('UCS method confirmations', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const make = () =>
    new Confirmations({ confirmMs: 1000, graceMs: 100 }, (step) => `no answer to ${step.method}`);
  const hold: MethodStep = { method: 'tribute', args: [], confirmedBy: (name) => name === 'onCallHold' };

  it('resolves on the confirming callback only', async () => {
    const confirmations = make();
    const outcome = confirmations.expect(hold);
    let done = false;
    void outcome.then(() => {
      done = true;
    });
    confirmations.callback('onCallResume', []);
    await Promise.resolve();
    expect(done).toBe(false);
    confirmations.callback('onCallHold', []);
    await outcome;
    expect(done).toBe(true);
  });

  it("rejects with UCS's own words when a warning names the method; other warnings are left alone", async () => {
    const confirmations = make();
    const outcome = confirmations.expect(hold);
    expect(confirmations.refusal('answer: no incoming call to answer')).toBe(false);
    expect(confirmations.refusal('tribute: only a connected call can be held')).toBe(true);
    await expect(outcome).rejects.toThrow('UCS refused tribute: only a connected call can be held');
    const again = make().expect(hold);
    void again.catch(() => undefined);
  });

  it('a wrong-state warning keeps its whole text', async () => {
    const confirmations = make();
    const outcome = confirmations.expect(hold);
    confirmations.refusal('tribute is not allowed in state IDENTIFY (allowed: READY)');
    await expect(outcome).rejects.toThrow(
      'UCS refused tribute: tribute is not allowed in state IDENTIFY (allowed: READY)',
    );
  });

  it('times out a method that needs a callback; resolves one without after the grace period', async () => {
    const confirmations = make();
    const held = confirmations.expect(hold);
    const code = confirmations.expect({ method: 'setAccountCode', args: [] });
    const heldResult = held.catch((error: Error) => error.message);
    await vi.advanceTimersByTimeAsync(100);
    await expect(code).resolves.toBeUndefined();
    await vi.advanceTimersByTimeAsync(1000);
    expect(await heldResult).toBe('no answer to tribute');
  });

  it('fails everything still waiting at once', async () => {
    const confirmations = make();
    const outcome = confirmations.expect(hold);
    confirmations.failAll('closed');
    await expect(outcome).rejects.toThrow('closed');
  });
});
