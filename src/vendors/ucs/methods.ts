/**
 * The document's method-state table ("The function can be called in the following states") and the
 * agent-facing refusal for a method called in the wrong state. The bundle refuses such a call only
 * through `onWarning` (or not at all), so the adapter checks first and says what is wrong in words.
 */

/** The component's states; `UNKNOWN` while the bundle is loading or has lost its server. */
export type UcsPhase = 'CREDENTIALS' | 'IDENTIFY' | 'DEVICE' | 'READY' | 'UNKNOWN';

/** The documented methods the adapter calls, with the states they are allowed in. */
export const METHOD_PHASES = {
  login: ['CREDENTIALS'],
  sso: ['CREDENTIALS'],
  logout: ['IDENTIFY', 'DEVICE', 'READY'],
  selectIdentifier: ['IDENTIFY', 'DEVICE'],
  // The document's state list names the pairing method `identifier`; its method section `selectIdentifier`.
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
  hold: ['READY'],
  unhold: ['READY'],
  state: ['READY'],
  selectRingingSound: ['READY'],
  // The state list leaves these out; they act on a call or after one, which needs READY.
  finishTransfer: ['READY'],
  blindTransfer: ['READY'],
  mute: ['READY'],
  setAccountCode: ['READY'],
} as const satisfies Record<string, readonly UcsPhase[]>;

/** A method the adapter calls. */
export type UcsMethod = keyof typeof METHOD_PHASES;

const PHASE_WORDS: Record<UcsPhase, string> = {
  CREDENTIALS: 'waiting for the login',
  IDENTIFY: 'waiting for a phone to be paired',
  DEVICE: 'waiting for the paired phone to be confirmed',
  READY: 'ready',
  UNKNOWN: 'not connected to the UCS server',
};

/** True when `method` may be called in `phase`. */
export function allowedIn(method: UcsMethod, phase: UcsPhase): boolean {
  return (METHOD_PHASES[method] as readonly UcsPhase[]).includes(phase);
}

/**
 * The agent's message for `what` (e.g. "Answering") refused because `method` is not allowed in `phase`:
 * what the agent bar is doing, and when it will work.
 */
export function wrongPhaseMessage(what: string, method: UcsMethod, phase: UcsPhase): string {
  const allowed = METHOD_PHASES[method] as readonly UcsPhase[];
  const when = allowed.map((each) => `${PHASE_WORDS[each]} (${each})`).join(' or ');
  return `${what} is not possible now: the UCS agent bar is ${PHASE_WORDS[phase]} (state ${phase}). UCS takes ${method} only when it is ${when}.`;
}
