// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  IdleRunner,
  SLICE_BUDGET_MS,
  type SliceTiming,
} from '../../../content-scripts/phone-scan/idle-runner';

afterEach(() => {
  vi.useRealTimers();
});

describe('IdleRunner', () => {
  it('runs work in slices until it is done, and not before the page is idle', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let left = 5;
    const slices: SliceTiming[] = [];
    const runner = new IdleRunner(
      window,
      () => --left <= 0,
      (timing) => slices.push(timing),
    );
    runner.kick();
    runner.kick();
    expect(slices).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(50);
    expect(slices.map((slice) => slice.drained)).toEqual([false, false, false, false, true]);
    runner.kick();
    await vi.advanceTimersByTimeAsync(50);
    expect(slices).toHaveLength(6);
  });

  it('tells the work when its slice is used up', () => {
    let now = 0;
    const clock = vi.spyOn(performance, 'now').mockImplementation(() => now);
    const scheduled: (() => void)[] = [];
    const view = {
      requestIdleCallback: (callback: IdleRequestCallback) => {
        scheduled.push(() => callback({ didTimeout: true, timeRemaining: () => 0 }));
        return scheduled.length;
      },
      cancelIdleCallback: () => {},
    } as unknown as Window;
    let steps = 0;
    const runner = new IdleRunner(view, (outOfTime) => {
      while (!outOfTime()) {
        now += 1;
        steps++;
      }
      return true;
    });
    runner.kick();
    scheduled.shift()!();
    expect(steps).toBe(SLICE_BUDGET_MS);
    clock.mockRestore();
  });

  it('does nothing after stop()', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const work = vi.fn(() => true);
    const runner = new IdleRunner(window, work);
    runner.kick();
    runner.stop();
    runner.kick();
    await vi.advanceTimersByTimeAsync(50);
    expect(work).not.toHaveBeenCalled();
  });
});
