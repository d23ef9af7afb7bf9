import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTegsoftSim, type TegsoftSim } from '../../../sim/tegsoft';
import { createVirtualFrameHost } from '../../../sim/tegsoft/virtual-frame';
import { sleep, until } from './harness';

describe('Tegsoft simulator: virtual frame host (the widget relay in Node)', () => {
  let sim: TegsoftSim;

  beforeEach(async () => {
    sim = await startTegsoftSim({ reconnectDelayMs: 30 });
  });
  afterEach(() => sim.close());

  const spec = (overrides: Partial<{ key: string; url: string; origin: string }> = {}) => ({
    key: 'tegsoft:p1',
    url: sim.widgetUrl(),
    origin: sim.url,
    allow: 'microphone; camera; autoplay',
    ...overrides,
  });

  it('loads once, relays actions to the server and events to onMessage', async () => {
    const host = createVirtualFrameHost();
    const channel = await host.open(spec());
    const loads: number[] = [];
    const names: string[] = [];
    channel.onLoad(() => loads.push(Date.now()));
    channel.onMessage((data) => names.push((data as { name: string }).name));
    channel.post({ type: 'action', group: 'agent', name: 'ready' });
    await until(() => names.length === 4, 'OnReady and its status');
    expect(names).toEqual(['OnLogin', 'status', 'OnReady', 'status']);
    expect(loads).toHaveLength(1);
    // The action posted before the login finished waited for it.
    expect((await sim.control.actions()).map((action) => action.name)).toEqual(['ready']);
    await channel.close();
  });

  it('re-attaches to the same key and URL without reloading; another URL reloads', async () => {
    const host = createVirtualFrameHost();
    const first = await host.open(spec());
    let loads = 0;
    first.onLoad(() => {
      loads += 1;
    });
    const firstNames: string[] = [];
    first.onMessage((data) => firstNames.push((data as { name: string }).name));
    await until(() => firstNames.includes('status'), 'the login');
    const again = await host.open(spec());
    // The page is already there: a new load listener hears so once, right away.
    let reattachedLoads = 0;
    again.onLoad(() => {
      reattachedLoads += 1;
    });
    const names: string[] = [];
    again.onMessage((data) => names.push((data as { name: string }).name));
    again.post({ type: 'action', group: 'agent', name: 'queryStatus' });
    await until(() => names.includes('status'), 'a status');
    expect(names).toEqual(['status']);
    expect(loads).toBe(1);
    expect(reattachedLoads).toBe(1);
    const other = await host.open(
      spec({ url: sim.widgetUrl({ usercode: 'test.agent', clearpassword: 'secret' }) }),
    );
    let otherLoads = 0;
    other.onLoad(() => {
      otherLoads += 1;
    });
    await until(() => otherLoads === 1, 'the new page to load');
    await other.close();
  });

  it('passes nothing either way when the declared origin is not the page origin', async () => {
    const host = createVirtualFrameHost();
    const channel = await host.open(spec({ origin: 'http://localhost:1' }));
    const received: unknown[] = [];
    channel.onMessage((data) => received.push(data));
    await until(() => host.view('tegsoft:p1')?.phase === 'online', 'the login');
    channel.post({ type: 'action', group: 'agent', name: 'ready' });
    await sleep(80);
    expect(received).toEqual([]);
    expect(await sim.control.actions()).toEqual([]);
    await channel.close();
  });

  it('stops the widget on close', async () => {
    const host = createVirtualFrameHost();
    const channel = await host.open(spec());
    const received: unknown[] = [];
    channel.onMessage((data) => received.push(data));
    await until(() => received.length === 2, 'the login events');
    await channel.close();
    await sim.control.inboundCall({ number: '1' });
    await sleep(50);
    expect(received).toHaveLength(2);
    expect(host.view('tegsoft:p1')).toBeUndefined();
  });

  it('loads an unreachable server like Chrome (an error page that posts nothing); rejects a bad address without quoting it', async () => {
    const host = createVirtualFrameHost();
    const down = await host.open(spec({ url: 'http://127.0.0.1:1/Tobe/forms/TegsoftVue/?token=secret' }));
    let downLoaded = false;
    down.onLoad(() => {
      downLoaded = true;
    });
    const fromDown: unknown[] = [];
    down.onMessage((data) => fromDown.push(data));
    await until(() => downLoaded, 'the error page to load');
    down.post({ type: 'action', group: 'agent', name: 'queryStatus' });
    await sleep(50);
    expect(fromDown).toEqual([]);
    expect(host.view('tegsoft:p1')).toBeUndefined();
    await down.close();
    const bad = host.open(spec({ url: 'not a url?token=secret' }));
    await expect(bad).rejects.toThrow(/not a URL/);
    await expect(bad).rejects.not.toThrow(/secret/);
    await expect(host.open(spec({ url: 'file:///etc/passwd?token=secret' }))).rejects.toThrow(
      'The Tegsoft widget address must be http(s), not file:',
    );
    const channel = await host.open(spec({ url: `${sim.url}/Tobe/forms/TegsoftVue/?fileName=other` }));
    let loaded = false;
    channel.onLoad(() => {
      loaded = true;
    });
    const received: unknown[] = [];
    channel.onMessage((data) => received.push(data));
    await until(() => loaded, 'the load');
    await sleep(50);
    expect(received).toEqual([]);
    await channel.close();
  });

  it('keeps a released frame running for a re-attach with the same key and URL, then closes it', async () => {
    const host = createVirtualFrameHost({ releaseMs: 150 });
    const first = await host.open(spec());
    const firstNames: string[] = [];
    first.onMessage((data) => firstNames.push((data as { name: string }).name));
    await until(() => firstNames.includes('status'), 'the login');
    first.release();
    // A released channel is inert: it neither posts nor hears.
    first.post({ type: 'action', group: 'agent', name: 'ready' });
    await sleep(50);
    expect(await sim.control.actions()).toEqual([]);
    const again = await host.open(spec());
    const names: string[] = [];
    again.onMessage((data) => names.push((data as { name: string }).name));
    again.post({ type: 'action', group: 'agent', name: 'queryStatus' });
    await until(() => names.includes('status'), 'a status from the same widget');
    await sleep(200);
    // Re-attached before the timeout: the same page, logged in once, still running.
    expect(host.loads('tegsoft:p1')).toBe(1);
    expect(host.view('tegsoft:p1')?.phase).toBe('online');
    expect(firstNames).toEqual(['OnLogin', 'status']);
    expect((await sim.control.events()).filter((sent) => sent.event.name === 'OnLogin')).toHaveLength(1);
    again.release();
    await until(() => host.view('tegsoft:p1') === undefined, 'the unclaimed frame to close');
    await until(async () => (await sim.control.agent()).widgets === 0, 'the widget to stop');
  });

  it('reloads a frame on demand: the widget logs in again, the channels stay', async () => {
    const host = createVirtualFrameHost();
    const channel = await host.open(spec());
    const names: string[] = [];
    let loads = 0;
    channel.onLoad(() => {
      loads += 1;
    });
    channel.onMessage((data) => names.push((data as { name: string }).name));
    await until(() => names.includes('status'), 'the login');
    await host.reload('tegsoft:p1');
    await until(() => names.filter((name) => name === 'OnLogin').length === 2, 'the second login');
    expect(loads).toBe(2);
    expect(host.loads('tegsoft:p1')).toBe(2);
    await channel.close();
  });
});
