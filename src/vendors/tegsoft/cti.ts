/** A call's CTI data: where events and answers carry it, how updates merge, which answers are stale. */

import { type CtiData, NO_CTI, readCti, readProperties } from './payload';
import { INTENT_TTL_MS } from './pending-requests';

/** CTI data an event carries (`ctiData`, at the top or in the call properties). */
export function ctiOf(data: Readonly<Record<string, unknown>>): Partial<CtiData> | undefined {
  return readCti(data.ctiData) ?? readCti(readProperties(data).ctiData);
}

/** `base` with the fields `update` carries replaced (an answer carries the whole of each field). */
export function withCti(base: CtiData, update: Partial<CtiData> | undefined): CtiData {
  return update ? { ...base, ...update } : base;
}

/** The call's CTI data with `variables` added over what it has; names shown and DTMF log kept. */
export function mergedCti(
  current: CtiData | undefined,
  variables: Readonly<Record<string, string>>,
): CtiData {
  return {
    variables: { ...current?.variables, ...variables },
    ctiVariableNames: [...(current?.ctiVariableNames ?? [])],
    logDTMF: [...(current?.logDTMF ?? [])],
  };
}

/**
 * The call's CTI data after an answer about it (`removed`: the answer to removeCtiData, so none);
 * undefined when the answer carries none that can be read.
 */
export function ctiAfterAnswer(
  current: CtiData,
  data: Readonly<Record<string, unknown>>,
  removed: boolean,
): CtiData | undefined {
  if (removed || data.ctiData === null) return NO_CTI;
  const cti = ctiOf(data);
  return cti && withCti(current, cti);
}

/**
 * The getCtiData requests the widget has not answered. It answers in order, so the answer to a request
 * sent before the agent changed the call's data carries the data from before: that answer is stale. A
 * request unanswered for `INTENT_TTL_MS` is taken as never to be answered.
 */
export class CtiQueries {
  private pending: { readonly at: number; stale: boolean }[] = [];

  constructor(private readonly now: () => number) {}

  /** A getCtiData was sent. */
  asked(): void {
    this.pending.push({ at: this.now(), stale: false });
  }

  /** The agent changed the data here: answers to what was asked so far are out of date. */
  changed(): void {
    for (const query of this.pending) query.stale = true;
  }

  /** An answer came: whether it is out of date. */
  answerIsStale(): boolean {
    this.pending = this.pending.filter((query) => this.now() - query.at <= INTENT_TTL_MS);
    return this.pending.shift()?.stale ?? false;
  }
}
