import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TegsoftSim } from '../../../sim/tegsoft';
import { startWithWidget, statusData, until, type Widget } from './harness';

describe('Tegsoft simulator: agent actions', () => {
  let sim: TegsoftSim;
  let widget: Widget;
  let stop: () => Promise<void>;

  beforeEach(async () => {
    ({ sim, widget, stop } = await startWithWidget());
  });
  afterEach(() => stop());

  it('ready and notReady with a reason give OnReady / OnNotready and a status', async () => {
    widget.send('ready');
    const [ready, readyStatus] = await widget.expectSequence(['OnReady', 'status']);
    expect(ready!.data).toMatchObject({ ready: true, notReadyReason: '', EXTEN: '1001' });
    expect(statusData(readyStatus!).agent).toMatchObject({ ready: true, notReadyReason: '' });

    widget.send('notReady', { reason: 'CUSTOM_REASON' });
    const [notReady, status] = await widget.expectSequence(['OnNotready', 'status']);
    expect(notReady!.data).toMatchObject({ ready: false, notReadyReason: 'CUSTOM_REASON' });
    expect(statusData(status!).agent).toMatchObject({ ready: false, notReadyReason: 'CUSTOM_REASON' });

    widget.send('notReady');
    await widget.expectSequence(['OnNotready', 'status']);
    expect((await sim.control.agent()).notReadyReason).toBe('DEFAULT');
  });

  it('answers an action that makes no sense with a status only, and records it', async () => {
    widget.send('notReady', { reason: 'AFTERLOGIN' });
    widget.send('answer');
    widget.send('hold');
    widget.send('hangUp');
    widget.send('sendDTMF', { dtmf: '1' });
    await widget.expectSequence(['status', 'status', 'status', 'status', 'status']);
    const actions = await sim.control.actions();
    expect(actions.map((action) => [action.name, action.outcome])).toEqual([
      ['notReady', 'refused'],
      ['answer', 'refused'],
      ['hold', 'refused'],
      ['hangUp', 'refused'],
      ['sendDTMF', 'refused'],
    ]);
    expect(actions[1]!.reason).toBe('nothing is ringing');
  });

  it('ignores actions it does not know, and messages that are not actions', async () => {
    widget.send('explode');
    widget.channel.post({ type: 'action', group: 'report', name: 'queryStatus' });
    widget.channel.post({ type: 'event', group: 'agent', name: 'ready' });
    widget.channel.post('ready');
    widget.send('queryStatus');
    await widget.expectSequence(['status']);
    const actions = await sim.control.actions();
    expect(actions.map((action) => [action.group, action.name, action.outcome])).toEqual([
      ['agent', 'explode', 'unknown'],
      ['report', 'queryStatus', 'unknown'],
      ['agent', 'queryStatus', 'done'],
    ]);
  });

  it('turns the camera on, off and toggles it (status only: the document has no camera event)', async () => {
    widget.send('turnOnCamera');
    const on = await widget.next('status');
    expect(statusData(on).agent).toMatchObject({ cameraOn: true });
    expect(widget.host.view(widget.key)?.cameraOn).toBe(true);
    widget.send('turnOfCamera');
    expect(statusData(await widget.next('status')).agent).toMatchObject({ cameraOn: false });
    widget.send('toggleCamera');
    expect(statusData(await widget.next('status')).agent).toMatchObject({ cameraOn: true });
    expect(widget.pendingNames()).toEqual([]);
  });

  it('sets, reads and removes CTI data', async () => {
    const ctiData = {
      variables: { sample1: 'value1', sample2: 'value2', CONTID: 'sampleCONTID' },
      ctiVariableNames: ['sample1', 'sample2'],
      logDTMF: ['OPTION1: valueOPT1'],
    };
    widget.send('setCtiData', { ctiData });
    await widget.next('status');
    widget.send('getCtiData');
    expect((await widget.next('ctiData')).data).toEqual({ ctiData });
    // The next call carries it.
    const callId = await sim.control.inboundCall({ number: '5551234' });
    const ringing = await widget.next('OnIncomingCallRinging');
    expect((ringing.data as { activeCallProperties: object }).activeCallProperties).toMatchObject({
      CALLID: callId,
      sample1: 'value1',
      CONTID: 'sampleCONTID',
      callStatusLine1: 'sample1: value1',
      callStatusLine2: 'sample2: value2',
    });
    widget.send('removeCtiData');
    await widget.next('status');
    widget.send('getCtiData');
    expect((await widget.next('ctiData')).data).toEqual({ ctiData: null });
  });

  it('queryStatus answers with a status', async () => {
    widget.send('queryStatus');
    await widget.expectSequence(['status']);
  });

  it('logs out: a last status with no agent, then the page shows it is logged out and ignores actions', async () => {
    widget.send('logout');
    const [status] = await widget.expectSequence(['status']);
    expect(statusData(status!)).toEqual({ agent: null, primarySession: null });
    await until(() => widget.host.view(widget.key)?.phase === 'loggedOut', 'the logged-out page');
    widget.send('ready');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(widget.pendingNames()).toEqual([]);
    expect((await sim.control.agent()).loggedIn).toBe(false);
    expect((await sim.control.actions()).map((action) => action.name)).toEqual(['logout']);
  });

  it('refuses to log out during a call', async () => {
    await sim.control.inboundCall({ number: '5551234' });
    await widget.next('status');
    widget.send('logout');
    await widget.expectSequence(['status']);
    expect((await sim.control.agent()).loggedIn).toBe(true);
  });
});
