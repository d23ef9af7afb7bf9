import { describe, expect, it, vi } from 'vitest';
import { historyFileName } from '../../../options/history-download';
import { deliveryText, durationText, statusText } from '../../../options/history-format';

// The export module talks to the hub; naming its files needs no extension around it (vi.mock is hoisted).
vi.mock('../../../src/messaging/client', () => ({ send: vi.fn() }));

describe('history wording', () => {
  it('names a delivery by its state, attempts, next attempt and last error', () => {
    const at = new Date(2026, 0, 15, 9, 30).getTime();
    expect(
      deliveryText({ status: 'saved' }, { callId: 'a', state: 'delivered', attempts: 1 }, 'https://x'),
    ).toBe('Delivered');
    expect(
      deliveryText(
        { status: 'saved' },
        { callId: 'a', state: 'queued', attempts: 1, nextAttemptAt: at, lastError: 'HTTP 500' },
        'https://x',
      ),
    ).toMatch(/^Queued, 1 attempt so far; next attempt .*9:30.*; last error: HTTP 500$/);
    expect(deliveryText({ status: 'saved' }, undefined, undefined)).toBe('No webhook');
    expect(deliveryText({ status: 'saved' }, undefined, 'https://x')).toBe('Not sent');
    expect(deliveryText({ status: 'pending' }, undefined, 'https://x')).toBe('Sent once saved');
  });

  it('words status and duration', () => {
    expect(statusText('pending')).toBe('Waiting for notes');
    expect(durationText({ answeredAt: undefined, durationSec: 0 })).toBe('Not answered');
    expect(durationText({ answeredAt: 1, durationSec: 3725 })).toBe('1:02:05');
  });

  it('dates export files in local time', () => {
    expect(historyFileName('csv', new Date(2026, 11, 31, 23, 59))).toBe(
      'softbar-call-history-2026-12-31.csv',
    );
    expect(historyFileName('json', new Date(2026, 0, 5))).toBe('softbar-call-history-2026-01-05.json');
  });
});
