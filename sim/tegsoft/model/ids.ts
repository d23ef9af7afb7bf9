import { randomUUID } from 'node:crypto';

/** Identifiers shaped like the document's samples. */
export class IdSource {
  private seq = 1000;

  /** An Asterisk unique id, `"1666791896.1980"` (the samples' `CALLID` and `uniqueId`). */
  uniqueId(now: number): string {
    this.seq += 1;
    return `${Math.floor(now / 1000)}.${this.seq}`;
  }

  /** A PJSIP channel name for the agent's leg, `"PJSIP/1001-00000311"`. */
  channel(exten: string): string {
    this.seq += 1;
    return `PJSIP/${exten}-${this.seq.toString(16).padStart(8, '0')}`;
  }

  /** A UUID (`CONTID`, `CHATID`, `CAMPAIGNID`, widget session ids). */
  uuid(): string {
    return randomUUID();
  }
}
