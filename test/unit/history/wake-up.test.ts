import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  type AlarmsApi,
  alarmWakeUp,
  HISTORY_ALARM,
  wakeOnHistoryAlarm,
} from '../../../src/background/history/alarm-wakeup';
import { retryDelay } from '../../../src/background/history/backoff';
import { combinedWakeUp, timerWakeUp } from '../../../src/background/history/wake-up';
import { DEFAULT_RETRY_BASE_MS, DEFAULT_RETRY_MAX_MS } from '../../../src/core/config/defaults';

afterEach(() => {
  vi.useRealTimers();
});

describe('timerWakeUp', () => {
  it('fires once at the time asked for, the latest request replacing the earlier', () => {
    vi.useFakeTimers({ now: 1_000 });
    const onWake = vi.fn();
    const timer = timerWakeUp(onWake);
    timer.wakeAt(6_000);
    timer.wakeAt(3_000);
    vi.advanceTimersByTime(1_999);
    expect(onWake).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onWake).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(10_000);
    expect(onWake).toHaveBeenCalledTimes(1);

    timer.wakeAt(20_000);
    timer.clear();
    vi.advanceTimersByTime(20_000);
    expect(onWake).toHaveBeenCalledTimes(1);
  });
});

describe('alarmWakeUp', () => {
  it('sets and clears one named alarm, and only that alarm wakes the history', async () => {
    const alarms = { create: vi.fn(async () => {}), clear: vi.fn(async () => true) };
    const scheduler = alarmWakeUp(() => {}, alarms as unknown as AlarmsApi);
    scheduler.wakeAt(123_456);
    scheduler.clear();
    expect(alarms.create).toHaveBeenCalledWith(HISTORY_ALARM, { when: 123_456 });
    expect(alarms.clear).toHaveBeenCalledWith(HISTORY_ALARM);

    const wake = vi.fn(async () => {});
    expect(wakeOnHistoryAlarm({ name: 'something-else' }, wake)).toBeUndefined();
    await wakeOnHistoryAlarm({ name: HISTORY_ALARM }, wake);
    expect(wake).toHaveBeenCalledTimes(1);
  });

  it('logs an alarm that cannot be set instead of throwing', async () => {
    const log = vi.fn();
    const alarms = {
      create: vi.fn(async () => Promise.reject(new Error('quota'))),
      clear: vi.fn(async () => true),
    };
    alarmWakeUp(log, alarms as unknown as AlarmsApi).wakeAt(1);
    await vi.waitFor(() => expect(log).toHaveBeenCalledWith('warn', expect.any(String), expect.any(Error)));
  });
});

describe('combinedWakeUp', () => {
  it('asks every scheduler', () => {
    const a = { wakeAt: vi.fn(), clear: vi.fn() };
    const b = { wakeAt: vi.fn(), clear: vi.fn() };
    const both = combinedWakeUp(a, b);
    both.wakeAt(42);
    both.clear();
    for (const s of [a, b]) {
      expect(s.wakeAt).toHaveBeenCalledWith(42);
      expect(s.clear).toHaveBeenCalledTimes(1);
    }
  });
});

describe('retryDelay', () => {
  const webhook = { url: 'https://x.example', headers: {}, retryBaseMs: 1_000, retryMaxMs: 5_000 };
  it('doubles from the base up to the cap, jitter only ever shortening it', () => {
    expect([1, 2, 3, 4, 5].map((n) => retryDelay(n, webhook, () => 0))).toEqual([
      1_000, 2_000, 4_000, 5_000, 5_000,
    ]);
    expect(retryDelay(1, webhook, () => 0.999)).toBe(900);
    expect(retryDelay(200, webhook, () => 0)).toBe(5_000);
  });
  it('never retries in a busy loop, whatever the settings', () => {
    expect(retryDelay(1, { ...webhook, retryBaseMs: 0 }, () => 0)).toBeGreaterThan(0);
    expect(retryDelay(1, { ...webhook, retryBaseMs: Number.NaN, retryMaxMs: 0 }, () => 0)).toBeGreaterThan(0);
  });
  it('falls back to the configuration defaults for a broken setting', () => {
    const broken = { ...webhook, retryBaseMs: Number.NaN, retryMaxMs: -1 };
    expect(retryDelay(1, broken, () => 0)).toBe(DEFAULT_RETRY_BASE_MS);
    expect(retryDelay(50, broken, () => 0)).toBe(DEFAULT_RETRY_MAX_MS);
  });
});
