import type { Notice } from '../core/hub-state';
import { request } from './actions';
import { Icon } from './icons';

/** Messages from the phone system (warnings, errors); each stays until the agent dismisses it. */
export function Notices({ notices }: { notices: readonly Notice[] }) {
  // The live region stays mounted even when empty, so the first notice is announced too.
  return (
    <div class="sb-notices" aria-live="polite">
      {notices.map((notice) => (
        <div key={notice.id} class="sb-notice" data-level={notice.level}>
          <span class="sb-notice-text">{notice.text}</span>
          <button
            type="button"
            class="sb-icon-btn sb-small"
            aria-label={`Dismiss notice: ${notice.text}`}
            title="Dismiss"
            onClick={() => void request('dismissNotice', { id: notice.id })}
          >
            <Icon name="close" />
          </button>
        </div>
      ))}
    </div>
  );
}
