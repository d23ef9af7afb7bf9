import type { Call } from '../core/call';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The call's CTI variables as name/value pairs, in the vendor's order. Only `vendorData.variables` holds
 * them (Tegsoft's `ctiData.variables`); values other than text, numbers and booleans are not the agent's
 * to read or edit here, so they are left out.
 */
export function callVariables(call: Pick<Call, 'vendorData'>): [string, string][] {
  const variables = call.vendorData.variables;
  if (!isRecord(variables)) return [];
  const pairs: [string, string][] = [];
  for (const [name, value] of Object.entries(variables)) {
    if (typeof value === 'string') pairs.push([name, value]);
    else if (typeof value === 'number' || typeof value === 'boolean') pairs.push([name, String(value)]);
  }
  return pairs;
}

/**
 * Variable names the vendor says the call may carry (Tegsoft's `ctiVariableNames`: a list, or one
 * comma-separated text), offered as suggestions so the agent need not remember their spelling.
 */
export function knownVariableNames(call: Pick<Call, 'vendorData'>): string[] {
  const names = call.vendorData.ctiVariableNames;
  const list = Array.isArray(names) ? names : typeof names === 'string' ? names.split(',') : [];
  const clean = list.filter((name): name is string => typeof name === 'string').map((name) => name.trim());
  return [...new Set(clean.filter((name) => name !== ''))];
}
