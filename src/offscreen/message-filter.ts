/**
 * The origin of our sandboxed page (src/sandbox): opaque. Such a frame is heard over its MessageChannel
 * only (see src/sandbox/protocol.ts): no window message claiming to come from it is accepted.
 */
export const SANDBOX_ORIGIN = 'null';

/** A hosted frame, as the filter of incoming messages sees it. */
export interface FrameWindow {
  /** The frame's key. */
  readonly key: string;
  /**
   * The only origin accepted from it. `"null"` for our sandboxed page: then nothing is, since any opaque
   * document (one the vendor script navigated the iframe to) says "null" from that same window.
   */
  readonly origin: string;
  /** Its iframe's `contentWindow` (stable across the frame's own navigations). */
  readonly window: unknown;
}

/** Which frame a `message` event comes from, or why it is dropped. */
export type Verdict =
  | { readonly accept: true; readonly key: string }
  | { readonly accept: false; readonly reason: 'unknown source' | 'wrong origin' | 'sandboxed: port only' };

/**
 * Judges a window `message` event received by a host page. It is accepted only when its `source` is a
 * hosted iframe's own window (not a frame nested inside it, not another window) and its `origin` is that
 * frame's origin (the vendor page did not navigate elsewhere). One from a sandboxed frame's window is
 * never accepted: that frame speaks over the port of its channel.
 */
export function judgeMessage(
  frames: Iterable<FrameWindow>,
  event: { readonly origin: string; readonly source: unknown },
): Verdict {
  for (const frame of frames) {
    if (event.source === null || event.source !== frame.window) continue;
    if (frame.origin === SANDBOX_ORIGIN) return { accept: false, reason: 'sandboxed: port only' };
    return event.origin === frame.origin
      ? { accept: true, key: frame.key }
      : { accept: false, reason: 'wrong origin' };
  }
  return { accept: false, reason: 'unknown source' };
}
