/** A control call that cannot be done in the simulator's current state (HTTP 409). */
export class SimControlError extends Error {
  override readonly name = 'SimControlError';
}
