import type { Desk } from './desk';

/**
 * One action's implementation: performs it with its events and status, or returns why it makes no
 * sense now (the dispatcher then records the refusal and sends only a status).
 */
export type ActionHandler = (desk: Desk, data: Readonly<Record<string, unknown>>) => string | undefined;

/** A non-empty trimmed string field of an action's data. */
export function text(data: Readonly<Record<string, unknown>>, key: string): string | undefined {
  const value = data[key];
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
