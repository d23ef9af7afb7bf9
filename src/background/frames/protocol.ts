import * as v from 'valibot';
import type { ScreenLayout } from '../../vendors/frame-host';

/**
 * The messages between the worker and the pages that host vendor frames (the offscreen document and the
 * vendor-screen windows), over a runtime port named FRAMES_PORT. Both ends check every message's shape:
 * a bug on one side must not become undefined behaviour on the other.
 */
export const FRAMES_PORT = 'softbar/frames';

/** A frame as a host page holds it (announced in `hello` so a restarted worker can re-attach). */
export interface HeldFrame {
  /** The frame's key (FrameSpec.key). */
  readonly key: string;
  /** The URL the iframe was opened with. */
  readonly url: string;
  /**
   * The only origin the page posts to and accepts messages from; `"null"` for our own sandboxed page
   * (src/sandbox), which the host page speaks to and hears over a MessageChannel per page load instead.
   */
  readonly origin: string;
  /** The iframe's `allow` attribute. */
  readonly allow: string;
  /** The iframe's page has fired `load` at least once. */
  readonly loaded: boolean;
}

/** Worker → host page. */
export type WorkerMessage =
  /** Create the frame; same key and URL already held: keep it; same key, other URL: replace it. */
  | {
      readonly type: 'open';
      readonly key: string;
      readonly url: string;
      readonly origin: string;
      readonly allow: string;
      readonly screen?: ScreenLayout;
    }
  /**
   * `postMessage(message, origin)` to the frame (held until its page has loaded); for a `"null"`-origin
   * frame, `postMessage(message)` on its page's port.
   */
  | { readonly type: 'post'; readonly key: string; readonly message: unknown }
  /** Remove the frame; a vendor-screen window closes itself. */
  | { readonly type: 'close'; readonly key: string }
  /** A call rings: the vendor-screen window maximizes when its layout says `autoMaximize`. */
  | { readonly type: 'ringing'; readonly key: string };

/** Host page → worker. */
export type HostMessage =
  /** First message on every connection: who the page is and what it holds. */
  | { readonly type: 'hello'; readonly host: 'offscreen' | 'screen'; readonly frames: readonly HeldFrame[] }
  /** The frame's page fired `load` (first load or a reload/navigation). */
  | { readonly type: 'loaded'; readonly key: string }
  /**
   * A message from the frame, already checked for origin and source by the host page (for a `"null"`-
   * origin frame: one that came over its page's port).
   */
  | { readonly type: 'message'; readonly key: string; readonly data: unknown }
  /** Keeps the worker alive while a vendor frame is live (port traffic resets its idle timer). */
  | { readonly type: 'ping' };

const key = v.pipe(v.string(), v.minLength(1), v.maxLength(300));
// A vendor page (http/https), or our own sandbox page (chrome-extension, with the origin "null").
const url = v.pipe(
  v.string(),
  v.maxLength(8_192),
  v.check((text) => /^(https?|chrome-extension):\/\//i.test(text)),
);
const origin = v.pipe(
  v.string(),
  v.maxLength(300),
  v.check((text) => text === 'null' || /^https?:\/\/[^/?#]+$/i.test(text)),
);
const allow = v.pipe(v.string(), v.maxLength(500));
const cssLength = v.optional(v.pipe(v.string(), v.maxLength(40)));
const flag = v.optional(v.boolean());

const screenLayout = v.strictObject({
  title: v.pipe(v.string(), v.maxLength(200)),
  width: cssLength,
  height: cssLength,
  padding: cssLength,
  borderRadius: cssLength,
  autoMaximize: flag,
  minimize: flag,
  hideToSide: flag,
  hideInIcon: flag,
  movable: v.optional(
    v.union([v.literal(false), v.strictObject({ position: v.picklist(['left', 'right']) })]),
  ),
});

const heldFrame = v.strictObject({ key, url, origin, allow, loaded: v.boolean() });

const workerMessage = v.variant('type', [
  v.strictObject({ type: v.literal('open'), key, url, origin, allow, screen: v.optional(screenLayout) }),
  // Ports serialize as JSON, which drops an `undefined` member: a missing payload is allowed.
  v.strictObject({ type: v.literal('post'), key, message: v.optional(v.unknown()) }),
  v.strictObject({ type: v.literal('close'), key }),
  v.strictObject({ type: v.literal('ringing'), key }),
]);

const hostMessage = v.variant('type', [
  v.strictObject({
    type: v.literal('hello'),
    host: v.picklist(['offscreen', 'screen']),
    frames: v.pipe(v.array(heldFrame), v.maxLength(100)),
  }),
  v.strictObject({ type: v.literal('loaded'), key }),
  v.strictObject({ type: v.literal('message'), key, data: v.optional(v.unknown()) }),
  v.strictObject({ type: v.literal('ping') }),
]);

/** The message when it has the shape of a worker message, else undefined. */
export function parseWorkerMessage(value: unknown): WorkerMessage | undefined {
  const result = v.safeParse(workerMessage, value);
  return result.success ? (result.output as WorkerMessage) : undefined;
}

/** The message when it has the shape of a host page's message, else undefined. */
export function parseHostMessage(value: unknown): HostMessage | undefined {
  const result = v.safeParse(hostMessage, value);
  return result.success ? (result.output as HostMessage) : undefined;
}

/** The layout when it is one the vendor-screen window can apply, else undefined. */
export function parseScreenLayout(value: unknown): ScreenLayout | undefined {
  const result = v.safeParse(screenLayout, value);
  return result.success ? result.output : undefined;
}
