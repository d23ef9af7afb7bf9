import type * as v from 'valibot';
import type { Call } from '../core/call';
import type { Capabilities } from '../core/capabilities';
import type { VendorCommand } from '../core/commands';
import type { VendorEvent } from '../core/vendor-events';
import type { FrameHost } from './frame-host';
import type { SettingsField } from './settings-form';

/** Every vendor Softbar knows; `demo` is the embedded default. */
export type VendorId = 'demo' | 'tegsoft' | 'tvox' | 'xcally' | 'ucs' | 'agentdesktop';

/**
 * What a page that may not hand over an SSO token hears, whatever the vendor or profile (so a page learns
 * nothing about them).
 */
export const NO_SSO_TOKEN_FROM_PAGE = 'Softbar takes no SSO token from this page.';

/** What the hub lends an adapter. */
export interface AdapterContext {
  /** Storage that survives the worker being stopped and restarted (never readable by content scripts). */
  readonly store: {
    /** The value saved under `key`, or undefined. */
    get<T>(key: string): Promise<T | undefined>;
    /** Saves `value` under `key`; resolves once it is durable. */
    set(key: string, value: unknown): Promise<void>;
  };
  /** The current time in epoch ms (a fake clock in tests). */
  readonly now: () => number;
  /** Diagnostics that go to the worker's console, never to the page. */
  readonly log: (level: 'debug' | 'info' | 'warn' | 'error', message: string, detail?: unknown) => void;
  /** Hosts vendor pages that need a DOM (iframes in the offscreen document). */
  readonly frames: FrameHost;
  /**
   * `test`: a throw-away session for "Test connection" that must leave the agent's live session alone
   * (no phone taken, no logout when it closes). Absent: the agent's session.
   */
  readonly purpose?: 'test';
}

/** Controls of a simulated far end that a built-in simulator offers the UI (the demo vendor). */
export interface SimulationControl {
  /** Rings a new inbound call from a random caller, or the given one. */
  incomingCall(caller?: { number: string; name?: string }): Promise<void>;
}

/** One live connection to a vendor. The hub owns exactly one per active profile. */
export interface VendorAdapter {
  /** Which vendor this is. */
  readonly id: VendorId;
  /** What the vendor supports once connected; the hub refuses other commands. */
  readonly capabilities: Capabilities;
  /** Opens the connection; resolves once connected, rejects with a message an agent understands. */
  connect(signal: AbortSignal): Promise<void>;
  /** Asks the vendor to do something; resolves when the vendor accepted it, rejects with a clear message. */
  execute(command: VendorCommand): Promise<void>;
  /** Subscribes to normalized events (each carries the raw vendor payload); returns the unsubscribe. */
  onEvent(listener: (event: VendorEvent) => void): () => void;
  /** Closes the connection and releases timers; the adapter is not used again. */
  dispose(): Promise<void>;
  /** Present only for built-in simulations. */
  readonly simulation?: SimulationControl;
  /** Shows the vendor's own screen (login problems, video); present when `capabilities.vendorScreen`. */
  openScreen?(): Promise<void>;
  /**
   * An SSO token a CRM page handed over for the agent (vendors that log in by SSO, UCS). `origin` is the
   * page's origin as Chrome reported it; the adapter refuses origins its settings do not name.
   */
  acceptSsoToken?(given: { readonly username: string; readonly token: string }, origin: string): void;
  /** Told when a screen-pop rule opened a page for one of its calls (e.g. xCALLY's RealtimeCTI). */
  screenPopped?(pop: {
    readonly vendorCallId: string;
    readonly url: string;
    readonly rule: string;
    readonly call: Call;
  }): void;
}

/** A vendor as the registry lists it: its settings schema and how to make an adapter. */
export interface VendorDefinition<Settings = unknown> {
  readonly id: VendorId;
  /** Name shown to admins and agents. */
  readonly label: string;
  /** Validates the profile's `settings`; messages name the field and the fix. */
  readonly settingsSchema: v.GenericSchema<unknown, Settings>;
  /** Makes an adapter for validated settings. */
  create(settings: Settings, ctx: AdapterContext): VendorAdapter;
  /** How the options page asks for the settings, field by field (absent: JSON only). */
  readonly settingsForm?: readonly SettingsField[];
}
