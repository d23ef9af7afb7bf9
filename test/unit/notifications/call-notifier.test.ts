import { describe, expect, it, vi } from 'vitest';
import { callNotification, notificationId } from '../../../src/background/notifications/call-notification';
import { createCallNotifier } from '../../../src/background/notifications/call-notifier';
import type {
  CallNotificationOptions,
  NotificationsApi,
} from '../../../src/background/notifications/notifications-api';
import { call, FakeHub, memoryStore, NOW, settle, stateWith } from '../screen-pop/fakes';

class FakeNotifications implements NotificationsApi {
  readonly shown = new Map<string, CallNotificationOptions>();
  readonly log: string[] = [];
  async create(id: string, options: CallNotificationOptions) {
    this.shown.set(id, options);
    this.log.push(`create ${id}`);
  }
  async clear(id: string) {
    this.shown.delete(id);
    this.log.push(`clear ${id}`);
  }
}

function setup(options: { focused?: boolean; store?: ReturnType<typeof memoryStore>; hub?: FakeHub } = {}) {
  const hub = options.hub ?? new FakeHub();
  const notifications = new FakeNotifications();
  const focus = { focused: options.focused ?? false, focusCrm: vi.fn(async () => {}) };
  const log = vi.fn();
  const notifier = createCallNotifier({
    hub,
    notifications,
    store: options.store ?? memoryStore(),
    crmFocused: async () => focus.focused,
    focusCrm: focus.focusCrm,
    now: () => NOW,
    log,
  });
  return { notifier, hub, notifications, focus, log };
}

const ringing = call({ id: 'c1', remoteName: 'Olivia Bennett', queue: 'Support' });
const ID = notificationId('c1');

