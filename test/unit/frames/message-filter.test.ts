import { describe, expect, it } from 'vitest';
import { judgeMessage } from '../../../src/offscreen/message-filter';

const vendorWindow = { name: 'vendor iframe' };
const otherWindow = { name: 'another iframe' };
const frames = [
  { key: 'a', origin: 'http://127.0.0.1:8080', window: vendorWindow },
  { key: 'b', origin: 'https://b.example', window: otherWindow },
];

describe('judgeMessage', () => {
  it('accepts a message from a hosted frame on its own origin', () => {
    expect(judgeMessage(frames, { origin: 'http://127.0.0.1:8080', source: vendorWindow })).toEqual({
      accept: true,
      key: 'a',
    });
  });

  it("refuses a hosted frame's window speaking from another origin (it navigated away)", () => {
    expect(judgeMessage(frames, { origin: 'http://localhost:8080', source: vendorWindow })).toEqual({
      accept: false,
      reason: 'wrong origin',
    });
    // Another hosted frame's origin does not count either.
    expect(judgeMessage(frames, { origin: 'https://b.example', source: vendorWindow }).accept).toBe(false);
  });

  it('refuses the right origin from another window (a frame nested in the vendor page)', () => {
    expect(judgeMessage(frames, { origin: 'http://127.0.0.1:8080', source: { nested: true } })).toEqual({
      accept: false,
      reason: 'unknown source',
    });
    expect(judgeMessage(frames, { origin: 'http://127.0.0.1:8080', source: null }).accept).toBe(false);
    expect(
      judgeMessage([{ key: 'gone', origin: 'http://127.0.0.1:8080', window: null }], {
        origin: 'http://127.0.0.1:8080',
        source: null,
      }).accept,
    ).toBe(false);
  });
});
