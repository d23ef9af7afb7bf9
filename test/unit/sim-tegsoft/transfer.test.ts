import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TegsoftSim } from '../../../sim/tegsoft';
import { callData, startWithWidget, statusData, type Widget } from './harness';

describe('Tegsoft simulator: transfers', () => {
  let sim: TegsoftSim;
  let widget: Widget;
  let stop: () => Promise<void>;
  let callId: string;

  beforeEach(async () => {
    ({ sim, widget, stop } = await startWithWidget());
    callId = await sim.control.inboundCall({ number: '1234567890', skill: 'Support' });
    widget.send('answer');
    await widget.next('OnInboundAgentConnect');
    await widget.next('status');
  });
  afterEach(() => stop());

  it('blind transfer: initialized, completed, then the agent leg ends', async () => {
    widget.send('blindTransfer', { extension: '1003' });
    const [initialized, completed] = await widget.expectSequence([
      'OnBlindTransferInitialized',
      'OnBlindTransferCompleted',
      'OnIncomingCallHangup',
      'OnInboundAgentComplete',
      'status',
    ]);
    for (const event of [initialized!, completed!]) {
      expect(callData(event)).toMatchObject({ extension: '1003', activeCallProperties: { CALLID: callId } });
    }
    expect((await sim.control.agent()).calls).toEqual([]);
  });

  it('refuses a blind transfer without an extension', async () => {
    widget.send('blindTransfer');
    await widget.expectSequence(['status']);
    expect((await sim.control.agent()).calls).toHaveLength(1);
  });

  it('attended transfer: consult, switch lines both ways, then complete', async () => {
    widget.send('attendedTransfer', { extension: '1003' });
    const [initialized, consulting] = await widget.expectSequence([
      'OnAttendedTransferInitialized',
      'status',
    ]);
    expect(callData(initialized!)).toMatchObject({
      extension: '1003',
      primarySession: { remoteNumber: '1234567890', isOnHold: true },
      secondarySession: { remoteNumber: '1003', isRinging: true, isAnswered: false },
      activeCallProperties: { CALLID: callId },
    });
    expect(statusData(consulting!)).toMatchObject({
      primarySession: { isOnHold: true },
      secondarySession: { remoteNumber: '1003', isRinging: true },
      agent: { activeLine: 'secondary' },
    });
    expect((await sim.control.agent()).transfer).toEqual({ extension: '1003', connected: false });

    await sim.control.consultAnswer();
    const [connected] = await widget.expectSequence(['OnAttendedTransferConnected', 'status']);
    expect(callData(connected!)).toMatchObject({ secondarySession: { isAnswered: true, isRinging: false } });

    widget.send('changeActiveLine');
    const [toPrimary] = await widget.expectSequence(['OnAttendedTransferSwitchToPrimarySession', 'status']);
    expect(callData(toPrimary!)).toMatchObject({
      primarySession: { isOnHold: false },
      secondarySession: { isOnHold: true },
    });
    widget.send('changeActiveLine');
    const [toSecondary] = await widget.expectSequence([
      'OnAttendedTransferSwitchToSecondarySession',
      'status',
    ]);
    expect(callData(toSecondary!)).toMatchObject({
      primarySession: { isOnHold: true },
      secondarySession: { isOnHold: false },
    });

    widget.send('completeAttendedTransfer');
    const [completed, , , done] = await widget.expectSequence([
      'OnAttendedTransferCompleted',
      'OnIncomingCallHangup',
      'OnInboundAgentComplete',
      'status',
    ]);
    expect(callData(completed!)).toMatchObject({
      extension: '1003',
      activeCallProperties: { CALLID: callId },
    });
    expect(statusData(done!)).toMatchObject({ primarySession: null });
    expect(statusData(done!)).not.toHaveProperty('secondarySession');
  });

  it('attended transfer cancelled: the agent has the caller back', async () => {
    widget.send('attendedTransfer', { extension: '1003' });
    await widget.expectSequence(['OnAttendedTransferInitialized', 'status']);
    widget.send('cancelAttendedTransfer');
    const [cancelled, status] = await widget.expectSequence(['OnAttendedTransferCancelled', 'status']);
    expect(callData(cancelled!)).toMatchObject({ extension: '1003', primarySession: { isOnHold: false } });
    expect(statusData(status!)).not.toHaveProperty('secondarySession');
    expect((await sim.control.agent()).calls).toMatchObject([{ callId, held: false, line: 'primary' }]);
  });

  it('the consultation target hanging up cancels the transfer', async () => {
    widget.send('attendedTransfer', { extension: '1003' });
    await widget.expectSequence(['OnAttendedTransferInitialized', 'status']);
    await sim.control.consultAnswer();
    await widget.expectSequence(['OnAttendedTransferConnected', 'status']);
    await sim.control.farEndHangup();
    await widget.expectSequence(['OnAttendedTransferCancelled', 'status']);
  });

  it('refuses what makes no sense during and outside a transfer', async () => {
    widget.send('completeAttendedTransfer');
    widget.send('changeActiveLine');
    await widget.expectSequence(['status', 'status']);
    widget.send('attendedTransfer', { extension: '1003' });
    await widget.expectSequence(['OnAttendedTransferInitialized', 'status']);
    widget.send('attendedTransfer', { extension: '1004' });
    widget.send('blindTransfer', { extension: '1004' });
    await widget.expectSequence(['status', 'status']);
  });
});
