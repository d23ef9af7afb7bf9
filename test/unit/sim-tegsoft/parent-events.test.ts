import { afterEach, describe, expect, it } from 'vitest';
import { startTegsoftSim, type TegsoftSim } from '../../../sim/tegsoft';
import { openWidget, sleep, startWithWidget, until, type Widget } from './harness';

describe('Tegsoft simulator: the clientSideCTI://parentWindowEvent integration parameter', () => {
  let sim: TegsoftSim;
  let widget: Widget;
  let stop: () => Promise<void>;

  afterEach(() => stop());

  it('posts nothing to the parent while it is off; the actions still work', async () => {
    ({ sim, widget, stop } = await startWithWidget());
    await sim.control.setParentEvents(false);
    await until(() => widget.host.view(widget.key)?.eventsToParent === false, 'the widget to learn it');
    widget.send('ready');
    await sim.control.inboundCall({ number: '5550101' });
    await sim.control.waitForAction('ready');
    await sleep(50);
    expect(widget.pendingNames()).toEqual([]);
    expect((await sim.control.agent()).ready).toBe(true);
    expect((await sim.control.events()).map((sent) => sent.event.name)).toContain('OnIncomingCallRinging');
    // The widget's own screen still follows.
    expect(widget.host.view(widget.key)).toMatchObject({ agentState: 'Ready', call: '5550101 (ringing)' });

    await sim.control.setParentEvents(true);
    await until(() => widget.host.view(widget.key)?.eventsToParent === true, 'events back on');
    widget.send('answer');
    await widget.expectSequence(['OnIncomingCallAnswered', 'status']);
  });

  it('a user without the parameter gets no OnLogin or status in the parent', async () => {
    sim = await startTegsoftSim({ users: [{ usercode: 'quiet', token: 'q', integration: null }] });
    widget = await openWidget(sim, { token: 'q' });
    stop = async () => {
      await widget.close();
      await sim.close();
    };
    await until(() => widget.host.view(widget.key)?.phase === 'online', 'the login');
    widget.send('queryStatus');
    await sim.control.waitForAction('queryStatus');
    await sleep(50);
    expect(widget.events).toEqual([]);
  });

  it('an eventList names the events that get through', async () => {
    ({ sim, widget, stop } = await startWithWidget());
    await sim.control.setIntegrationParameter(
      'clientSideCTI://parentWindowEvent|eventList=OnIncomingCallRinging,OnReady',
    );
    await sleep(30);
    widget.send('ready');
    await sim.control.waitForAction('ready');
    await sim.control.inboundCall({ number: '5550101' });
    await widget.expectSequence(['OnReady', 'OnIncomingCallRinging']);
    await sleep(50);
    expect(widget.pendingNames()).toEqual([]);
  });
});
