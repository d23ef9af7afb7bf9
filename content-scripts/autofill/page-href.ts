import { signal } from '@preact/signals';

/** The page's URL as last seen: single-page CRMs change it without reloading. */
export const pageHref = signal(typeof location === 'undefined' ? '' : location.href);

// `history.pushState` fires no event a content script can hear in every browser; a slow poll catches it.
const POLL_MS = 1_000;

/**
 * Keeps `pageHref` current while running: back/forward and hash changes, the Navigation API where the
 * browser has it (it sees `pushState` at once), and the poll as the fallback. Returns the stop function.
 */
export function followPageHref(win: Window): () => void {
  const read = () => {
    const href = win.location.href;
    if (pageHref.peek() !== href) pageHref.value = href;
  };
  const navigation = (win as Window & { navigation?: EventTarget }).navigation;
  read();
  win.addEventListener('popstate', read);
  win.addEventListener('hashchange', read);
  navigation?.addEventListener('currententrychange', read);
  const timer = win.setInterval(read, POLL_MS);
  return () => {
    win.removeEventListener('popstate', read);
    win.removeEventListener('hashchange', read);
    navigation?.removeEventListener('currententrychange', read);
    win.clearInterval(timer);
  };
}
