import { describe, expect, it } from 'vitest';
import { parseHostMessage, parseWorkerMessage } from '../../../src/background/frames/protocol';
import { held, layout, spec } from './fakes';

describe('host page messages', () => {
  it('accepts the four kinds', () => {
    for (const message of [
      { type: 'hello', host: 'offscreen', frames: [held()] },
      { type: 'hello', host: 'screen', frames: [] },
      { type: 'loaded', key: 'k' },
      { type: 'message', key: 'k', data: { any: ['thing'] } },
      { type: 'ping' },
    ]) {
      expect(parseHostMessage(message)).toEqual(message);
    }
  });

  it.each([
    ['unknown type', { type: 'open', key: 'k' }],
    ['extra member', { type: 'ping', now: 1 }],
    ['bad host', { type: 'hello', host: 'popup', frames: [] }],
    [
      'frame without origin',
      { type: 'hello', host: 'offscreen', frames: [{ ...held(), origin: undefined }] },
    ],
    [
      'frame with a javascript: url',
      { type: 'hello', host: 'offscreen', frames: [held({ url: 'javascript:1' })] },
    ],
    ['empty key', { type: 'loaded', key: '' }],
    ['an array', [{ type: 'ping' }]],
  ])('refuses %s', (_, message) => {
    expect(parseHostMessage(message)).toBeUndefined();
  });
});

describe('worker messages', () => {
  it('accepts open (with a layout), post, close and ringing', () => {
    for (const message of [
      { type: 'open', ...spec({ screen: layout }) },
      { type: 'post', key: 'k', message: 'x' },
      { type: 'post', key: 'k' },
      { type: 'close', key: 'k' },
      { type: 'ringing', key: 'k' },
    ]) {
      expect(parseWorkerMessage(message)).toEqual(message);
    }
  });

  it('refuses an open whose origin is a wildcard or has a path', () => {
    expect(parseWorkerMessage({ type: 'open', ...spec({ origin: '*' }) })).toBeUndefined();
    expect(parseWorkerMessage({ type: 'open', ...spec({ origin: 'https://v.example/x' }) })).toBeUndefined();
  });
});
