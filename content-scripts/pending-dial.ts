import { signal } from '@preact/signals';
import type { DialRequest } from './phone-scan/contract';

/** A number from the page waiting for the agent's confirmation in the bar (sites off the allow list). */
export const pendingDial = signal<DialRequest | undefined>(undefined);

// An unanswered prompt must not dial minutes later, when the agent has moved on.
const PROMPT_TTL_MS = 30_000;
let expiry: ReturnType<typeof setTimeout> | undefined;

export function askToDial(request: DialRequest): void {
  clearTimeout(expiry);
  pendingDial.value = request;
  expiry = setTimeout(() => {
    if (pendingDial.value === request) pendingDial.value = undefined;
  }, PROMPT_TTL_MS);
}

export function clearPendingDial(): void {
  clearTimeout(expiry);
  pendingDial.value = undefined;
}
