import { ERROR_CODES } from '../protocol';

/** A request the server refuses; the bundle reports it (see bundle/operator.ts). */
export class Refusal extends Error {
  override readonly name = 'Refusal';

  /** `code`: one of ERROR_CODES. */
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

/** A refusal for a bad argument. */
export const badRequest = (message: string) => new Refusal(ERROR_CODES.badRequest, message);
