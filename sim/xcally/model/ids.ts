/** A new call's Asterisk identifiers. */
export interface CallIds {
  /** `<epoch seconds>.<sequence>`, like the samples' `1599601698.94`. */
  readonly uniqueid: string;
  /** The sequence in 8 hex digits: a channel name's tail, like `SIP/telephone-0000005e`. */
  readonly channelSuffix: string;
}

// The samples come from one server minutes apart: .94/0000005e, .96/00000060, .98/00000062. Starting
// there and stepping by two (a queue call has a caller and an agent channel) reproduces them.
const FIRST_SEQUENCE = 94;

/** Hands out Asterisk-style uniqueids and channel suffixes, and Phonebar session ids. */
export class IdSource {
  private sequence = FIRST_SEQUENCE;
  private sessions = 0;

  /** The next call's uniqueid and channel suffix. */
  call(now: number): CallIds {
    const sequence = this.sequence;
    this.sequence += 2;
    return {
      uniqueid: `${Math.floor(now / 1000)}.${sequence}`,
      channelSuffix: sequence.toString(16).padStart(8, '0'),
    };
  }

  /**
   * The next Phonebar session id.
   * ASSUMPTION: the Phonebar's session ids are opaque strings of its own, unrelated to Asterisk's uniqueid.
   */
  session(): string {
    this.sessions += 1;
    return `session-${this.sessions}`;
  }

  /** Back to the first ids. */
  reset(): void {
    this.sequence = FIRST_SEQUENCE;
    this.sessions = 0;
  }
}
