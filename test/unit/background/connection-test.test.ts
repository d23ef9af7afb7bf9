import * as v from 'valibot';
import { describe, expect, it, vi } from 'vitest';
import { createConnectionTester } from '../../../src/background/connection-test';
import { NO_CAPABILITIES } from '../../../src/core/capabilities';
import type { VendorDefinition } from '../../../src/vendors/contract';
import type { FrameChannel, FrameHost, FrameSpec } from '../../../src/vendors/frame-host';

/** A vendor whose connect does what `behaviour` says, recording what it was given. */
function fakeVendor(behaviour: 'ok' | 'fail' | 'hang' | 'notice' | 'pairing') {
  const seen = {
    settings: undefined as unknown,
    disposed: 0,
    frameKeys: [] as string[],
    closed: 0,
    released: 0,
  };
  let channel: FrameChannel | undefined;
  const vendor: VendorDefinition<{ host: string }> = {
    id: 'tegsoft',
    label: 'Tegsoft',
    settingsSchema: v.object({
      host: v.pipe(v.string(), v.url('use a URL such as "https://pbx.example.com"')),
    }),
    create(settings, ctx) {
      seen.settings = settings;
      const listeners = new Set<(event: never) => void>();
      return {
        id: 'tegsoft',
        capabilities: NO_CAPABILITIES,
        async connect(signal) {
          channel = await ctx.frames.open({
            key: 'tegsoft',
            url: settings.host,
            origin: settings.host,
            allow: '',
          });
          if (behaviour === 'fail') throw new Error('Login failed: wrong token.');
          if (behaviour === 'pairing')
            for (const listener of listeners)
              listener({ type: 'desk', at: 0, pairing: { kind: 'choose', devices: [] } } as never);
          if (behaviour === 'hang' || behaviour === 'pairing')
            await new Promise((_, reject) => signal.addEventListener('abort', reject));
          if (behaviour === 'notice')
            for (const listener of listeners)
              listener({ type: 'notice', at: 0, level: 'warning', text: 'No events yet.' } as never);
        },
        async execute() {},
        onEvent(listener) {
          listeners.add(listener as never);
          return () => listeners.delete(listener as never);
        },
        async dispose() {
          seen.disposed++;
          // Like the Tegsoft adapter: keep the frame for a successor.
          channel?.release();
        },
      };
    },
  };
  const frames: FrameHost = {
    sandboxPage: 'chrome-extension://test/src/sandbox/index.html',
    open: vi.fn(async (spec: FrameSpec) => {
      seen.frameKeys.push(spec.key);
      return {
        post: () => {},
        onMessage: () => () => {},
        onLoad: () => () => {},
        showScreen: async () => {},
        ringing: () => {},
        close: async () => {
          seen.closed++;
        },
        release: () => {
          seen.released++;
        },
      };
    }),
  };
  return { vendor: vendor as VendorDefinition, frames, seen };
}

const tester = (setup: ReturnType<typeof fakeVendor>, timeoutMs?: number) =>
  createConnectionTester({
    vendors: [setup.vendor],
    frames: setup.frames,
    now: () => 0,
    log: () => {},
    timeoutMs,
  });

