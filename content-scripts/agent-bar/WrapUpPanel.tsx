import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { WrapUpItem } from '../../src/core/hub-state';
import { WrapUpForm, wrapUpPhase } from '../../src/ui/WrapUpForm';

interface Props {
  /** Ended calls waiting for notes, newest first (the hub's `wrapUp`). */
  readonly items: readonly WrapUpItem[];
  /** Dispositions the agent picks from. */
  readonly dispositions: readonly string[];
  /** A call is ringing: the panel shrinks to one line so Answer stays in view; the draft is kept. */
  readonly compact?: boolean;
}

/** How long "Saved" stays on screen when no other call waits for its log. */
const SAVED_SHOWN_MS = 4_000;

/**
 * The bar's "Call log" panel for the newest ended call not left for later. The call on screen stays
 * while its save or "Later" is in flight (the hub may drop it from the list before its reply arrives),
 * and after saving it stays a moment to show "Saved", unless another call is waiting.
 */
export function WrapUpPanel({ items, dispositions, compact = false }: Props) {
  const headingId = useId();
  const shown = useRef<WrapUpItem | undefined>(undefined);
  const [expired, setExpired] = useState<string | undefined>(undefined);
  const waiting = items.find((item) => !item.deferred);

  const previous = shown.current;
  const previousPhase = previous ? wrapUpPhase(previous.callId) : undefined;
  let item: WrapUpItem | undefined;
  if (previous && (previousPhase === 'saving' || previousPhase === 'deferring')) item = previous;
  else if (waiting) item = waiting;
  else if (previous && previousPhase === 'saved' && expired !== previous.callId) item = previous;
  shown.current = item;

  const phase = item ? wrapUpPhase(item.callId) : undefined;
  const savedId = phase === 'saved' ? item?.callId : undefined;
  useEffect(() => {
    if (!savedId) return;
    const timer = setTimeout(() => setExpired(savedId), SAVED_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [savedId]);

  if (!item) return null;
  const more = items.filter((other) => !other.deferred && other.callId !== item.callId).length;
  return (
    <section class="sb-panel-box" aria-labelledby={headingId}>
      <h2 class="sb-heading" id={headingId}>
        Call log
      </h2>
      {compact ? (
        <p class="sb-hint">
          {item.remoteName ?? item.remoteDisplay ?? item.remoteNumber} waits for notes
          {more > 0 ? ` (and ${more} more)` : ''}.
        </p>
      ) : (
        <WrapUpForm key={item.callId} item={item} dispositions={dispositions} />
      )}
      {!compact && more > 0 && (
        <p class="sb-hint">{more === 1 ? 'One more call' : `${more} more calls`} to log after this.</p>
      )}
    </section>
  );
}
