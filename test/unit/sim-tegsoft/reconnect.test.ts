import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TegsoftSim } from '../../../sim/tegsoft';
import { startWithWidget, statusData, until, type Widget } from './harness';

describe('Tegsoft simulator: dropped widget', () => {
  let sim: TegsoftSim;
  let widget: Widget;
  let stop: () => Promise<void>;

  beforeEach(async () => {
    ({ sim, widget, stop } = await startWithWidget());
  });
  afterEach(() => stop());

  const view = () => widget.host.view(widget.key);

  it('keeps the call through a drop; the page says it is disconnected, reconnects and posts a fresh status', async () => {
    const callId = await sim.control.inboundCall({ number: '5550101' });
    widget.send('answer');
    await widget.next('OnIncomingCallAnswered');
    await widget.next('status');
    await sim.control.dropWidget({ downMs: 150 });
    await until(() => view()?.connected === false, 'the page to show it is disconnected');
    expect(view()?.phase).toBe('online');
    const [status] = await widget.expectSequence(['status']);
    expect(statusData(status!).primarySession).toMatchObject({ remoteNumber: '5550101', isAnswered: true });
    expect(view()?.connected).toBe(true);
    // The page did not reload, so no load event and no second OnLogin.
    expect(widget.loads).toBe(1);
    expect((await sim.control.agent()).calls.map((call) => call.callId)).toEqual([callId]);
    widget.send('hangUp');
    await widget.expectSequence(['OnIncomingCallHangup', 'status']);
  });

  it('holds the actions sent while disconnected and sends them once back', async () => {
    await sim.control.dropWidget({ downMs: 150 });
    await until(() => view()?.connected === false, 'the disconnect');
    widget.send('ready');
    await widget.expectSequence(['status', 'OnReady', 'status']);
    expect((await sim.control.actions()).map((action) => action.name)).toEqual(['ready']);
  });

  it('misses what happened during the drop, and catches up from the fresh status', async () => {
    await sim.control.inboundCall({ number: '5550101' });
    await widget.expectSequence(['OnIncomingCallRinging', 'status']);
    await sim.control.dropWidget({ downMs: 100 });
    await until(() => view()?.connected === false, 'the disconnect');
    await sim.control.farEndHangup();
    const [status] = await widget.expectSequence(['status']);
    expect(statusData(status!).primarySession).toBeNull();
  });

  it('rejects a drop when no widget is connected', async () => {
    await widget.close();
    await until(async () => (await sim.control.agent()).widgets === 0, 'the stream to close');
    await expect(sim.control.dropWidget()).rejects.toThrow(/no widget/);
  });

  it('logs in again by itself after the simulator is reset', async () => {
    widget.send('ready');
    await widget.next('OnReady');
    await sim.control.reset();
    // The ready's status, then the new login.
    const [, , status] = await widget.expectSequence(['status', 'OnLogin', 'status']);
    expect(statusData(status!).agent).toMatchObject({ ready: false, notReadyReason: 'AFTERLOGIN' });
    expect(await sim.control.actions()).toEqual([]);
  });
});
