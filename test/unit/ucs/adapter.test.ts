import { createServer, type Server } from 'node:http';
import * as v from 'valibot';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SSO_SECRET, startUcsSim, type UcsSim } from '../../../sim/ucs';
import { createVirtualSandboxHost, type VirtualSandboxHost } from '../../../sim/ucs/virtual-sandbox';
import type { VendorEvent } from '../../../src/core/vendor-events';
import type { AdapterContext } from '../../../src/vendors/contract';
import type { FrameHost } from '../../../src/vendors/frame-host';
import { UcsAdapter, type UcsTiming } from '../../../src/vendors/ucs/adapter';
import { ucsSettingsSchema } from '../../../src/vendors/ucs/settings';

/*
 * The adapter's own timers, driven directly (the hub would add its own backoff on top): the wait for
 * READY, and the reload of a bundle that does not come back after its server went away.
 */

const FAST: Partial<UcsTiming> = { readyMs: 800, recoverBaseMs: 200, recoverMaxMs: 400, confirmMs: 2000 };

describe('UCS adapter timers', () => {
  let sim: UcsSim;
  let host: VirtualSandboxHost;
  let adapter: UcsAdapter | undefined;
  let opened: number;
  let events: VendorEvent[];
  let silent: Server | undefined;

  beforeEach(async () => {
    sim = await startUcsSim();
    host = createVirtualSandboxHost({ releaseMs: 100 });
    opened = 0;
    events = [];
  });

  afterEach(async () => {
    await adapter?.dispose();
    adapter = undefined;
    await host.closeAll();
    await sim.close();
    await new Promise<void>((resolve) => (silent ? silent.close(() => resolve()) : resolve()));
    silent = undefined;
  });

  const make = (extra: Record<string, unknown> = {}, port = Number(new URL(sim.url).port)) => {
    const settings = v.parse(ucsSettingsSchema, {
      hostname: '127.0.0.1',
      port,
      secure: false,
      username: 'jan.novak',
      ssoSecret: DEFAULT_SSO_SECRET,
      identifier: 'pc101',
      ...extra,
    });
    const memory = new Map<string, unknown>();
    const frames: FrameHost = {
      sandboxPage: host.sandboxPage,
      open: (spec) => {
        opened += 1;
        return host.open(spec);
      },
    };
    const ctx: AdapterContext = {
      store: {
        get: async <T>(key: string) => memory.get(key) as T | undefined,
        set: async (key, value) => void memory.set(key, value),
      },
      now: Date.now,
      log: () => {},
      frames,
    };
    adapter = new UcsAdapter(settings, ctx, FAST);
    adapter.onEvent((event) => events.push(event));
    return adapter;
  };

  const until = async (predicate: () => boolean, what: string, ms = 8000) => {
    const deadline = Date.now() + ms;
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };

  const lastConnection = () => events.filter((event) => event.type === 'connection').at(-1);

  it('gives up waiting for READY after readyMs, naming where the bundle stood', async () => {
    // A server whose bundle loads but never connects anywhere.
    silent = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end('window.ucsOperator.loaded = true;');
    });
    await new Promise<void>((resolve) => silent!.listen(0, '127.0.0.1', () => resolve()));
    const address = silent.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const started = Date.now();
    await expect(make({}, port).connect(new AbortController().signal)).rejects.toThrow(
      'UCS did not get ready within 1 s (it was loading).',
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(700);
    // The next attempt loads the page afresh (it never spoke).
    const before = opened;
    await expect(adapter!.connect(new AbortController().signal)).rejects.toThrow(/did not get ready/);
    expect(opened).toBe(before + 1);
  });

  it('reloads a bundle that does not come back after its server went away, with backoff, until it does', async () => {
    await make().connect(new AbortController().signal);
    await sim.control.serverDown();
    await until(
      () =>
        lastConnection()?.type === 'connection' &&
        (lastConnection() as { status: string }).status === 'reconnecting',
      'the loss',
    );
    const before = opened;
    // Down longer than the adapter's first checks: it loads the page again (and again, backing off).
    await until(() => opened >= before + 2, 'two reloads', 5000);
    await sim.control.serverUp();
    await until(
      () => (lastConnection() as { status?: string } | undefined)?.status === 'connected',
      'the session back',
    );
    expect((await sim.control.sessions()).some((session) => session.phase === 'READY')).toBe(true);
  });

  it('waits for READY without a deadline while the agent chooses the phone, then restarts it', async () => {
    const ucs = make({ identifier: undefined });
    let settled = false;
    const connecting = ucs.connect(new AbortController().signal).finally(() => {
      settled = true;
    });
    await until(() => events.some((event) => event.type === 'desk' && event.pairing), 'the pairing request');
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(settled).toBe(false);
    await ucs.execute({ type: 'pairPhone', identifier: 'pc101' });
    await connecting;
  });

  it('dispose clears its timers and settles a pending connect', async () => {
    const ucs = make({ identifier: undefined });
    const connecting = ucs.connect(new AbortController().signal);
    await until(() => events.some((event) => event.type === 'desk' && event.pairing), 'the pairing request');
    await ucs.dispose();
    await expect(connecting).rejects.toThrow('The UCS session was closed.');
    adapter = undefined;
  });
});
