/**
 * The wait before retry number `attempt` (0 for the first retry): `baseMs` doubled per attempt, at most
 * `maxMs`. One schedule for every reconnect and retry loop (hub, vendor links, live ports, webhook).
 */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt));
}
