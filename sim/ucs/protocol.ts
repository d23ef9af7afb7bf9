/**
 * The wire between the bundle and the simulator's WebSocket. ASSUMPTION: UCS does not publish its
 * WebSocket protocol, so this one is the simulator's own: JSON text frames, requests
 * `{ id, method, args }`, answers `{ id, ok, result | error }`, and pushes `{ phase, callback, args,
 * state }` that name the `window.ucsOperator` callback to call. The first request is `hello` with the
 * bundle's startup options (listDevices, confirmDevice, withoutDevice); the server answers it with
 * onConnect and onCredentials. Browser-safe: the bundle imports it.
 */

/** The component's states (README: methods are gated by them). */
export type Phase = 'CREDENTIALS' | 'IDENTIFY' | 'DEVICE' | 'READY';

/** Agent availability (document: onStateChange). */
export type AgentStatus = 'OFFLINE' | 'READY' | 'ACW' | 'AUX';

/** The states each documented method may be called in; `any` for notify. */
export const METHOD_STATES = {
  login: ['CREDENTIALS'],
  sso: ['CREDENTIALS'],
  logout: ['IDENTIFY', 'DEVICE', 'READY'],
  // The document's state list says `identifier`; its method section says `selectIdentifier`.
  selectIdentifier: ['IDENTIFY', 'DEVICE'],
  identifier: ['IDENTIFY', 'DEVICE'],
  provision: ['IDENTIFY', 'DEVICE'],
  identify: ['DEVICE', 'READY'],
  changeStatus: ['READY'],
  suspend: ['READY'],
  resume: ['READY'],
  answer: ['READY'],
  dial: ['READY'],
  hangup: ['READY'],
  transfer: ['READY'],
  tribute: ['READY'],
  // ASSUMPTION: `hold` (the Czech original's name for tribute) has tribute's states.
  hold: ['READY'],
  unhold: ['READY'],
  notify: 'any',
  state: ['READY'],
  selectRingingSound: ['READY'],
  // ASSUMPTION: the methods the state list leaves out act on a call or on settings: READY only.
  finishTransfer: ['READY'],
  blindTransfer: ['READY'],
  mute: ['READY'],
  setAccountCode: ['READY'],
  testRingingSound: ['READY'],
  stopRingingSoundTest: ['READY'],
} as const satisfies Record<string, readonly Phase[] | 'any'>;

/** A documented control method's name. */
export type MethodName = keyof typeof METHOD_STATES;

/** True when `method` may be called in `phase`. */
export function allowedIn(method: MethodName, phase: Phase): boolean {
  const states: readonly Phase[] | 'any' = METHOD_STATES[method];
  return states === 'any' || states.includes(phase);
}

/** The refusal text for a method called in the wrong state (the bundle and server say the same). */
export function wrongStateMessage(method: MethodName, phase: Phase): string {
  const states: readonly Phase[] | 'any' = METHOD_STATES[method];
  return `${method} is not allowed in state ${phase} (allowed: ${states === 'any' ? 'any' : states.join(', ')})`;
}

/** The ringtones the document lists. */
export const RINGING_SOUNDS = ['default', 'christmas', 'lovingYou', 'quest', 'rush'] as const;

/** A request from the bundle. */
export interface WireRequest {
  /** Echoed in the answer. */
  readonly id: number;
  /** The method called on window.ucsOperator. */
  readonly method: string;
  /** Its arguments, as given. */
  readonly args: readonly unknown[];
}

/** The server's answer to one request. */
export type WireAnswer =
  | { readonly id: number; readonly ok: true; readonly result: unknown }
  | { readonly id: number; readonly ok: false; readonly error: string; readonly code: number };

/** A push: call `window.ucsOperator[callback](...args)`; `phase` and `state` are now current. */
export interface WirePush {
  /** The component's state after this push. */
  readonly phase: Phase;
  /** The documented callback to call, e.g. `onCallRinging`. */
  readonly callback: string;
  /** Its arguments. */
  readonly args: readonly unknown[];
  /** What `ucsOperator.state()` returns now (null before READY). */
  readonly state: unknown;
}

/** Error codes in refusals and `onLoginError`. ASSUMPTION: the document gives no codes. */
export const ERROR_CODES = {
  badCredentials: 401,
  wrongState: 409,
  badRequest: 400,
  unknownMethod: 404,
} as const;

/** The application version onConnect reports (the document's bundle name). */
export const UCS_VERSION = '4.0.0';
