import { backoffDelay } from '../../core/backoff';
import { DEFAULT_RETRY_BASE_MS, DEFAULT_RETRY_MAX_MS } from '../../core/config/defaults';
import type { WebhookSettings } from '../../core/config/types';

// Up to 10% earlier than the nominal delay, so agents behind one recovering server do not retry in step.
const JITTER = 0.1;
// Keeps a zero or broken setting from turning retries into a busy loop.
const MIN_DELAY_MS = 100;

// A broken setting (validation refuses them; a hand-edited store might not) falls back to the defaults.
const positive = (value: number, fallback: number) =>
  Number.isFinite(value) && value > 0 ? value : fallback;

/**
 * Wait before the next POST after `attempts` failures (1 for the first): `retryBaseMs` doubled per
 * failure, at most `retryMaxMs`, minus up to 10% jitter (`random` in [0, 1)).
 */
export function retryDelay(attempts: number, webhook: WebhookSettings, random: () => number): number {
  const base = positive(webhook.retryBaseMs, DEFAULT_RETRY_BASE_MS);
  const max = Math.max(base, positive(webhook.retryMaxMs, DEFAULT_RETRY_MAX_MS));
  const nominal = backoffDelay(attempts - 1, base, max);
  return Math.max(MIN_DELAY_MS, Math.round(nominal * (1 - JITTER * random())));
}
