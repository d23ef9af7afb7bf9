import * as v from 'valibot';
import { backoffDelay } from '../core/backoff';
import {
  COMMAND_LABELS,
  CONNECTING_COMMANDS,
  type Command,
  isCommandSupported,
  type VendorCommand,
} from '../core/commands';
import type { Profile, SoftbarConfig } from '../core/config/types';
import { type HubState, initialHubState } from '../core/hub-state';
import { isRegion } from '../core/phone/number';
import { dismissNotice, reduce } from '../core/reducer';
import type { VendorEvent } from '../core/vendor-events';
import { parseCommand } from '../messaging/command-schema';
import {
  type AdapterContext,
  NO_SSO_TOKEN_FROM_PAGE,
  type VendorAdapter,
  type VendorDefinition,
} from '../vendors/contract';
import type { FrameHost } from '../vendors/frame-host';

/** Durable key-value storage for the hub (chrome.storage.session in the worker, a Map in tests). */
export interface KeyValueStore {
  /** The value under `key`, or undefined. */
  get<T>(key: string): Promise<T | undefined>;
  /** Saves `value` under `key`. */
  set(key: string, value: unknown): Promise<void>;
}

export type Logger = AdapterContext['log'];

export interface HubDeps {
  /** Vendors this build can run. */
  readonly vendors: readonly VendorDefinition[];
  /** Survives the worker being stopped; cleared when the browser closes. */
  readonly sessionStore: KeyValueStore;
  /** Epoch ms, for event and state times. */
  readonly now: () => number;
  /** The worker's log; vendor adapters log here too. */
  readonly log: Logger;
  /** Hosts vendor pages that need a DOM; absent: adapters that need one fail to connect, saying why. */
  readonly frames?: FrameHost;
}

const NO_FRAMES: FrameHost = {
  sandboxPage: '',
  open: async () => {
    throw new Error('This vendor needs a page host, which is not available here.');
  },
};

const STATE_KEY = 'hub.state.v1';
const RECONNECT_BASE_MS = 1_000;
const RECONNECT_MAX_MS = 30_000;

/**
 * The single source of truth: one vendor session, its live state, and the only path to the vendor.
 * Browser-free, so unit tests drive it with fakes; `index.ts` wires it to Chrome.
 */
export class Hub {
  private state: HubState;
  private adapter: VendorAdapter | undefined;
  private profile: Profile | undefined;
  /** The active profile's settings after its vendor's schema applied the defaults. */
  private settings: unknown;
  private defaultRegion: SoftbarConfig['defaultRegion'] | undefined;
  private abort = new AbortController();
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private reconnectAttempt = 0;
  private readonly listeners = new Set<(state: HubState) => void>();
  private readonly eventListeners = new Set<(event: VendorEvent) => void>();
  private persistQueued = false;
  private persisting: Promise<void> = Promise.resolve();

  constructor(private readonly deps: HubDeps) {
    this.state = initialHubState({ profileId: '', vendorId: '', label: 'Not configured' }, deps.now());
  }

  /** The current state. */
  get current(): HubState {
    return this.state;
  }

