/**
 * The sandboxed vendor page (`src/sandbox/index.html`): a manifest `sandbox.pages` entry, so it may load
 * a remote vendor script (UCS's `operator-vX.js`) that extension pages may not. It lives in an iframe of
 * a host page (the offscreen document, or a vendor-screen window: a frame opened with `sandboxed: true`).
 *
 * Its origin is opaque ("null"), which no target origin can name and no received `origin` tells apart
 * from any other opaque document, and the vendor script in it can navigate the iframe elsewhere (a
 * `data:` page is "null" too, in the same `contentWindow`). So the two talk over a MessageChannel made
 * for each page load, never over the windows:
 *
 * 1. When the iframe fires `load` for a page the host put there itself, the host makes a MessageChannel,
 *    keeps `port1`, and transfers `port2` with ONE window message, `PortHandshake` (target origin "*":
 *    unavoidable for an opaque origin, so the handshake carries nothing but the port).
 * 2. The page takes the handshake only from `window.parent`, from the extension's origin, and only the
 *    first one; it then answers `ready` on the port. Every `ToSandbox` and `FromSandbox` message goes over
 *    that port; the page ignores every other window message, and the host drops every window message
 *    that claims to come from a sandboxed frame.
 * 3. Any later `load` of that iframe is a document the host did not put there (our page never navigates
 *    itself): the host closes the port, so what the new document posts or is sent goes nowhere, and puts
 *    a fresh sandbox page, with a fresh channel, in a new iframe in its place (a few times a minute at
 *    most; a frame that keeps leaving its page is removed).
 */

/** The sandbox page's own path in the extension (what `chrome.runtime.getURL` is given). */
export const SANDBOX_PAGE = 'src/sandbox/index.html';

/** The `type` of the one window message a host page sends its sandboxed frame: it carries the port. */
export const PORT_HANDSHAKE = 'softbar:port';

/** Host page → sandbox page, over the window, once per page load: `ports[0]` is the page's channel. */
export interface PortHandshake {
  readonly type: typeof PORT_HANDSHAKE;
}

/** Every callback the UCS agent bar document names (`window.ucsOperator.on…`): each is forwarded. */
export const UCS_CALLBACKS = [
  'onError',
  'onWarning',
  'onInfo',
  'onDebug',
  'onMessage',
  'onConnect',
  'onCredentials',
  'onLoginError',
  'onUser',
  'onIdentify',
  'onIdentifier',
  'onDevice',
  'onReady',
  'onStateChange',
  'onCallNew',
  'onCallRinging',
  'onCallConnect',
  'onCallHold',
  'onCallResume',
  'onCallHangup',
  'onCallMute',
  'onCallUnmute',
  'onAgentSuspend',
  'onAgentResume',
  'onWaitingCallersChange',
] as const;

/** Parent → sandbox, over the handshake's port. */
export type ToSandbox =
  /**
   * Sets `window.ucsOperator` to `config` plus a forwarder for every callback, then loads `scriptUrl`.
   * `tag`: the caller's name for what it loaded (a settings fingerprint), given back by `describe`.
   */
  | {
      readonly type: 'load';
      readonly scriptUrl: string;
      readonly config: Record<string, unknown>;
      readonly tag?: string;
    }
  /** Asks what the page runs: answered by a `result` whose value is a `SandboxDescription`. */
  | { readonly type: 'describe'; readonly id: number | string }
  /** Calls `window.ucsOperator[method](...args)`; answered by a `result` with the same id. */
  | {
      readonly type: 'call';
      readonly id: number | string;
      readonly method: string;
      readonly args?: unknown[];
    };

/** What `describe` answers. */
export interface SandboxDescription {
  /** Whether a vendor script was loaded into the page. */
  readonly loaded: boolean;
  /** The `tag` given with `load`, if any. */
  readonly tag?: string;
}

/** Sandbox → parent, over the handshake's port. */
export type FromSandbox =
  /** The page took the handshake's port and listens on it (sent once, the port's first message). */
  | { readonly type: 'ready' }
  /** A vendor callback fired (arguments made structured-cloneable). */
  | { readonly type: 'callback'; readonly name: string; readonly args: unknown[] }
  /** The answer to a `call`. */
  | { readonly type: 'result'; readonly id: number | string; readonly ok: true; readonly value?: unknown }
  | { readonly type: 'result'; readonly id: number | string; readonly ok: false; readonly error: string }
  /** The vendor script did not load (network, CSP), or `load` was refused. */
  | { readonly type: 'loadError'; readonly message: string };