describe('Test connection', () => {
  it('connects a throw-away session with its own frame key, reports success and closes it', async () => {
    const setup = fakeVendor('notice');
    const result = await tester(setup).test('tegsoft', { host: 'https://pbx.example.com' });
    expect(result).toEqual({ ok: true, message: 'Connected to Tegsoft. It said: No events yet.' });
    expect(setup.seen.settings).toEqual({ host: 'https://pbx.example.com' });
    expect(setup.seen.frameKeys).toHaveLength(1);
    expect(setup.seen.frameKeys[0]).toMatch(/^test-[0-9a-f-]{36}:tegsoft$/);
    expect(setup.seen.disposed).toBe(1);
    // The test session's frame is closed, never kept logged in for a successor.
    expect(setup.seen.closed).toBe(1);
    expect(setup.seen.released).toBe(0);
  });

  it('a vendor that asks for the phone has accepted the login: success, said so, session closed', async () => {
    const setup = fakeVendor('pairing');
    const result = await tester(setup, 5000).test('tegsoft', { host: 'https://pbx.example.com' });
    expect(result).toEqual({
      ok: true,
      message: 'Logged in to Tegsoft; it asks which phone to pair, which the agent chooses in the bar.',
    });
    expect(setup.seen.closed).toBe(1);
  });

  it('names the bad setting before connecting anything', async () => {
    const setup = fakeVendor('ok');
    const result = await tester(setup).test('tegsoft', { host: 'not a url' });
    expect(result.ok).toBe(false);
    expect(result.message).toContain('settings.host');
    expect(result.message).toContain('use a URL such as');
    expect(setup.seen.frameKeys).toEqual([]);
  });

  it("gives the vendor's own failure message, and still closes the session", async () => {
    const setup = fakeVendor('fail');
    expect(await tester(setup).test('tegsoft', { host: 'https://pbx.example.com' })).toEqual({
      ok: false,
      message: 'Login failed: wrong token.',
    });
    expect(setup.seen.disposed).toBe(1);
  });

  it('gives up after the timeout', async () => {
    const setup = fakeVendor('hang');
    const result = await tester(setup, 50).test('tegsoft', { host: 'https://pbx.example.com' });
    expect(result).toEqual({ ok: false, message: 'No answer from Tegsoft within 1 s.' });
    expect(setup.seen.disposed).toBe(1);
  });

  it('waits a moment for a running session that is still connecting; one waiting for the phone is logged in', async () => {
    const setup = fakeVendor('ok');
    let status: 'connecting' | 'connected' = 'connecting';
    setTimeout(() => {
      status = 'connected';
    }, 150);
    const tester = (pairing: boolean) =>
      createConnectionTester({
        vendors: [setup.vendor],
        frames: setup.frames,
        now: Date.now,
        log: () => {},
        liveSettleMs: 2000,
        live: () => ({ vendor: 'tegsoft', settings: { host: 'https://pbx.example.com' }, status, pairing }),
      });
    expect(await tester(false).test('tegsoft', { host: 'https://pbx.example.com' })).toEqual({
      ok: true,
      message: 'Connected to Tegsoft (the running session uses these settings).',
    });
    status = 'connecting';
    expect(await tester(true).test('tegsoft', { host: 'https://pbx.example.com' })).toEqual({
      ok: true,
      message:
        'Logged in to Tegsoft (the running session uses these settings); it waits for the agent to pair a phone in the bar.',
    });
    // No session was started for either answer.
    expect(setup.seen.frameKeys).toEqual([]);
  });

  it('answers from the running session when it uses the same settings, instead of logging in twice', async () => {
    const setup = fakeVendor('ok');
    const withLive = (status: 'connected' | 'reconnecting') =>
      createConnectionTester({
        vendors: [setup.vendor],
        frames: setup.frames,
        now: () => 0,
        log: () => {},
        live: () => ({
          vendor: 'tegsoft',
          settings: { host: 'https://pbx.example.com' },
          status,
          message: 'Up.',
        }),
      });
    expect(await withLive('connected').test('tegsoft', { host: 'https://pbx.example.com' })).toEqual({
      ok: true,
      message: 'Connected to Tegsoft (the running session uses these settings). Up.',
    });
    expect(await withLive('reconnecting').test('tegsoft', { host: 'https://pbx.example.com' })).toEqual({
      ok: false,
      message: 'The running session with these settings is reconnecting. Up.',
    });
    expect(setup.seen.frameKeys).toEqual([]);
    // Other settings: a separate test session.
    expect((await withLive('connected').test('tegsoft', { host: 'https://other.example.com' })).ok).toBe(
      true,
    );
    expect(setup.seen.frameKeys).toHaveLength(1);
  });

  it('names the vendors it has when asked for another', async () => {
    const result = await tester(fakeVendor('ok')).test('genesys', {});
    expect(result).toEqual({
      ok: false,
      message: 'Vendor "genesys" is not in this build; choose one of: tegsoft.',
    });
  });
});
