import { signal } from '@preact/signals';
import type { Command } from '../core/commands';
import { send } from '../messaging/client';
import type { MessageName, RequestOf } from '../messaging/protocol';

/**
 * The last request the agent made that failed, in the hub's words. The hub writes these messages for
 * the agent ("Hold is not supported by Demo PBX"), so they are shown as they are, never swallowed.
 */
export const actionError = signal<string | undefined>(undefined);

// A double click on Answer or Hang up must not reach the vendor twice.
const inFlight = new Set<string>();

function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  // What Chrome says when the extension was updated or reloaded under a still-open page.
  if (/context invalidated/i.test(text))
    return 'Softbar was updated or restarted: reload this page to use it.';
  return text || 'Something went wrong; try again.';
}

/** Sends a request to the hub; resolves true when it succeeded, false after showing why it failed. */
export async function request<N extends MessageName>(name: N, data: RequestOf<N>): Promise<boolean> {
  const key = `${name}:${JSON.stringify(data ?? null)}`;
  if (inFlight.has(key)) return false;
  inFlight.add(key);
  actionError.value = undefined;
  try {
    await send(name, data);
    return true;
  } catch (error) {
    actionError.value = messageOf(error);
    return false;
  } finally {
    inFlight.delete(key);
  }
}

/** Runs a call or agent-state command on the active vendor. */
export const runCommand = (command: Command): Promise<boolean> => request('command', command);
