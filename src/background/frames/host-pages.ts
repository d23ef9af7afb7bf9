/** The extension pages that host vendor frames, by their path in the built extension. */
export const OFFSCREEN_PAGE = 'src/offscreen/index.html';
export const SCREEN_PAGE = 'src/vendor-screen/index.html';

/** Which host a port's sender is: the offscreen document, or the vendor-screen window of one frame. */
export type HostPage = { readonly kind: 'offscreen' } | { readonly kind: 'screen'; readonly key: string };

/** What Chrome tells about a port's sender (the parts looked at here). */
export interface PortSender {
  /** The sending extension's id. */
  readonly id?: string;
  /** The sending document's URL. */
  readonly url?: string;
}

/** The vendor-screen page's path for the frame `key`. */
export function screenPath(key: string): string {
  return `${SCREEN_PAGE}?key=${encodeURIComponent(key)}`;
}

/**
 * The host page a sender is, judged from what Chrome says about it (never from its messages): only our
 * own extension's offscreen and vendor-screen pages. Anything else is undefined.
 */
export function hostPageOf(sender: PortSender | undefined, extensionId: string): HostPage | undefined {
  if (!sender || sender.id !== extensionId || !sender.url) return undefined;
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'chrome-extension:' || url.host !== extensionId) return undefined;
  if (url.pathname === `/${OFFSCREEN_PAGE}`) return { kind: 'offscreen' };
  if (url.pathname === `/${SCREEN_PAGE}`) {
    const key = url.searchParams.get('key');
    return key ? { kind: 'screen', key } : undefined;
  }
  return undefined;
}
