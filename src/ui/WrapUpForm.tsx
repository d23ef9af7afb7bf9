import { signal } from '@preact/signals';
import { useId } from 'preact/hooks';
import type { WrapUpItem } from '../core/hub-state';
import { send } from '../messaging/client';
import { DIRECTION_LABELS, displayNumber, formatCallTime, partyLabel } from './format';
import { trustedSubmit } from './trusted-submit';

interface Props {
  /** The ended call whose log this form writes. */
  readonly item: WrapUpItem;
  /** Dispositions the agent picks from (the configuration's); none = notes only. */
  readonly dispositions: readonly string[];
  /** Called once the log is durably saved (the form then says "Saved") or left for later. */
  readonly onDone?: () => void;
}

/** Where one call's log stands in this page: typing, waiting for the hub, or saved. */
export type WrapUpPhase = 'editing' | 'saving' | 'deferring' | 'saved';

interface Draft {
  /** The notes as typed so far. */
  readonly notes: string;
  /** The chosen disposition; empty for none. */
  readonly disposition: string;
  /** Where the log stands: typing, waiting for the hub, or saved. */
  readonly phase: WrapUpPhase;
  /** Why the last save or "Later" failed, in words for the agent. */
  readonly error?: string;
}

const EMPTY: Draft = { notes: '', disposition: '', phase: 'editing' };
// Enough for a shift of unfinished logs; the oldest drafts go first.
const MAX_DRAFTS = 50;

/**
 * Drafts by call id, outside any component: the bar re-renders on every hub update, unmounts the form
 * when minimized and switches to a newer call when one ends, and none of that may lose typed notes. A
 * page reload loses them (seconds of typing, which the agent sees go).
 *
 * A draft belongs to the page it is typed in: the same call's form in another tab, or in the popup,
 * starts empty and does not see it. Whichever page the agent presses Save in stores what that page's
 * form shows, empty notes included, and the hub then drops the call, so a draft in another page is not
 * saved and is lost. We accept that because saving is always the agent's own press of Save in the form
 * they are looking at (see trusted-submit.ts), never a side effect.
 */
const drafts = signal<ReadonlyMap<string, Draft>>(new Map());

const draftOf = (callId: string): Draft => drafts.value.get(callId) ?? EMPTY;

function updateDraft(callId: string, change: Partial<Draft>): void {
  const next = new Map(drafts.peek());
  const current = next.get(callId) ?? EMPTY;
  // Re-inserting keeps the map in least-recently-used order for the trim below.
  next.delete(callId);
  next.set(callId, { ...current, ...change });
  for (const key of next.keys()) {
    if (next.size <= MAX_DRAFTS) break;
    next.delete(key);
  }
  drafts.value = next;
}

/** The phase of a call's log in this page, for a container that keeps the form on screen while it works. */
export const wrapUpPhase = (callId: string): WrapUpPhase => draftOf(callId).phase;

const messageOf = (error: unknown): string =>
  (error instanceof Error ? error.message : String(error)) || 'Something went wrong; try again.';

/**
 * Notes and disposition for one ended call. "Saved" shows only once the hub answers that the log is
 * stored; on failure the error shows and the typed text stays, so the agent can try again.
 */
export function WrapUpForm({ item, dispositions, onDone }: Props) {
  const id = useId();
  const { callId } = item;
  const draft = draftOf(callId);
  const busy = draft.phase === 'saving' || draft.phase === 'deferring';
  const saved = draft.phase === 'saved';
  // A draft's disposition may have left the configuration since it was chosen.
  const disposition = dispositions.includes(draft.disposition) ? draft.disposition : '';
  const who = partyLabel(item);

  const save = async () => {
    // Read the store, not this render: a double click lands before the re-render.
    const current = drafts.peek().get(callId) ?? EMPTY;
    if (current.phase !== 'editing') return;
    const chosen = dispositions.includes(current.disposition) ? current.disposition : '';
    updateDraft(callId, { phase: 'saving', error: undefined });
    try {
      await send('saveCallLog', { callId, notes: current.notes, ...(chosen ? { disposition: chosen } : {}) });
      updateDraft(callId, { phase: 'saved' });
      onDone?.();
    } catch (error) {
      updateDraft(callId, { phase: 'editing', error: `Could not save the log: ${messageOf(error)}` });
    }
  };

  const later = async () => {
    if ((drafts.peek().get(callId) ?? EMPTY).phase !== 'editing') return;
    updateDraft(callId, { phase: 'deferring', error: undefined });
    try {
      await send('deferCallLog', { callId });
      updateDraft(callId, { phase: 'editing' });
      onDone?.();
    } catch (error) {
      updateDraft(callId, { phase: 'editing', error: `Could not leave it for later: ${messageOf(error)}` });
    }
  };

  return (
    <form class="sb-wrapup" aria-label={`Call log for ${who}`} {...trustedSubmit(save)} noValidate>
      <p class="sb-wrapup-who">
        <strong>{who}</strong>
        {item.remoteName?.trim() && <span class="sb-wrapup-number"> {displayNumber(item)}</span>}
      </p>
      <p class="sb-wrapup-when">
        {DIRECTION_LABELS[item.direction]} call, ended{' '}
        <time dateTime={new Date(item.endedAt).toISOString()}>{formatCallTime(item.endedAt)}</time>
      </p>
      <label class="sb-field-label" for={`${id}-notes`}>
        Notes
      </label>
      <textarea
        id={`${id}-notes`}
        class="sb-input sb-textarea"
        rows={3}
        value={draft.notes}
        readOnly={busy || saved}
        onInput={(event) => updateDraft(callId, { notes: event.currentTarget.value })}
      />
      {dispositions.length > 0 && (
        <>
          <label class="sb-field-label" for={`${id}-disposition`}>
            Disposition
          </label>
          <select
            id={`${id}-disposition`}
            class="sb-select"
            value={disposition}
            disabled={busy || saved}
            onChange={(event) => updateDraft(callId, { disposition: event.currentTarget.value })}
          >
            <option value="">None</option>
            {dispositions.map((choice) => (
              <option key={choice} value={choice}>
                {choice}
              </option>
            ))}
          </select>
        </>
      )}
      {draft.error && (
        <p class="sb-field-error" role="alert">
          {draft.error}
        </p>
      )}
      {!saved && (
        <div class="sb-controls">
          <button type="submit" class="sb-btn sb-btn-go" aria-disabled={busy}>
            Save
          </button>
          <button type="button" class="sb-btn" aria-disabled={busy} onClick={later}>
            Later
          </button>
        </div>
      )}
      {/* Mounted from the start, so screen readers announce the change to "Saved". */}
      <p class="sb-wrapup-status" role="status">
        {draft.phase === 'saving' ? 'Saving…' : saved ? 'Saved' : ''}
      </p>
    </form>
  );
}
