import { useId } from 'preact/hooks';
import type { BarFrame } from '../core/hub-state';
import { isHttpUrl } from '../core/rules/template';
import { request } from './actions';
import { Icon } from './icons';
import { useTabSeen } from './use-tab-seen';

/**
 * What the framed page may do. Scripts and its own origin: a CRM record page is an application that
 * needs both (its session cookie, its API calls). Together they would let a page the frame shares an
 * origin with lift the sandbox, but that page is the CRM's own, which already runs in this tab with the
 * same rights; our controls do not depend on it (untrusted events are dropped at the shadow root).
 * Left out on purpose: top navigation (the frame cannot navigate the agent away from the CRM tab),
 * modals, downloads, and pointer lock.
 */
const SANDBOX = 'allow-scripts allow-same-origin allow-forms allow-popups';

interface Props {
  /** The page to show, as the hub set it; a new `at` is a new frame. */
  readonly frame: BarFrame;
}

/**
 * The bar's frame panel: a page (screen-pop "frame") shown inside the bar, with a way out to a tab.
 *
 * The hub sets the frame in every tab that has the bar, so the page loads only in tabs the agent brings
 * to the front, not in every open tab (each load is a request for the record, maybe from an unrelated
 * site). A background tab shows the header and a note, and loads the page when the agent switches to it;
 * once loaded it stays when the tab is hidden again (no second load, nothing typed in it lost).
 */
export function FramePanel({ frame }: Props) {
  const titleId = useId();
  const seen = useTabSeen();
  // The hub checks the URL before it sets the frame; the bar checks again before loading anything.
  const safe = isHttpUrl(frame.url);
  const close = () => void request('closeFrame', undefined);
  return (
    <section class="sb-frame" aria-labelledby={titleId}>
      <div class="sb-frame-head">
        <h2 class="sb-frame-title" id={titleId}>
          {frame.title}
        </h2>
        {safe && (
          <a class="sb-btn sb-small-btn" href={frame.url} target="_blank" rel="noopener noreferrer">
            Open in tab
          </a>
        )}
        <button type="button" class="sb-btn sb-small-btn" onClick={close}>
          <Icon name="close" />
          Close
        </button>
      </div>
      {!safe ? (
        <p class="sb-field-error" role="alert">
          This page cannot be shown: only http and https addresses open in the bar.
        </p>
      ) : !seen ? (
        <p class="sb-hint">The page loads here when you switch to this tab.</p>
      ) : (
        // Many sites refuse to be framed (X-Frame-Options, CSP frame-ancestors): "Open in tab" still works.
        <iframe
          class="sb-frame-page"
          src={frame.url}
          title={frame.title}
          sandbox={SANDBOX}
          referrerpolicy="no-referrer"
          loading="eager"
        />
      )}
    </section>
  );
}
