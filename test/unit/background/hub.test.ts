import * as v from 'valibot';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Hub } from '../../../src/background/hub';
import { NO_CAPABILITIES } from '../../../src/core/capabilities';
import type { SoftbarConfig } from '../../../src/core/config/types';
import type { VendorAdapter, VendorDefinition } from '../../../src/vendors/contract';
import { demoVendor } from '../../../src/vendors/demo';

const config = (vendor: string, settings: Record<string, unknown> = {}): SoftbarConfig => ({
  version: 1,
  profiles: [{ id: 'p1', vendor, label: 'Profile one', settings }],
  activeProfile: 'p1',
  defaultRegion: 'US',
  sites: { allow: [], block: [], exclude: [] },
  screenPop: [],
  autofill: [],
  callLog: { prompt: true, dispositions: [] },
});

const memory = () => {
  const map = new Map<string, unknown>();
  return {
    map,
    get: async <T>(k: string) => map.get(k) as T | undefined,
    set: async (k: string, val: unknown) => void map.set(k, val),
  };
};

function flakyVendor(failures: number): { definition: VendorDefinition; connects: () => number } {
  let attempts = 0;
  const definition: VendorDefinition = {
    id: 'tegsoft',
    label: 'Flaky',
    settingsSchema: v.object({}),
    create: (): VendorAdapter => ({
      id: 'tegsoft',
      capabilities: { ...NO_CAPABILITIES, hold: true },
      connect: async () => {
        attempts += 1;
        if (attempts <= failures) throw new Error('Server unreachable.');
      },
      execute: async () => {},
      onEvent: () => () => {},
      dispose: async () => {},
    }),
  };
  return { definition, connects: () => attempts };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('hub', () => {
  it('names a vendor this build does not have', async () => {
    const hub = new Hub({
      vendors: [demoVendor as VendorDefinition],
      sessionStore: memory(),
      now: Date.now,
      log: () => {},
    });
    await hub.applyConfig(config('ucs'));
    expect(hub.current.connection).toMatchObject({
      status: 'failed',
      message: expect.stringContaining('"ucs"'),
    });
    await expect(hub.execute({ type: 'dial', number: '123' })).rejects.toThrow(/No contact-center profile/);
  });

  it('refuses to run a profile whose settings are invalid', async () => {
    const hub = new Hub({
      vendors: [demoVendor as VendorDefinition],
      sessionStore: memory(),
      now: Date.now,
      log: () => {},
    });
    await hub.applyConfig(config('demo', { answerDelayMs: 'soon' }));
    expect(hub.current.connection).toMatchObject({
      status: 'failed',
      message: expect.stringContaining('invalid settings'),
    });
  });

  it('retries a failed connection with growing backoff and says so', async () => {
    vi.useFakeTimers();
    const { definition, connects } = flakyVendor(2);
    const hub = new Hub({ vendors: [definition], sessionStore: memory(), now: Date.now, log: () => {} });
    await hub.applyConfig(config('tegsoft'));
    expect(connects()).toBe(1);
    expect(hub.current.connection).toMatchObject({
      status: 'reconnecting',
      message: 'Server unreachable. Retrying in 1 s.',
    });
    await vi.advanceTimersByTimeAsync(1000);
    expect(connects()).toBe(2);
    expect(hub.current.connection.message).toBe('Server unreachable. Retrying in 2 s.');
    await vi.advanceTimersByTimeAsync(1999);
    expect(connects()).toBe(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(connects()).toBe(3);
  });

  it('refuses commands while not connected, and commands the vendor lacks', async () => {
    vi.useFakeTimers();
    const { definition } = flakyVendor(1);
    const hub = new Hub({ vendors: [definition], sessionStore: memory(), now: Date.now, log: () => {} });
    await hub.applyConfig(config('tegsoft'));
    await expect(hub.execute({ type: 'dial', number: '123' })).rejects.toThrow(/not connected/);
    hub.dispatch({ type: 'connection', status: 'connected', at: 1 });
    await expect(hub.execute({ type: 'dial', number: '123' })).rejects.toThrow(
      'Dialing is not supported by Profile one.',
    );
  });

  it('takes pairing commands while connecting, says why others wait, and skips account codes itself', async () => {
    const executed: string[] = [];
    const definition: VendorDefinition = {
      id: 'ucs',
      label: 'Pairing',
      settingsSchema: v.object({}),
      create: (): VendorAdapter => ({
        id: 'ucs',
        capabilities: { ...NO_CAPABILITIES, dial: true, pairing: true, accountCodes: true },
        connect: () => new Promise<void>(() => {}),
        execute: async (command) => void executed.push(command.type),
        onEvent: () => () => {},
        dispose: async () => {},
      }),
    };
    const hub = new Hub({ vendors: [definition], sessionStore: memory(), now: Date.now, log: () => {} });
    void hub.applyConfig(config('ucs'));
    await vi.waitFor(() => expect(hub.activeAdapter).toBeDefined());
    hub.dispatch({
      type: 'connection',
      status: 'connecting',
      message: 'Choose your phone in the bar.',
      at: 1,
    });
    await expect(hub.execute({ type: 'dial', number: '123' })).rejects.toThrow(
      'Profile one is not connected right now (Choose your phone in the bar.); try again in a moment.',
    );
    await hub.execute({ type: 'pairPhone', identifier: 'pc101' });
    await hub.execute({ type: 'confirmPhone' });
    expect(executed).toEqual(['pairPhone', 'confirmPhone']);
    hub.dispatch({
      type: 'accountCodeAsked',
      request: { id: 'u1', remoteNumber: '1', endedAt: 1, reasons: [{ id: 'A', label: 'A' }] },
      at: 2,
    });
    await hub.execute({ type: 'skipAccountCode', requestId: 'u1' });
    expect(hub.current.desk.accountCodes).toEqual([]);
    expect(executed).toEqual(['pairPhone', 'confirmPhone']);
  });

  it('keeps the session when the configuration changes elsewhere, and restarts it when the profile changes', async () => {
    const store = memory();
    const hub = new Hub({
      vendors: [demoVendor as VendorDefinition],
      sessionStore: store,
      now: Date.now,
      log: () => {},
    });
    await hub.applyConfig(config('demo'));
    const adapter = hub.activeAdapter;
    await hub.applyConfig({ ...config('demo'), sites: { allow: ['https://*/*'], block: [], exclude: [] } });
    expect(hub.activeAdapter).toBe(adapter);
    await hub.applyConfig(config('demo', { notReadyReasons: ['Pause'] }));
    expect(hub.activeAdapter).not.toBe(adapter);
    expect(hub.current.capabilities.notReadyReasons).toEqual([{ id: 'Pause', label: 'Pause' }]);
  });

  it('mirrors its state to the session store', async () => {
    const store = memory();
    const hub = new Hub({
      vendors: [demoVendor as VendorDefinition],
      sessionStore: store,
      now: Date.now,
      log: () => {},
    });
    await hub.applyConfig(config('demo'));
    await hub.simulateIncoming();
    await hub.flush();
    const saved = store.map.get('hub.state.v1') as { calls: unknown[] };
    expect(saved.calls).toHaveLength(1);
  });
});
