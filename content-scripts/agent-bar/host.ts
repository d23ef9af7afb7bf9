import { containKeyEvents, dropUntrustedEvents } from '../untrusted-events';

/** The one element Softbar adds to a page; everything else lives in its shadow root. */
export const HOST_TAG = 'softbar-agent-bar';

// Pages that rebuild <html>'s children (rare SPA shells) would drop the bar; put it back a few times, but
// do not fight a page that keeps removing it.
const MAX_REATTACH = 5;

export interface MountedHost {
  /** The custom element on <html>. */
  readonly host: HTMLElement;
  /** Where Preact renders, inside the open shadow root. */
  readonly mount: HTMLElement;
  /** Removes the host for good (tests, teardown). */
  readonly remove: () => void;
}

/**
 * Creates the host element with an open shadow root holding `css` and an empty mount point; returns
 * undefined when a bar already exists, so running twice does nothing.
 */
export function mountHost(
  doc: Document,
  css: string,
  /** Unit tests' DOM events are synthetic by nature; only they turn the guard off. */
  options: { readonly acceptUntrusted?: boolean } = {},
): MountedHost | undefined {
  // We only ever add the host as a child of <html>: look there, not through a 50k-row document.
  for (const child of doc.documentElement.children) if (child.localName === HOST_TAG) return undefined;
  const host = doc.createElement(HOST_TAG);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  // Text before insertion: Firefox then applies the extension's CSP to it, not the page's.
  style.textContent = css;
  shadow.append(style);
  if (!options.acceptUntrusted) dropUntrustedEvents(shadow);
  const mount = doc.createElement('div');
  mount.className = 'sb-mount';
  shadow.append(mount);
  containKeyEvents(host);
  doc.documentElement.append(host);

  let reattached = 0;
  const observer = new MutationObserver(() => {
    if (host.isConnected) return;
    if (++reattached > MAX_REATTACH) {
      observer.disconnect();
      return;
    }
    doc.documentElement.append(host);
  });
  observer.observe(doc.documentElement, { childList: true });
  return {
    host,
    mount,
    remove: () => {
      observer.disconnect();
      host.remove();
    },
  };
}