  /** Calls `listener` with every new state; returns the unsubscribe. */
  subscribe(listener: (state: HubState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Runs the active profile of `config`: restores the live state saved before a worker restart when it
   * belongs to the same profile, then starts connecting (resolves before the vendor is connected). Called again whenever the configuration changes; a
   * change that does not touch the active profile keeps the session as it is.
   */
  async applyConfig(config: SoftbarConfig): Promise<void> {
    this.defaultRegion = isRegion(config.defaultRegion) ? config.defaultRegion : undefined;
    const profile = config.profiles.find((p) => p.id === config.activeProfile);
    if (profile && this.profile && JSON.stringify(profile) === JSON.stringify(this.profile) && this.adapter)
      return;
    await this.stopSession();
    this.profile = profile;
    if (!profile) {
      this.setState({
        ...initialHubState({ profileId: '', vendorId: '', label: 'Not configured' }, this.deps.now()),
        wrapUp: this.state.wrapUp,
      });
      return;
    }
    const vendor = this.deps.vendors.find((d) => d.id === profile.vendor);
    const session = { profileId: profile.id, vendorId: profile.vendor, label: profile.label };
    const saved = await this.deps.sessionStore.get<HubState>(STATE_KEY);
    const resumed =
      saved && saved.session.profileId === profile.id && saved.session.vendorId === profile.vendor;
    // The wrap-up list belongs to the call history, not to the vendor session: it survives a switch.
    const fresh = { ...initialHubState(session, this.deps.now()), wrapUp: this.state.wrapUp };
    this.setState(
      resumed ? { ...fresh, ...saved, session, wrapUp: saved.wrapUp ?? this.state.wrapUp } : fresh,
    );
    if (!vendor) {
      this.dispatch({
        type: 'connection',
        at: this.deps.now(),
        status: 'failed',
        message: `Vendor "${profile.vendor}" is not available in this version of Softbar.`,
      });
      return;
    }
    const settings = v.safeParse(vendor.settingsSchema, profile.settings);
    if (!settings.success) {
      this.dispatch({
        type: 'connection',
        at: this.deps.now(),
        status: 'failed',
        message: `Profile "${profile.label}" has invalid settings; fix them in the options page.`,
      });
      return;
    }
    this.settings = settings.output;
    const adapter = vendor.create(settings.output, this.adapterContext(profile.id));
    this.adapter = adapter;
    adapter.onEvent((event) => {
      if (this.adapter === adapter) this.dispatch(event);
    });
    this.dispatch({ type: 'capabilities', at: this.deps.now(), capabilities: adapter.capabilities });
    // Not awaited: a vendor may wait on the agent to connect (UCS's phone pairing), and the
    // configuration is in force, and the worker started, before that.
    void this.connect(adapter);
  }

  /**
   * Checks and runs a command from any context. Rejects with a message for the agent when the command
   * is malformed, names no live call, or needs a capability the vendor lacks.
   */
  async execute(input: unknown): Promise<void> {
    const command = parseCommand(input);
    if (command instanceof Error) throw command;
    const adapter = this.adapter;
    if (!adapter) throw new Error('No contact-center profile is active: choose one in the options page.');
    const unsupported = () =>
      new Error(`${COMMAND_LABELS[command.type]} is not supported by ${this.state.session.label}.`);
    // Skipping an account code is the bar's own business: the vendor has nothing to hear.
    if (command.type === 'skipAccountCode') {
      if (!this.state.capabilities.accountCodes) throw unsupported();
      this.dispatch({ type: 'accountCodeSettled', id: command.requestId, at: this.deps.now() });
      return;
    }
    if (this.state.connection.status !== 'connected' && !CONNECTING_COMMANDS.includes(command.type)) {
      const why = this.state.connection.message ? ` (${this.state.connection.message})` : '';
      throw new Error(`${this.state.session.label} is not connected right now${why}; try again in a moment.`);
    }
    if (!isCommandSupported(command, this.state.capabilities)) throw unsupported();
    await adapter.execute(this.toVendorCommand(command));
  }

  /** Shows the vendor's own screen (login problems, video), on vendors that have one. */
  async openVendorScreen(): Promise<void> {
    const adapter = this.adapter;
    if (!adapter?.openScreen || !this.state.capabilities.vendorScreen) {
      throw new Error(`${this.state.session.label} has no screen of its own to open.`);
    }
    await adapter.openScreen();
  }

  /** Hands a CRM page's SSO token to the vendor; rejects with the reason when it does not take it. */
  async provideSsoToken(given: { username: string; token: string }, origin: string): Promise<void> {
    const adapter = this.adapter;
    if (!adapter?.acceptSsoToken) throw new Error(NO_SSO_TOKEN_FROM_PAGE);
    if (given.username.trim() === '' || given.token.trim() === '' || given.token.length > 8192)
      throw new Error('An SSO token needs a user name and a token.');
    adapter.acceptSsoToken({ username: given.username.trim(), token: given.token.trim() }, origin);
  }

  /** Rings a simulated inbound call on vendors that have a built-in simulation. */
  async simulateIncoming(): Promise<void> {
    const simulation = this.adapter?.simulation;
    if (!simulation) throw new Error(`${this.state.session.label} cannot simulate calls.`);
    await simulation.incomingCall();
  }

  /** Removes one notice. */
  dismissNotice(id: string): void {
    this.setState(dismissNotice(this.state, id));
  }

  /** Replaces the calls waiting for notes (the call history owns the list; the bar shows it). */
  setWrapUp(wrapUp: HubState['wrapUp']): void {
    this.setState({ ...this.state, wrapUp });
  }

  /** Shows a page in the bar's frame panel, or closes it (undefined). The caller checks the URL. */
  setFrame(frame: HubState['frame']): void {
    this.setState({ ...this.state, frame });
  }

  /** The vendor and validated settings of the running session, if any (for "Test connection"). */
  get activeSettings(): { readonly vendor: string; readonly settings: unknown } | undefined {
    return this.adapter && this.profile
      ? { vendor: this.profile.vendor, settings: this.settings }
      : undefined;
  }

  /** The running adapter, for tests and the demo's far-end controls. */
  get activeAdapter(): VendorAdapter | undefined {
    return this.adapter;
  }

  /** Resolves once the latest state is saved. */
  flush(): Promise<void> {
    return this.persisting;
  }

  /**
   * Calls `listener` with every vendor event after the reducer saw it (for requests that are not state:
   * `openPage`, desktop notices). Returns the unsubscribe.
   */
  onVendorEvent(listener: (event: VendorEvent) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  /** Tells the vendor a screen-pop opened for one of its calls (xCALLY shows it to supervisors). */
  screenPopped(pop: { readonly callId: string; readonly url: string; readonly rule: string }): void {
    const call = [...this.state.calls, ...this.state.recent].find((c) => c.id === pop.callId);
    const vendorCallId = call?.vendorCallIds[0];
    if (!vendorCallId || !this.adapter?.screenPopped) return;
    try {
      this.adapter.screenPopped({ vendorCallId, url: pop.url, rule: pop.rule, call });
    } catch (error) {
      this.deps.log('warn', 'the vendor could not be told of a screen-pop', error);
    }
  }

  /** Feeds one normalized event through the reducer. */
  dispatch(event: VendorEvent): void {
    const next = reduce(this.state, event, {
      defaultRegion: this.defaultRegion,
      warn: (message, detail) => this.deps.log('warn', `ignored vendor event: ${message}`, detail),
    });
    if (next !== this.state) this.setState(next);
    for (const listener of this.eventListeners) {
      try {
        listener(event);
      } catch (error) {
        this.deps.log('error', 'a vendor event listener failed', error);
      }
    }
  }

  private toVendorCommand(command: Command): VendorCommand {
    if (!('callId' in command)) return command;
    const call = this.state.calls.find((c) => c.id === command.callId);
    if (!call) throw new Error('That call has already ended.');
    const { callId: _unused, ...rest } = command;
    return { ...rest, vendorCallId: call.vendorCallIds[0]! } as VendorCommand;
  }

  private async connect(adapter: VendorAdapter): Promise<void> {
    const signal = this.abort.signal;
    try {
      await adapter.connect(signal);
      this.reconnectAttempt = 0;
    } catch (error) {
      if (signal.aborted || this.adapter !== adapter) return;
      const delay = backoffDelay(this.reconnectAttempt++, RECONNECT_BASE_MS, RECONNECT_MAX_MS);
      const reason = error instanceof Error ? error.message : String(error);
      this.deps.log('warn', `connect to ${adapter.id} failed`, error);
      this.dispatch({
        type: 'connection',
        at: this.deps.now(),
        status: 'reconnecting',
        message: `${reason} Retrying in ${Math.round(delay / 1000)} s.`,
      });
      this.reconnectTimer = setTimeout(() => void this.connect(adapter), delay);
    }
  }

  private async stopSession(): Promise<void> {
    this.abort.abort();
    this.abort = new AbortController();
    clearTimeout(this.reconnectTimer);
    const adapter = this.adapter;
    this.adapter = undefined;
    this.reconnectAttempt = 0;
    await adapter?.dispose();
  }

  private adapterContext(profileId: string): AdapterContext {
    const prefix = `vendor.${profileId}.`;
    return {
      store: {
        get: (key) => this.deps.sessionStore.get(prefix + key),
        set: (key, value) => this.deps.sessionStore.set(prefix + key, value),
      },
      now: this.deps.now,
      log: this.deps.log,
      frames: this.deps.frames ?? NO_FRAMES,
    };
  }

  private setState(next: HubState): void {
    this.state = next;
    this.persist();
    for (const listener of this.listeners) listener(next);
  }

  /** Saves the state once per burst of events; the last state always lands. */
  private persist(): void {
    if (this.persistQueued) return;
    this.persistQueued = true;
    this.persisting = this.persisting.then(async () => {
      this.persistQueued = false;
      try {
        await this.deps.sessionStore.set(STATE_KEY, this.state);
      } catch (error) {
        this.deps.log('error', 'could not save the live state', error);
      }
    });
  }
}
