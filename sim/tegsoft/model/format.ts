/** Time formats of the document's samples. */

/** `"2022-10-12T07:20:58.990Z"`, or null. */
export function isoDate(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}

/** Whole seconds between two instants, never negative. */
export function seconds(fromMs: number, toMs: number): number {
  return Math.max(0, Math.floor((toMs - fromMs) / 1000));
}

/** `formattedDuration`: `"00:00:12"`. */
export function hms(totalSeconds: number): string {
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = totalSeconds % 60;
  return [h, m, s].map((part) => String(part).padStart(2, '0')).join(':');
}

/**
 * `lastStateChange`: the sample's `"01:01"`.
 *
 * ASSUMPTION: the local clock time (HH:mm) of the last state change; the sample's 55-second
 * `lastStateChangeDuration` rules out it being a duration.
 */
export function clockTime(ms: number): string {
  const at = new Date(ms);
  return `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
}
