import type { KeyValueStore } from '../../../src/background/hub';
import type { BrowserTab, NewWindow, TabsApi } from '../../../src/background/tabs/tabs-api';
import type { Call } from '../../../src/core/call';
import type { Command } from '../../../src/core/commands';
import { type BarFrame, type HubState, initialHubState } from '../../../src/core/hub-state';
import { reduce } from '../../../src/core/reducer';
import { sampleCall } from '../../../src/core/rules/sample-call';
import type { VendorEvent } from '../../../src/core/vendor-events';

export const NOW = Date.UTC(2026, 0, 15, 9, 31);

/** A call in the given state; ids differ per `id`. */
export const call = (overrides: Partial<Call> = {}): Call =>
  sampleCall({ createdAt: NOW - 1000, ...overrides });

export const stateWith = (calls: Call[], recent: Call[] = []): HubState => ({
  ...initialHubState({ profileId: 'p1', vendorId: 'demo', label: 'Demo' }, NOW),
  connection: { status: 'connected', since: NOW },
  calls,
  recent,
});

/** The hub surface the popper and the notifier use, with state set by the test. */
export class FakeHub {
  current: HubState = stateWith([]);
  readonly frames: (BarFrame | undefined)[] = [];
  readonly commands: Command[] = [];
  executeError: Error | undefined;
  private readonly listeners = new Set<(state: HubState) => void>();

  subscribe(listener: (state: HubState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  set(state: HubState): void {
    this.current = state;
    for (const listener of this.listeners) listener(state);
  }

  setFrame(frame: BarFrame | undefined): void {
    this.frames.push(frame);
    this.set({ ...this.current, frame });
  }

  dispatch(event: VendorEvent): void {
    this.set(reduce(this.current, event, { defaultRegion: 'GB', warn: () => {} }));
  }

  async execute(command: unknown): Promise<void> {
    this.commands.push(command as Command);
    if (this.executeError) throw this.executeError;
  }

  get notices(): string[] {
    return this.current.notices.map((n) => `${n.level}: ${n.text}`);
  }
}

export const memoryStore = () => {
  const map = new Map<string, unknown>();
  const store: KeyValueStore & { map: Map<string, unknown> } = {
    map,
    get: async <T>(key: string) => structuredClone(map.get(key)) as T | undefined,
    set: async (key, value) => void map.set(key, structuredClone(value)),
  };
  return store;
};

export interface FakeWindow {
  id: number;
  focused: boolean;
}

/** Tabs and windows in memory; records what was asked of the browser. */
export class FakeTabs implements TabsApi {
  tabs: BrowserTab[];
  windows: FakeWindow[];
  /** The window `lastFocusedWindow` reports. */
  lastWindowId: number | undefined;
  readonly calls: string[] = [];
  readonly created: NewWindow[] = [];
  failWith: Error | undefined;
  private nextId = 100;

  constructor(tabs: BrowserTab[] = [], windows: FakeWindow[] = [{ id: 1, focused: true }]) {
    this.tabs = tabs;
    this.windows = windows;
    this.lastWindowId = windows[0]?.id;
  }

  async list(): Promise<BrowserTab[]> {
    return this.tabs.map((t) => ({ ...t }));
  }

  async lastFocusedWindow() {
    return this.windows.find((w) => w.id === this.lastWindowId);
  }

  async createTab(url: string): Promise<BrowserTab> {
    this.fail();
    const windowId = this.lastWindowId ?? 1;
    const tab = { id: this.nextId++, windowId, url, active: true, lastAccessed: NOW };
    this.tabs = [...this.tabs.map((t) => (t.windowId === windowId ? { ...t, active: false } : t)), tab];
    this.calls.push(`createTab ${url}`);
    return tab;
  }

  async activateTab(tabId: number, url?: string): Promise<void> {
    this.fail();
    const tab = this.tabs.find((t) => t.id === tabId);
    if (!tab) throw new Error(`No tab with id: ${tabId}.`);
    this.calls.push(url === undefined ? `activateTab ${tabId}` : `activateTab ${tabId} ${url}`);
  }

  async focusWindow(windowId: number): Promise<void> {
    this.fail();
    this.calls.push(`focusWindow ${windowId}`);
  }

  async createWindow(options: NewWindow): Promise<void> {
    this.fail();
    this.created.push(options);
    this.calls.push(`createWindow ${options.type} ${options.url}`);
  }

  private fail(): void {
    if (this.failWith) throw this.failWith;
  }
}

/** Lets pending promise chains settle. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
