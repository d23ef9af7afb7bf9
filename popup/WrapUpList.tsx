import { useId, useState } from 'preact/hooks';
import type { WrapUpItem } from '../src/core/hub-state';
import { formatCallTime, partyLabel } from '../src/ui/format';
import { useWrapUpHold } from '../src/ui/use-wrap-up-hold';
import { WrapUpForm, wrapUpPhase } from '../src/ui/WrapUpForm';
import { useDispositions } from './use-dispositions';

interface Props {
  /** Ended calls waiting for notes, left for later or not (the hub's `wrapUp`). */
  readonly items: readonly WrapUpItem[];
}

const newestFirst = (items: readonly WrapUpItem[]) => [...items].sort((a, b) => b.endedAt - a.endedAt);

/**
 * "Calls to log": ended calls whose notes the agent has not written, newest first, including those left
 * for later. Each opens the notes form in place; a saved one stays a moment to show "Saved".
 */
export function WrapUpList({ items }: Props) {
  const headingId = useId();
  const dispositions = useDispositions();
  const [chosen, setChosen] = useState<WrapUpItem | undefined>(undefined);
  const hold = useWrapUpHold(chosen?.callId);
  // A saved log's form closes once "Saved" has been on screen for a moment.
  const open = chosen && (hold || wrapUpPhase(chosen.callId) !== 'saved') ? chosen : undefined;

  // The open call stays listed while it saves and just after, though the hub has already dropped it.
  const listed = newestFirst(
    open && !items.some((item) => item.callId === open.callId) ? [...items, open] : items,
  );
  if (listed.length === 0) return null;

  // After "Later" the form closes; after a save it stays to say "Saved" (see `open`).
  const done = (item: WrapUpItem) => {
    if (wrapUpPhase(item.callId) !== 'saved') setChosen(undefined);
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
                  onClick={() => setChosen(isOpen ? undefined : item)}
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
