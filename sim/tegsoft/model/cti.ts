/** CTI data: what `dial` and `setCtiData` attach to a call (the document's `ctiData` object). */
export interface CtiData {
  /** Named values for the call (`CONTID` among them names the contact). */
  readonly variables: Readonly<Record<string, string>>;
  /** The variables the agent is shown. */
  readonly ctiVariableNames: readonly string[];
  /** IVR choices to log with the call. */
  readonly logDTMF: readonly string[];
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

/** The CTI data in an action's `data.ctiData`, or null when it is missing or not an object. */
export function parseCtiData(value: unknown): CtiData | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const record = value as Record<string, unknown>;
  const variables: Record<string, string> = {};
  if (typeof record.variables === 'object' && record.variables !== null) {
    for (const [key, raw] of Object.entries(record.variables)) {
      if (['string', 'number', 'boolean'].includes(typeof raw)) variables[key] = String(raw);
    }
  }
  return { variables, ctiVariableNames: strings(record.ctiVariableNames), logDTMF: strings(record.logDTMF) };
}

/**
 * Puts CTI data on a call's `activeCallProperties`.
 *
 * ASSUMPTION: every variable becomes a property (so `CONTID` replaces the contact id), the first two
 * `ctiVariableNames` fill `callStatusLine1` / `callStatusLine2` as "name: value" (the lines the agent
 * reads), and `logDTMF` is kept as a property of the same name.
 */
export function applyCti(props: Record<string, unknown>, cti: CtiData): void {
  Object.assign(props, cti.variables);
  const [first, second] = cti.ctiVariableNames;
  props.callStatusLine1 = first === undefined ? '' : `${first}: ${cti.variables[first] ?? ''}`;
  props.callStatusLine2 = second === undefined ? '' : `${second}: ${cti.variables[second] ?? ''}`;
  props.logDTMF = [...cti.logDTMF];
}
