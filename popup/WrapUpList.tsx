import { useEffect, useId, useState } from 'preact/hooks';
import type { WrapUpItem } from '../src/core/hub-state';
import { formatCallTime, partyLabel } from '../src/ui/format';
import { WrapUpForm, wrapUpPhase } from '../src/ui/WrapUpForm';
import { useDispositions } from './use-dispositions';

/** How long a saved log's form stays open to show "Saved" after the hub dropped the call from the list. */
const SAVED_SHOWN_MS = 4_000;

const newestFirst = (items: readonly WrapUpItem[]) => [...items].sort((a, b) => b.endedAt - a.endedAt);

/**
 * "Calls to log": ended calls whose notes the agent has not written, newest first, including those left
 * for later. Each opens the notes form in place; a saved one stays a moment to show "Saved".
 */
export function WrapUpList({ items }: { items: readonly WrapUpItem[] }) {
  const headingId = useId();
  const dispositions = useDispositions();
  const [open, setOpen] = useState<WrapUpItem | undefined>(undefined);
  const [savedId, setSavedId] = useState<string | undefined>(undefined);

  useEffect(() => {
    if (!savedId) return;
    const timer = setTimeout(() => {
      setOpen((current) => (current?.callId === savedId ? undefined : current));
      setSavedId(undefined);
    }, SAVED_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [savedId]);

  // The open call stays listed while it saves and just after, though the hub has already dropped it.
  const listed = newestFirst(
    open && !items.some((item) => item.callId === open.callId) ? [...items, open] : items,
  );
  if (listed.length === 0) return null;

  const done = (item: WrapUpItem) => {
    if (wrapUpPhase(item.callId) === 'saved') setSavedId(item.callId);
    else setOpen(undefined);
  };

  return (
    <section class="sb-popup-wrapup" aria-labelledby={headingId}>
      <h2 class="sb-heading" id={headingId}>
        Calls to log
      </h2>
      <ul class="sb-wrapup-list">
        {listed.map((item) => {
          const who = partyLabel(item);
          const isOpen = open?.callId === item.callId;
          const formId = `wrapup-${item.callId}`;
          return (
            <li key={item.callId} class="sb-wrapup-item">
              <div class="sb-wrapup-row">
                <span class="sb-wrapup-summary">
                  <span class="sb-wrapup-party">{who}</span>
                  <span class="sb-wrapup-meta">
                    <time dateTime={new Date(item.endedAt).toISOString()}>
                      {formatCallTime(item.endedAt)}
                    </time>
                    {item.deferred && ' · Later'}
                  </span>
                </span>
                <button
                  type="button"
                  class="sb-btn"
                  aria-label={`Write notes for ${who}`}
                  aria-expanded={isOpen}
                  aria-controls={isOpen ? formId : undefined}
                  onClick={() => setOpen(isOpen ? undefined : item)}
                >
                  Write notes
                </button>
              </div>
              {isOpen && (
                <div id={formId}>
                  <WrapUpForm item={item} dispositions={dispositions} onDone={() => done(item)} />
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