describe('call notifier', () => {
  it('notifies an inbound ringing call when no CRM page has the focus', async () => {
    const { notifier, hub, notifications } = setup();
    await notifier.start();
    hub.set(stateWith([ringing]));
    await notifier.check();
    expect([...notifications.shown]).toEqual([
      [
        ID,
        {
          type: 'basic',
          iconUrl: 'icons/icon-128.png',
          title: 'Incoming call',
          message: 'Olivia Bennett (+44 20 7946 0018)',
          contextMessage: 'Support',
          buttons: [{ title: 'Answer' }, { title: 'Decline' }],
          requireInteraction: true,
          priority: 2,
          eventTime: ringing.createdAt,
        },
      ],
    ]);
  });

  it('stays quiet while a CRM page has the focus, and notifies once the agent leaves it', async () => {
    const { notifier, hub, notifications, focus } = setup({ focused: true });
    hub.current = stateWith([ringing]);
    await notifier.start();
    expect(notifications.log).toEqual([]);
    focus.focused = false;
    await notifier.check();
    expect(notifications.log).toEqual([`create ${ID}`]);
  });

  it('ignores outbound calls and calls that are not ringing', async () => {
    const { notifier, hub, notifications } = setup();
    await notifier.start();
    hub.set(
      stateWith([
        call({ id: 'out', direction: 'outbound', state: 'dialing' }),
        call({ id: 'out2', direction: 'outbound', state: 'ringing' }),
        call({ id: 'talking', state: 'connected', answeredAt: NOW }),
      ]),
    );
    await notifier.check();
    expect(notifications.log).toEqual([]);
  });

  it('shows one notification per call, also across states and a worker restart', async () => {
    const store = memoryStore();
    const first = setup({ store });
    first.hub.current = stateWith([ringing]);
    await first.notifier.start();
    first.hub.set(stateWith([{ ...ringing, remoteName: 'Olivia B.' }]));
    first.hub.set(stateWith([ringing, call({ id: 'c2' })]));
    await first.notifier.check();
    expect(first.notifications.log).toEqual([`create ${ID}`, `create ${notificationId('c2')}`]);

    const second = setup({ store });
    second.hub.current = stateWith([ringing, call({ id: 'c2' })]);
    await second.notifier.start();
    expect(second.notifications.log).toEqual([]);
    // The notification shown before the restart is still cleared when its call stops ringing.
    second.hub.set(stateWith([call({ id: 'c2' })]));
    await second.notifier.check();
    expect(second.notifications.log).toEqual([`clear ${ID}`]);
  });

  it('does not notify again a call the agent dismissed', async () => {
    const { notifier, hub, notifications } = setup();
    hub.current = stateWith([ringing]);
    await notifier.start();
    await notifier.closed(ID, true);
    hub.set(stateWith([{ ...ringing, queue: 'Sales' }]));
    await notifier.check();
    expect(notifications.log).toEqual([`create ${ID}`]);
  });

  it('clears the notification when the call is answered elsewhere or ends', async () => {
    const { notifier, hub, notifications } = setup();
    hub.current = stateWith([ringing, call({ id: 'c2' })]);
    await notifier.start();
    hub.set(stateWith([{ ...ringing, state: 'connected', answeredAt: NOW }, call({ id: 'c2' })]));
    await notifier.check();
    expect(notifications.shown.has(ID)).toBe(false);
    hub.set(stateWith([], [{ ...call({ id: 'c2' }), state: 'ended', endReason: 'missed', endedAt: NOW }]));
    await notifier.check();
    expect(notifications.shown.size).toBe(0);
    expect(notifications.log.filter((l) => l.startsWith('clear'))).toEqual([
      `clear ${ID}`,
      `clear ${notificationId('c2')}`,
    ]);
  });

  it('answers and declines the right call from the buttons', async () => {
    const { notifier, hub, notifications } = setup();
    hub.current = stateWith([ringing, call({ id: 'c2' })]);
    await notifier.start();
    await notifier.buttonClicked(ID, 0);
    await notifier.buttonClicked(notificationId('c2'), 1);
    expect(hub.commands).toEqual([
      { type: 'answer', callId: 'c1' },
      { type: 'reject', callId: 'c2' },
    ]);
    expect(notifications.shown.size).toBe(0);
  });

  it('shows a failed answer in the notification and the bar', async () => {
    const { notifier, hub, notifications, log } = setup();
    hub.current = stateWith([ringing]);
    await notifier.start();
    hub.executeError = new Error('Demo PBX is not connected right now; try again in a moment.');
    await notifier.buttonClicked(ID, 0);
    const text = 'Could not answer the call: Demo PBX is not connected right now; try again in a moment.';
    expect(notifications.shown.get(ID)?.contextMessage).toBe(text);
    expect(notifications.shown.get(ID)?.buttons).toHaveLength(2);
    expect(hub.notices).toEqual([`warning: ${text}`]);
    expect(log).toHaveBeenCalledWith('warn', expect.stringContaining('Answer'), expect.any(Error));
  });

  it('clears the notification of a call that ended before the button was pressed', async () => {
    const { notifier, hub, notifications } = setup();
    hub.current = stateWith([ringing]);
    await notifier.start();
    hub.executeError = new Error('That call has already ended.');
    hub.current = stateWith([]); // not announced yet
    await notifier.buttonClicked(ID, 1);
    expect(notifications.shown.size).toBe(0);
    expect(hub.notices).toEqual(['warning: Could not decline the call: That call has already ended.']);
  });

  it('brings the CRM to the front when the body is clicked; ignores other notifications', async () => {
    const { notifier, hub, focus } = setup();
    hub.current = stateWith([ringing]);
    await notifier.start();
    await notifier.clicked(ID);
    await notifier.clicked('someone-else');
    await notifier.buttonClicked('someone-else', 0);
    expect(focus.focusCrm).toHaveBeenCalledTimes(1);
    expect(hub.commands).toEqual([]);
  });

  it('waits for start before acting on a button that woke the worker', async () => {
    const { notifier, hub } = setup();
    hub.current = stateWith([ringing]);
    const pressed = notifier.buttonClicked(ID, 0);
    await settle();
    expect(hub.commands).toEqual([]);
    await notifier.start();
    await pressed;
    expect(hub.commands).toEqual([{ type: 'answer', callId: 'c1' }]);
  });

  it('notifies when the focus cannot be told', async () => {
    const hub = new FakeHub();
    const notifications = new FakeNotifications();
    const notifier = createCallNotifier({
      hub,
      notifications,
      store: memoryStore(),
      crmFocused: async () => {
        throw new Error('No window.');
      },
      focusCrm: async () => {},
      now: () => NOW,
      log: () => {},
    });
    hub.current = stateWith([ringing]);
    await notifier.start();
    expect(notifications.log).toEqual([`create ${ID}`]);
  });
});

describe('callNotification', () => {
  it('names the caller by number alone and the media', () => {
    const options = callNotification(
      call({ remoteName: undefined, queue: undefined, service: 'Billing', media: 'chat' }),
    );
    expect(options).toMatchObject({
      title: 'Incoming chat',
      message: '+44 20 7946 0018',
      contextMessage: 'Billing',
    });
    expect(callNotification(call({ remoteDisplay: undefined, remoteNumber: '' })).message).toContain(
      'Unknown number',
    );
  });
});
