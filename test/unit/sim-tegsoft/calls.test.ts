import { afterEach, describe, expect, it } from 'vitest';
import type { TegsoftSim, TegsoftSimOptions } from '../../../sim/tegsoft';
import {
  CALL_EVENT_FIELDS,
  CAMPAIGN_PROPS,
  INBOUND_PROPS,
  SESSION_FIELDS,
  WEBCHAT_EVENT_FIELDS,
  WEBCHAT_PROPS,
} from './doc-samples';
import { callData, startWithWidget, statusData, type Widget } from './harness';

describe('Tegsoft simulator: calls', () => {
  let sim: TegsoftSim;
  let widget: Widget;
  let stop: (() => Promise<void>) | undefined;

  const start = async (options: TegsoftSimOptions = {}) => {
    ({ sim, widget, stop } = await startWithWidget(options));
  };
  afterEach(async () => {
    await stop?.();
    stop = undefined;
  });

  it('rings a queue call with the inbound sample, answers, mutes, holds, sends tones and hangs up', async () => {
    await start();
    const callId = await sim.control.inboundCall({
      number: '1234567890',
      name: 'Jane Poe',
      skill: 'Technical Support',
    });
    const [called, inboundCalled, ringing, ringingStatus] = await widget.expectSequence([
      'OnAgentCalled',
      'OnInboundAgentCalled',
      'OnIncomingCallRinging',
      'status',
    ]);
    for (const event of [called!, inboundCalled!, ringing!]) {
      const data = callData(event);
      expect(Object.keys(data)).toEqual(CALL_EVENT_FIELDS);
      expect(Object.keys(data.primarySession!)).toEqual(SESSION_FIELDS);
      expect(Object.keys(data.activeCallProperties)).toEqual(INBOUND_PROPS);
    }
    // As the inbound sample: offered, not yet ringing, message 04.
    expect(callData(inboundCalled!)).toMatchObject({
      UID: '5df34f9d-d91f-4e43-be33-f805fc8d84f2',
      EXTEN: '1001',
      primarySession: {
        answerDate: null,
        endDate: null,
        remoteNumber: '1234567890',
        isRinging: false,
        isAnswered: false,
        duration: 0,
        formattedDuration: '00:00:00',
        statusMessage: 'message_lastmessage04',
      },
      activeCallProperties: {
        incomingCallModalVisible: true,
        SKILL: '7000',
        DIRECTION: 'INBOUND',
        SKILLNAME: 'Technical Support',
        INTERFACE: 'PJSIP/1001',
        callerId: '1234567890',
        callerIdName: 'Jane Poe',
        REASON: 'DEFAULT',
        uniqueId: callId,
        SRCEVENT: `AgentCalled-${callId}`,
        isInCall: true,
        CALLID: callId,
        answered: false,
      },
    });
    expect(callData(ringing!).primarySession).toMatchObject({ isRinging: true });
    expect(statusData(ringingStatus!).primarySession).toMatchObject({
      isRinging: true,
      remoteNumber: '1234567890',
    });
    expect(statusData(ringingStatus!).agent).toMatchObject({ INBOUND: 1, TOTALCALLCOUNT: 1, busy: 25 });

    widget.send('answer');
    const [answered, connect] = await widget.expectSequence([
      'OnIncomingCallAnswered',
      'OnInboundAgentConnect',
      'status',
    ]);
    expect(callData(answered!)).toMatchObject({
      primarySession: { isRinging: false, isAnswered: true, statusMessage: 'message_lastmessage10' },
      activeCallProperties: { answered: true, incomingCallModalVisible: false, CALLID: callId },
    });
    expect(callData(answered!).primarySession!.answerDate).toEqual(expect.any(String));
    expect(callData(connect!).activeCallProperties.CALLID).toBe(callId);

    widget.send('mute');
    const [muted] = await widget.expectSequence(['OnMute', 'status']);
    expect(callData(muted!).primarySession).toMatchObject({ isMuted: true });
    widget.send('unmute');
    const [unmuted] = await widget.expectSequence(['OnUnmute', 'status']);
    expect(callData(unmuted!).primarySession).toMatchObject({ isMuted: false });
    widget.send('hold');
    const [held] = await widget.expectSequence(['OnHold', 'status']);
    expect(callData(held!).primarySession).toMatchObject({ isOnHold: true });
    widget.send('unhold');
    const [resumed] = await widget.expectSequence(['OnUnhold', 'status']);
    expect(callData(resumed!).primarySession).toMatchObject({ isOnHold: false });
    widget.send('sendDTMF', { dtmf: '12#' });
    await widget.expectSequence(['status']);
    expect((await sim.control.agent()).calls[0]).toMatchObject({ callId, dtmf: '12#' });

    widget.send('hangUp');
    const [hangup, complete, endStatus] = await widget.expectSequence([
      'OnIncomingCallHangup',
      'OnInboundAgentComplete',
      'status',
    ]);
    expect(callData(hangup!).primarySession!.endDate).toEqual(expect.any(String));
    expect(callData(complete!).activeCallProperties).toMatchObject({ CALLID: callId, isInCall: false });
    expect(statusData(endStatus!).primarySession).toBeNull();
    expect(statusData(endStatus!).agent).toMatchObject({ INBOUND: 1, ANSWERED: 1, busy: 0 });
  });

  it('rings a direct call (no skill) with OnIncomingCallRinging only; the caller gives up', async () => {
    await start();
    await sim.control.inboundCall({ number: '5550101' });
    const [ringing] = await widget.expectSequence(['OnIncomingCallRinging', 'status']);
    expect(callData(ringing!).activeCallProperties).not.toHaveProperty('SKILLNAME');
    await sim.control.farEndHangup();
    const [hangup] = await widget.expectSequence(['OnIncomingCallHangup', 'status']);
    expect(callData(hangup!).primarySession).toMatchObject({ isAnswered: false, isRinging: false });
  });

  it('gives OnAgentRingNoAnswer when an offered call rings out (configured timeout, and on demand)', async () => {
    await start({ ringTimeoutMs: 80 });
    await sim.control.inboundCall({ number: '5550101', skill: 'Sales' });
    await widget.expectSequence(['OnAgentCalled', 'OnInboundAgentCalled', 'OnIncomingCallRinging', 'status']);
    await widget.expectSequence(['OnAgentRingNoAnswer', 'OnIncomingCallHangup', 'status']);
    await sim.control.setRingTimeout(60_000);
    await sim.control.inboundCall({ number: '5550102' });
    await widget.expectSequence(['OnIncomingCallRinging', 'status']);
    await sim.control.ringNoAnswer();
    await widget.expectSequence(['OnAgentRingNoAnswer', 'OnIncomingCallHangup', 'status']);
  });

  it('dials: initialized, ringing; the far end answers, then hangs up', async () => {
    await start();
    widget.send('dial', { numberToDial: '+90 (212) 555-0101' });
    const [initialized, ringing] = await widget.expectSequence([
      'OnOutgoingCallInitialized',
      'OnOutgoingCallRinging',
      'status',
    ]);
    expect(callData(initialized!)).toMatchObject({
      primarySession: { isRinging: false, remoteNumber: '+902125550101' },
      activeCallProperties: { DIRECTION: 'OUTBOUND', PHONE: '+902125550101', answered: false },
    });
    expect(callData(ringing!).primarySession).toMatchObject({ isRinging: true });
    expect((await sim.control.waitForAction('dial')).data).toEqual({ numberToDial: '+90 (212) 555-0101' });
    await sim.control.farEndAnswer();
    const [answered] = await widget.expectSequence(['OnOutgoingCallAnswered', 'status']);
    expect(callData(answered!)).toMatchObject({
      primarySession: { isAnswered: true },
      activeCallProperties: { answered: true },
    });
    await sim.control.farEndHangup();
    await widget.expectSequence(['OnOutgoingCallHangup', 'status']);
    expect((await sim.control.agent()).calls).toEqual([]);
  });

  it('dials with CTI data; hanging up before the answer cancels', async () => {
    await start();
    widget.send('dial', {
      numberToDial: '1234567890',
      ctiData: {
        variables: { sample1: 'value1', sample2: 'value2', sample3: 'value3', CONTID: 'sampleCONTID' },
        ctiVariableNames: ['sample1', 'sample2'],
        logDTMF: ['OPTION1: valueOPT1', 'OPTION2: valueOPT2'],
      },
    });
    const [initialized] = await widget.expectSequence([
      'OnOutgoingCallInitialized',
      'OnOutgoingCallRinging',
      'status',
    ]);
    expect(callData(initialized!).activeCallProperties).toMatchObject({
      CONTID: 'sampleCONTID',
      sample3: 'value3',
      callStatusLine1: 'sample1: value1',
      logDTMF: ['OPTION1: valueOPT1', 'OPTION2: valueOPT2'],
    });
    widget.send('hangUp');
    await widget.expectSequence(['OnOutgoingCallCancelled', 'status']);
    // The CTI data went with the call.
    widget.send('getCtiData');
    expect((await widget.next('ctiData')).data).toEqual({ ctiData: null });
  });

  it('refuses to dial what is not a number, or with a call up', async () => {
    await start();
    widget.send('dial', { numberToDial: 'call me maybe' });
    widget.send('dial', {});
    await widget.expectSequence(['status', 'status']);
    widget.send('dial', { numberToDial: '100' });
    await widget.expectSequence(['OnOutgoingCallInitialized', 'OnOutgoingCallRinging', 'status']);
    widget.send('dial', { numberToDial: '200' });
    await widget.expectSequence(['status']);
    expect((await sim.control.actions()).map((action) => action.outcome)).toEqual([
      'refused',
      'refused',
      'done',
      'refused',
    ]);
  });

  it('lets the far end answer by itself after the configured delay', async () => {
    await start({ answerDelayMs: 40 });
    widget.send('dial', { numberToDial: '100' });
    await widget.expectSequence(['OnOutgoingCallInitialized', 'OnOutgoingCallRinging', 'status']);
    await widget.expectSequence(['OnOutgoingCallAnswered', 'status']);
  });

  it('connects a campaign call like the document sample, then after-call work and completion', async () => {
    await start();
    const callId = await sim.control.campaignCall({ number: '859995', campaign: 'test' });
    const [waitContact, , waitConnect, connected, status] = await widget.expectSequence([
      'OnCampAgentWaitContact',
      'status',
      'OnCampAgentWaitConnect',
      'OnOutgoingCallAnswered',
      'status',
    ]);
    expect(callData(waitContact!).activeCallProperties).toMatchObject({ eventName: 'campAgentWaitContact' });
    expect(callData(waitConnect!).activeCallProperties).toMatchObject({ eventName: 'campAgentWaitConnect' });
    const data = callData(connected!);
    expect(Object.keys(data)).toEqual(CALL_EVENT_FIELDS);
    expect(Object.keys(data.activeCallProperties)).toEqual(CAMPAIGN_PROPS);
    expect(data).toMatchObject({
      primarySession: { remoteNumber: '859995', isAnswered: true, statusMessage: 'message_lastmessage10' },
      activeCallProperties: {
        CALLID: callId,
        PHONE: '859995',
        DIRECTION: 'OUTBOUND',
        campaignName: 'test',
        eventName: 'campAgentConnect',
        answered: true,
        incomingCallModalVisible: false,
      },
    });
    expect(statusData(status!).agent).toMatchObject({ CAMPAIGN: 1 });
    widget.send('hangUp');
    const ended = await widget.expectSequence([
      'OnOutgoingCallHangup',
      'OnCampAgentWaitAcw',
      'OnCampAgentWaitComplete',
      'OnCampAgentComplete',
      'status',
    ]);
    expect(callData(ended[1]!).activeCallProperties).toMatchObject({ eventName: 'campAgentWaitAcw' });
  });

  it('holds a campaign call at WaitContact until the contact answers when asked to', async () => {
    await start();
    await sim.control.campaignCall({ number: '859995', campaign: 'test', connect: false });
    await widget.expectSequence(['OnCampAgentWaitContact', 'status']);
    await sim.control.farEndAnswer();
    await widget.expectSequence(['OnCampAgentWaitConnect', 'OnOutgoingCallAnswered', 'status']);
  });

  it('offers a webchat with the webchat sample (no session), connects and completes it', async () => {
    await start();
    const chatId = await sim.control.webchat({ name: 'Jane Poe', phone: '1234567890', skill: 'Test' });
    const [called] = await widget.expectSequence(['OnWebchatAgentCalled', 'status']);
    const data = callData(called!);
    expect(Object.keys(data)).toEqual(WEBCHAT_EVENT_FIELDS);
    expect(Object.keys(data.activeCallProperties)).toEqual(WEBCHAT_PROPS);
    expect(data.activeCallProperties).toMatchObject({
      incomingCallModalVisible: true,
      ENGINETYPE: 'WEBUI',
      CHATID: chatId,
      CALLID: chatId,
      DIRECTION: 'CHAT',
      PHONE: '1234567890',
      callerIdName: 'Jane Poe',
      SKILLNAME: 'Test',
      answered: false,
    });
    widget.send('answer');
    const [connect, status] = await widget.expectSequence(['OnWebchatAgentConnect', 'status']);
    expect(callData(connect!).activeCallProperties).toMatchObject({ answered: true });
    expect(statusData(status!)).toMatchObject({ primarySession: null, agent: { WEBCHAT: 1 } });
    widget.send('hangUp');
    await widget.expectSequence(['OnWebchatAgentComplete', 'status']);
  });

  it('rings a second call on the second line; answering it holds the first; lines switch', async () => {
    await start();
    const first = await sim.control.inboundCall({ number: '5550001' });
    await widget.next('OnIncomingCallRinging');
    widget.send('answer');
    await widget.next('OnIncomingCallAnswered');
    await widget.next('status');
    const second = await sim.control.inboundCall({ number: '5550002' });
    const [ringing, status] = await widget.expectSequence(['OnIncomingCallRinging', 'status']);
    expect(callData(ringing!)).toMatchObject({
      primarySession: { remoteNumber: '5550001', isAnswered: true },
      secondarySession: { remoteNumber: '5550002', isRinging: true },
      activeCallProperties: { CALLID: second },
    });
    expect(statusData(status!).secondarySession).toMatchObject({ remoteNumber: '5550002' });

    widget.send('answer');
    const [hold, answered] = await widget.expectSequence(['OnHold', 'OnIncomingCallAnswered', 'status']);
    expect(callData(hold!).activeCallProperties.CALLID).toBe(first);
    expect(callData(answered!).activeCallProperties.CALLID).toBe(second);

    widget.send('changeActiveLine');
    const [held, resumed] = await widget.expectSequence(['OnHold', 'OnUnhold', 'status']);
    expect(callData(held!).activeCallProperties.CALLID).toBe(second);
    expect(callData(resumed!).activeCallProperties.CALLID).toBe(first);

    widget.send('hangUp');
    const [hangup, after] = await widget.expectSequence(['OnIncomingCallHangup', 'status']);
    expect(callData(hangup!).activeCallProperties.CALLID).toBe(first);
    // The remaining call becomes the primary session.
    expect(statusData(after!)).toMatchObject({ primarySession: { remoteNumber: '5550002', isOnHold: true } });
    expect(statusData(after!)).not.toHaveProperty('secondarySession');
    widget.send('unhold');
    await widget.expectSequence(['OnUnhold', 'status']);
  });
});
