import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FrameChannel } from '../../../src/vendors/frame-host';
import { createSandboxClient } from '../../../src/vendors/ucs/sandbox-client';

/** A channel that records what is posted and lets the test play the sandbox page. */
function fakeChannel() {
  const posted: unknown[] = [];
  const listeners = new Set<(data: unknown) => void>();
  const channel: FrameChannel = {
    post: (message) => posted.push(message),
    onMessage(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onLoad: () => () => {},
    showScreen: async () => {},
    ringing: () => {},
    release: () => {},
    close: async () => {},
  };
  const reply = (data: unknown) => {
    for (const listener of listeners) listener(data);
  };
  return { channel, posted, reply, listening: () => listeners.size };
}

afterEach(() => vi.useRealTimers());

describe('UCS sandbox client', () => {
  it('posts load and numbered calls, and resolves each by its id', async () => {
    const { channel, posted, reply } = fakeChannel();
    const client = createSandboxClient(channel);
    client.load('https://ucs.example.com/operator-v4.0.0.js', { headless: true });
    const dial = client.call('dial', ['123']);
    const state = client.call('state');
    expect(posted).toEqual([
      { type: 'load', scriptUrl: 'https://ucs.example.com/operator-v4.0.0.js', config: { headless: true } },
      { type: 'call', id: 1, method: 'dial', args: ['123'] },
      { type: 'call', id: 2, method: 'state', args: [] },
    ]);
    reply({ type: 'result', id: 2, ok: true, value: { status: 'READY' } });
    reply({ type: 'result', id: 1, ok: false, error: 'dial is not allowed in state DEVICE' });
    await expect(state).resolves.toEqual({ status: 'READY' });
    await expect(dial).rejects.toThrow('UCS refused dial: dial is not allowed in state DEVICE');
  });

  it('gives up a call that gets no answer, and ignores the late answer', async () => {
    vi.useFakeTimers();
    const { channel, reply } = fakeChannel();
    const client = createSandboxClient(channel);
    const answer = client.call('answer', [], 2000);
    const caught = expect(answer).rejects.toThrow('UCS did not answer answer within 2 s');
    vi.advanceTimersByTime(2000);
    await caught;
    expect(() => reply({ type: 'result', id: 1, ok: true })).not.toThrow();
  });

  it('hands ready, callbacks and load errors to listeners and drops foreign messages', () => {
    const { channel, reply } = fakeChannel();
    const seen: unknown[] = [];
    createSandboxClient(channel, {
      ready: () => seen.push('ready'),
      callback: (name, args) => seen.push([name, args]),
      loadError: (message) => seen.push(`loadError: ${message}`),
    });
    reply({ type: 'ready' });
    reply({ type: 'callback', name: 'onConnect', args: ['4.0.0'] });
    reply({ type: 'loadError', message: 'blocked by CSP' });
    reply('noise');
    reply({ type: 'callback', name: 5 });
    expect(seen).toEqual(['ready', ['onConnect', ['4.0.0']], 'loadError: blocked by CSP']);
  });

  it('rejects pending calls on dispose and sends nothing after', async () => {
    const { channel, posted, listening } = fakeChannel();
    const client = createSandboxClient(channel);
    const pending = client.call('logout');
    client.dispose('the frame reloaded');
    await expect(pending).rejects.toThrow('logout got no answer: the frame reloaded');
    await expect(client.call('dial')).rejects.toThrow('UCS is not connected; dial was not sent');
    client.load('x', {});
    expect(posted).toHaveLength(1);
    expect(listening()).toBe(0);
  });
});
