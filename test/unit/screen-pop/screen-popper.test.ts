import { describe, expect, it, vi } from 'vitest';
import { createScreenPopper } from '../../../src/background/screen-pop/screen-popper';
import type { ScreenPopRule } from '../../../src/core/config/types';
import { call, FakeHub, FakeTabs, memoryStore, NOW, settle, stateWith } from './fakes';

const rule = (overrides: Partial<ScreenPopRule> = {}): ScreenPopRule => ({
  id: 'open-contact',
  on: 'ringing',
  conditions: [],
  action: 'newTab',
  url: 'https://crm.example.com/contacts?phone={e164}',
  ...overrides,
});

function setup(rules: ScreenPopRule[], store = memoryStore(), hub = new FakeHub(), tabs = new FakeTabs()) {
  const log = vi.fn();
  const popper = createScreenPopper({ hub, rules: () => rules, doneStore: store, tabs, now: () => NOW, log });
  return { popper, hub, tabs, store, log };
}

const ringing = call({ id: 'c1' });
const CONTACT = 'https://crm.example.com/contacts?phone=%2B442079460018';

describe('screen popper', () => {
  it('pops a ringing call once, whatever the number of tabs and states', async () => {
    const tabs = new FakeTabs([
      { id: 1, windowId: 1, url: 'https://crm.example.com/', active: true },
      { id: 2, windowId: 1, url: 'https://mail.example.com/', active: false },
    ]);
    const { popper, hub } = setup([rule()], memoryStore(), new FakeHub(), tabs);
    hub.current = stateWith([ringing]);
    await popper.start();
    hub.set(stateWith([ringing]));
    hub.set(stateWith([{ ...ringing, remoteName: 'Updated' }]));
    await popper.check();
    expect(tabs.calls).toEqual([`createTab ${CONTACT}`, 'focusWindow 1']);
  });

  it('records the pop before it opens, and does not pop again after a restart', async () => {
    const store = memoryStore();
    const first = setup([rule()], store);
    first.hub.current = stateWith([ringing]);
    const createTab = first.tabs.createTab.bind(first.tabs);
    first.tabs.createTab = async (url) => {
      expect(store.map.get('screenPop.done.v1')).toEqual(['open-contact|c1']);
      return createTab(url);
    };
    await first.popper.start();
    expect(first.tabs.calls).toHaveLength(2);

    const second = setup([rule()], store);
    second.hub.current = stateWith([ringing]);
    await second.popper.start();
    second.hub.set(stateWith([{ ...ringing, state: 'connected', answeredAt: NOW }]));
    await second.popper.check();
    expect(second.tabs.calls).toEqual([]);
  });

  it('after a restart, a check that comes while the done set is still loading does not pop again', async () => {
    const store = memoryStore();
    store.map.set('screenPop.done.v1', ['open-contact|c1']);
    const get = store.get.bind(store);
    let release: () => void = () => {};
    store.get = async <T>(key: string) => {
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      return get<T>(key);
    };
    const { popper, hub, tabs } = setup([rule()], store);
    hub.current = stateWith([ringing]);
    const starting = popper.start();
    const checking = popper.check(); // the configuration arrives while start() still reads the store
    release();
    await Promise.all([starting, checking]);
    expect(tabs.calls).toEqual([]);
  });

  it('does not pop twice when states arrive while the done set is being written', async () => {
    const store = memoryStore();
    const set = store.set;
    store.set = async (key, value) => {
      await settle();
      await set(key, value);
    };
    const { popper, hub, tabs } = setup([rule()], store);
    await popper.start();
    hub.set(stateWith([ringing]));
    hub.set(stateWith([ringing]));
    hub.set(stateWith([{ ...ringing, queue: 'Sales' }]));
    await popper.check();
    expect(tabs.calls.filter((c) => c.startsWith('createTab'))).toHaveLength(1);
  });

  it('respects moments and conditions', async () => {
    const rules = [
      rule({ id: 'support-answered', on: 'answered', conditions: [{ field: 'queue', equals: 'Support' }] }),
      rule({
        id: 'gold-ended',
        on: 'ended',
        conditions: [{ field: 'vendor.priority', matches: '^go' }],
        url: 'https://crm.example.com/log/{callId}',
      }),
      rule({
        id: 'outbound',
        conditions: [{ field: 'direction', equals: 'outbound' }],
        url: 'https://crm.example.com/out',
      }),
    ];
    const { popper, hub, tabs } = setup(rules);
    await popper.start();
    hub.set(stateWith([ringing, call({ id: 'c2', queue: 'Sales' })]));
    await popper.check();
    expect(tabs.calls).toEqual([]);

    hub.set(
      stateWith([
        { ...ringing, state: 'connected', answeredAt: NOW },
        call({ id: 'c2', queue: 'Sales', answeredAt: NOW }),
      ]),
    );
    await popper.check();
    expect(tabs.calls).toEqual([`createTab ${CONTACT}`, 'focusWindow 1']);

    tabs.calls.length = 0;
    hub.set(stateWith([], [{ ...ringing, state: 'ended', answeredAt: NOW, endedAt: NOW }]));
    await popper.check();
    expect(tabs.calls).toEqual(['createTab https://crm.example.com/log/c1', 'focusWindow 1']);
  });

  it('shows a frame in the bar, titled by the rule', async () => {
    const { popper, hub } = setup([
      rule({
        id: 'card',
        action: 'frame',
        url: 'https://crm.example.com/card/{vendor.customerId}',
        label: 'Customer',
      }),
      rule({ id: 'plain', action: 'frame', url: 'https://crm.example.com/plain' }),
    ]);
    hub.current = stateWith([ringing]);
    await popper.start();
    expect(hub.frames).toEqual([
      { url: 'https://crm.example.com/card/C-1042', title: 'Customer', callId: 'c1', at: NOW },
      { url: 'https://crm.example.com/plain', title: 'Screen-pop', callId: 'c1', at: NOW },
    ]);
  });

  it('reuses a matching tab, focuses only, or opens a sized popup', async () => {
    const tabs = new FakeTabs(
      [
        { id: 5, windowId: 2, url: 'https://crm.example.com/home', active: false, lastAccessed: NOW },
        { id: 6, windowId: 3, url: 'https://desk.example.com/', active: false, lastAccessed: NOW },
      ],
      [
        { id: 1, focused: true },
        { id: 2, focused: false },
        { id: 3, focused: false },
      ],
    );
    const { popper, hub } = setup(
      [
        rule({ id: 'reuse', action: 'reuseTab', tabPattern: 'https://crm.example.com/*' }),
        rule({ id: 'focus', action: 'focus', url: undefined, tabPattern: 'https://desk.example.com/*' }),
        rule({ id: 'pop', action: 'popup', width: 400, height: 300 }),
      ],
      memoryStore(),
      new FakeHub(),
      tabs,
    );
    hub.current = stateWith([ringing]);
    await popper.start();
    expect(tabs.calls).toEqual([
      `activateTab 5 ${CONTACT}`,
      'focusWindow 2',
      'activateTab 6',
      'focusWindow 3',
      `createWindow popup ${CONTACT}`,
    ]);
    expect(tabs.created).toEqual([{ url: CONTACT, type: 'popup', width: 400, height: 300 }]);
  });

  it('tells the agent when a focus rule finds no tab', async () => {
    const { popper, hub, tabs } = setup([
      rule({ id: 'f', action: 'focus', url: undefined, tabPattern: '*://crm.example.com/*' }),
    ]);
    hub.current = stateWith([ringing]);
    await popper.start();
    expect(tabs.calls).toEqual([]);
    expect(hub.notices).toEqual([expect.stringMatching(/^info: Screen-pop rule "f": no open tab matches/)]);
  });

  it('refuses a rule whose URL is not http(s), with a notice naming the rule', async () => {
    const { popper, hub, tabs, log } = setup([
      rule({ id: 'evil', url: 'javascript:alert({name})' }),
      rule({ id: 'sneaky', url: '{vendor.next}' }),
    ]);
    hub.current = stateWith([call({ id: 'c1', vendorData: { next: 'javascript:alert(1)' } })]);
    await popper.start();
    expect(tabs.calls).toEqual([]);
    expect(hub.notices).toEqual([
      expect.stringMatching(/^warning: Screen-pop rule "evil" was not performed: .*javascript/),
      expect.stringMatching(/^warning: Screen-pop rule "sneaky" was not performed/),
    ]);
    expect(log).toHaveBeenCalledWith('warn', expect.stringContaining('evil'));
  });

  it('reports a pop that fails to open and does not retry it', async () => {
    const tabs = new FakeTabs();
    tabs.failWith = new Error('Tabs cannot be edited right now.');
    const { popper, hub, log } = setup([rule()], memoryStore(), new FakeHub(), tabs);
    hub.current = stateWith([ringing]);
    await popper.start();
    expect(hub.notices).toEqual([
      'warning: Screen-pop rule "open-contact" could not open its page: Tabs cannot be edited right now.',
    ]);
    expect(log).toHaveBeenCalledWith('warn', expect.stringContaining('failed to open'), expect.any(Error));
    tabs.failWith = undefined;
    hub.set(stateWith([{ ...ringing, remoteName: 'Again' }]));
    await popper.check();
    expect(tabs.calls).toEqual([]);
  });

  it('follows rule changes on check', async () => {
    const rules: ScreenPopRule[] = [];
    const { popper, hub, tabs } = setup(rules);
    hub.current = stateWith([ringing]);
    await popper.start();
    rules.push(rule());
    await popper.check();
    expect(tabs.calls).toEqual([`createTab ${CONTACT}`, 'focusWindow 1']);
  });

  it('still pops once when the done set cannot be written, and skips what is due when it cannot be read', async () => {
    const store = memoryStore();
    store.set = async () => {
      throw new Error('quota');
    };
    const a = setup([rule()], store);
    a.hub.current = stateWith([ringing]);
    await a.popper.start();
    a.hub.set(stateWith([ringing]));
    await a.popper.check();
    expect(a.tabs.calls).toEqual([`createTab ${CONTACT}`, 'focusWindow 1']);
    expect(a.log).toHaveBeenCalledWith(
      'error',
      expect.stringContaining('could not record'),
      expect.any(Error),
    );

    const unreadable = memoryStore();
    unreadable.get = async () => {
      throw new Error('gone');
    };
    const b = setup([rule({ url: 'https://crm.example.com/calls/{callId}' })], unreadable);
    b.hub.current = stateWith([ringing]);
    await b.popper.start();
    b.hub.set(stateWith([ringing, call({ id: 'c2' })]));
    await b.popper.check();
    expect(b.tabs.calls).toEqual(['createTab https://crm.example.com/calls/c2', 'focusWindow 1']);
  });

  it('stops following the hub', async () => {
    const { popper, hub, tabs } = setup([rule()]);
    await popper.start();
    popper.stop();
    hub.set(stateWith([ringing]));
    await settle();
    expect(tabs.calls).toEqual([]);
  });
});
