import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TegsoftSim } from '../../../sim/tegsoft';
import { startWithWidget, until, type Widget } from './harness';

describe('Tegsoft simulator: HTTP control routes', () => {
  let sim: TegsoftSim;
  let widget: Widget;
  let stop: () => Promise<void>;

  beforeEach(async () => {
    ({ sim, widget, stop } = await startWithWidget());
  });
  afterEach(() => stop());

  const post = async (route: string, body: unknown = {}) => {
    const response = await fetch(`${sim.url}/control/${route}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const get = async (route: string) => {
    const response = await fetch(`${sim.url}/control/${route}`);
    return { status: response.status, body: (await response.json()) as unknown };
  };

  it('drives an inbound call, far-end hang-up, and reads actions, events and the agent', async () => {
    const inbound = await post('inbound-call', { number: '1234567890', name: 'Jane Poe', skill: 'Support' });
    expect(inbound.status).toBe(200);
    expect(inbound.body.callId).toEqual(expect.any(String));
    await widget.next('OnIncomingCallRinging');
    widget.send('answer');
    await widget.next('OnIncomingCallAnswered');
    const agent = await get('agent');
    expect(agent.body).toMatchObject({
      usercode: 'test.agent',
      calls: [{ callId: inbound.body.callId, answered: true }],
    });
    expect(await post('far-end-hangup')).toEqual({ status: 200, body: { ok: true } });
    await widget.next('OnIncomingCallHangup');
    const actions = await get('actions?usercode=test.agent');
    expect(actions.body).toMatchObject([{ name: 'answer', outcome: 'done' }]);
    const events = (await get('events')).body as { event: { name: string } }[];
    expect(events.map((sent) => sent.event.name)).toContain('OnInboundAgentComplete');
  });

  it('drives outbound, campaign, webchat, ring-no-answer and the consultation', async () => {
    expect((await post('answer-delay', { ms: null })).status).toBe(200);
    widget.send('dial', { numberToDial: '100' });
    await widget.next('OnOutgoingCallRinging');
    expect((await post('far-end-answer')).status).toBe(200);
    await widget.next('OnOutgoingCallAnswered');
    widget.send('attendedTransfer', { extension: '1003' });
    await widget.next('OnAttendedTransferInitialized');
    expect((await post('consult-answer')).status).toBe(200);
    await widget.next('OnAttendedTransferConnected');
    widget.send('completeAttendedTransfer');
    await widget.next('OnOutgoingCallHangup');

    const campaign = await post('campaign-call', { number: '859995', campaign: 'test' });
    expect(campaign.status).toBe(200);
    await widget.next('OnOutgoingCallAnswered');
    widget.send('hangUp');
    await widget.next('OnCampAgentComplete');

    expect((await post('webchat', { name: 'Jane Poe', skill: 'Test' })).status).toBe(200);
    await widget.next('OnWebchatAgentCalled');
    expect((await post('ring-no-answer')).status).toBe(200);
    await widget.next('OnAgentRingNoAnswer');
    await widget.next('OnWebchatAgentComplete');
  });

  it('turns parent events off and on, sets a parameter, drops the widget and resets', async () => {
    expect((await post('parent-events', { on: false })).status).toBe(200);
    await until(() => widget.host.view(widget.key)?.eventsToParent === false, 'events off');
    expect(
      (await post('integration', { parameter: 'clientSideCTI://parentWindowEvent|eventList=all' })).status,
    ).toBe(200);
    await until(() => widget.host.view(widget.key)?.eventsToParent === true, 'events on');
    expect((await post('drop', { downMs: 50 })).status).toBe(200);
    await widget.next('status');
    expect((await post('reset')).status).toBe(200);
    await widget.next('OnLogin');
    expect((await post('ring-timeout', { ms: 1000 })).status).toBe(200);
  });

  it('attaches CTI data from the server side without telling the widget; getCtiData shows it', async () => {
    expect((await post('cti-data', { ctiData: 'x' })).status).toBe(400);
    await post('inbound-call', { number: '5550101' });
    await widget.next('status');
    const attached = await post('cti-data', {
      ctiData: { variables: { CONTID: 'C-77' }, logDTMF: ['OPTION1: 2'] },
    });
    expect(attached).toEqual({ status: 200, body: { ok: true } });
    expect((await get('agent')).body).toMatchObject({
      ctiData: { variables: { CONTID: 'C-77' }, ctiVariableNames: [], logDTMF: ['OPTION1: 2'] },
    });
    expect(widget.pendingNames()).toEqual([]);
    widget.send('getCtiData');
    const answer = await widget.next('ctiData');
    expect(answer.data).toEqual({
      ctiData: { variables: { CONTID: 'C-77' }, ctiVariableNames: [], logDTMF: ['OPTION1: 2'] },
    });
  });

  it('answers 409 when the far end has nothing to do, 400 for bad bodies, 404 and 405 otherwise', async () => {
    expect(await post('far-end-answer')).toEqual({
      status: 409,
      body: { error: 'test.agent has no such call' },
    });
    expect((await post('inbound-call', {})).status).toBe(400);
    expect((await post('inbound-call', { number: 5 })).status).toBe(400);
    expect((await post('parent-events', { on: 'yes' })).status).toBe(400);
    expect((await post('inbound-call', { number: '1', usercode: 'nobody' })).status).toBe(409);
    expect((await post('nothing')).status).toBe(404);
    expect((await get('reset')).status).toBe(405);
    const bad = await fetch(`${sim.url}/control/reset`, { method: 'POST', body: '{' });
    expect(bad.status).toBe(400);
  });

  it('forge reports what the nested frames posted (none in Node) and takes their reports', async () => {
    const none = await post('forge', { timeoutMs: 50 });
    expect(none.body).toEqual({ sameOrigin: false, crossOrigin: false });
    const pending = sim.control.forge({ timeoutMs: 2000 });
    await fetch(`${sim.url}/sim/forged?kind=same`, { method: 'POST' });
    await fetch(`${sim.url}/sim/forged?kind=cross`, { method: 'POST' });
    expect(await pending).toEqual({ sameOrigin: true, crossOrigin: true });
  });
});
