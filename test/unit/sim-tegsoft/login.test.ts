import { afterEach, describe, expect, it } from 'vitest';
import { startTegsoftSim, type TegsoftSim } from '../../../sim/tegsoft';
import { STATUS_AGENT_FIELDS } from './doc-samples';
import { openWidget, sleep, statusData, until, type Widget } from './harness';

describe('Tegsoft simulator: login', () => {
  let sim: TegsoftSim;
  let widget: Widget | undefined;

  afterEach(async () => {
    await widget?.close();
    widget = undefined;
    await sim.close();
  });

  it('logs in by token: OnLogin, then a status not ready with reason AFTERLOGIN', async () => {
    sim = await startTegsoftSim();
    widget = await openWidget(sim, { sessiontype: 'agent', token: 'test-token' });
    const [login, status] = await widget.expectSequence(['OnLogin', 'status']);
    expect(login).toMatchObject({
      type: 'event',
      group: 'agent',
      data: { USERCODE: 'test.agent', EXTEN: '1001' },
    });
    const { agent, primarySession } = statusData(status!);
    expect(Object.keys(agent!)).toEqual(expect.arrayContaining(STATUS_AGENT_FIELDS));
    expect(agent).toMatchObject({
      ready: false,
      notReadyReason: 'AFTERLOGIN',
      USERCODE: 'test.agent',
      DISPLAYNAME: 'Test Agent',
      USERNAME: 'Test',
      SURNAME: 'Agent',
      EXTEN: '1001',
      INTERFACE: 'PJSIP/1001',
      PHONETYPE: 'WebRTCPhone',
    });
    expect(primarySession).toBeNull();
    expect(widget.loads).toBe(1);
    expect(widget.host.view(widget.key)).toMatchObject({
      phase: 'online',
      connected: true,
      agentName: 'Test Agent',
      agentState: 'Not ready (AFTERLOGIN)',
      call: 'No call',
      eventsToParent: true,
    });
  });

  it('logs in by usercode and clearpassword; sessiontype defaults to agent', async () => {
    sim = await startTegsoftSim();
    const url = new URL(sim.widgetUrl({ usercode: 'test.agent', clearpassword: 'secret' }));
    url.searchParams.delete('sessiontype');
    const host = (await import('../../../sim/tegsoft/virtual-frame')).createVirtualFrameHost();
    const channel = await host.open({ key: 'k', url: url.toString(), origin: sim.url, allow: '' });
    const names: string[] = [];
    channel.onMessage((data) => names.push((data as { name: string }).name));
    await until(() => names.length >= 2, 'login events');
    expect(names).toEqual(['OnLogin', 'status']);
    await channel.close();
  });

  it('serves configured users with their own extension and display name', async () => {
    sim = await startTegsoftSim({
      users: [
        {
          usercode: 'ayse.kaya',
          clearpassword: 'pw',
          token: 'tok-ayse',
          exten: '2002',
          displayName: 'Ayşe Kaya',
        },
      ],
    });
    widget = await openWidget(sim, { token: 'tok-ayse' });
    const [, status] = await widget.expectSequence(['OnLogin', 'status']);
    expect(statusData(status!).agent).toMatchObject({
      USERCODE: 'ayse.kaya',
      EXTEN: '2002',
      SURNAME: 'Kaya',
    });
  });

  it.each([
    [{ token: 'nope' }, 'Login failed: invalid token'],
    [{ usercode: 'test.agent', clearpassword: 'wrong' }, 'Login failed: invalid usercode or password'],
    [{ usercode: 'test.agent' }, 'Login failed: clearpassword is missing'],
    [{}, 'Login failed: no token, or usercode and clearpassword, in the address'],
    [
      { token: 'test-token', sessiontype: 'supervisor' },
      'Login failed: unsupported session type "supervisor"',
    ],
  ])('shows a login error and posts nothing for %j', async (params, error) => {
    sim = await startTegsoftSim();
    widget = await openWidget(sim, params);
    const view = await until(() => {
      const current = widget!.host.view(widget!.key);
      return current?.phase === 'loginFailed' ? current : undefined;
    }, 'the login error');
    expect(view.error).toBe(error);
    widget.send('queryStatus');
    await sleep(50);
    expect(widget.events).toEqual([]);
    expect(await sim.control.actions()).toEqual([]);
    expect((await sim.control.agent()).loggedIn).toBe(false);
  });

  it('keeps the agent logged in when the page goes away; a new page finds the same state', async () => {
    sim = await startTegsoftSim();
    widget = await openWidget(sim);
    await widget.expectSequence(['OnLogin', 'status']);
    widget.send('ready');
    await widget.next('OnReady');
    await widget.close();
    widget = await openWidget(sim, undefined, 'second');
    const [, status] = await widget.expectSequence(['OnLogin', 'status']);
    expect(statusData(status!).agent).toMatchObject({ ready: true, notReadyReason: '' });
  });
});
