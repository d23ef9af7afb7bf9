/**
 * The sandboxed vendor page (`src/sandbox/index.html`): a manifest `sandbox.pages` entry, so it may load
 * a remote vendor script (UCS's `operator-vX.js`) that extension pages may not. It lives in an iframe of
 * the offscreen document (a frame opened with `sandboxed: true`) and talks to it over `postMessage` only.
 * Its origin is opaque ("null"), so both ends check `event.source` rather than the origin.
 */

/** The sandbox page's own path in the extension (what `chrome.runtime.getURL` is given). */
export const SANDBOX_PAGE = 'src/sandbox/index.html';

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

/** Parent → sandbox. */
export type ToSandbox =
  /** Sets `window.ucsOperator` to `config` plus a forwarder for every callback, then loads `scriptUrl`. */
  | { readonly type: 'load'; readonly scriptUrl: string; readonly config: Record<string, unknown> }
  /** Calls `window.ucsOperator[method](...args)`; answered by a `result` with the same id. */
  | {
      readonly type: 'call';
      readonly id: number | string;
      readonly method: string;
      readonly args?: unknown[];
    };

/** Sandbox → parent. */
export type FromSandbox =
  /** The page is listening (sent once at start; the parent may also wait for the iframe's `load`). */
  | { readonly type: 'ready' }
  /** A vendor callback fired (arguments made structured-cloneable). */
  | { readonly type: 'callback'; readonly name: string; readonly args: unknown[] }
  /** The answer to a `call`. */
  | { readonly type: 'result'; readonly id: number | string; readonly ok: true; readonly value?: unknown }
  | { readonly type: 'result'; readonly id: number | string; readonly ok: false; readonly error: string }
  /** The vendor script did not load (network, CSP), or `load` was refused. */
  | { readonly type: 'loadError'; readonly message: string };
