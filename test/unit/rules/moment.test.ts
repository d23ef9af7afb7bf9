import { describe, expect, it } from 'vitest';
import { momentReached } from '../../../src/core/rules/moment';
import { sampleCall } from '../../../src/core/rules/sample-call';

describe('momentReached', () => {
  const ringing = sampleCall({ state: 'ringing' });
  const dialing = sampleCall({ direction: 'outbound', state: 'dialing' });
  const answered = sampleCall({ state: 'connected', answeredAt: 1000 });
  const held = sampleCall({ state: 'held', answeredAt: 1000 });
  const endedAnswered = sampleCall({ state: 'ended', answeredAt: 1000, endedAt: 2000 });
  const missed = sampleCall({ state: 'ended', endedAt: 2000, endReason: 'missed' });

  it('ringing holds from the start, an outbound dial included', () => {
    for (const call of [ringing, dialing, answered, endedAnswered])
      expect(momentReached(call, 'ringing')).toBe(true);
  });

  it('answered holds once the call was answered, even after it ended', () => {
    expect(momentReached(ringing, 'answered')).toBe(false);
    expect(momentReached(dialing, 'answered')).toBe(false);
    expect(momentReached(missed, 'answered')).toBe(false);
    for (const call of [answered, held, endedAnswered]) expect(momentReached(call, 'answered')).toBe(true);
  });

  it('ended holds only for an ended call', () => {
    for (const call of [ringing, dialing, answered, held]) expect(momentReached(call, 'ended')).toBe(false);
    expect(momentReached(endedAnswered, 'ended')).toBe(true);
    expect(momentReached(missed, 'ended')).toBe(true);
  });
});
