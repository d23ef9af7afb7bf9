import { useId, useRef } from 'preact/hooks';
import type { WrapUpItem } from '../../src/core/hub-state';
import { useWrapUpHold } from '../../src/ui/use-wrap-up-hold';
import { WrapUpForm } from '../../src/ui/WrapUpForm';

interface Props {
  /** Ended calls waiting for notes, newest first (the hub's `wrapUp`). */
  readonly items: readonly WrapUpItem[];
  /** Dispositions the agent picks from. */
  readonly dispositions: readonly string[];
  /** A call is ringing: the panel shrinks to one line so Answer stays in view; the draft is kept. */
  readonly compact?: boolean;
}

/**
 * The bar's "Call log" panel for the newest ended call not left for later. The call on screen stays
 * while its save or "Later" is in flight (the hub may drop it from the list before its reply arrives),
 * and after saving it stays a moment to show "Saved", unless another call is waiting.
 */
export function WrapUpPanel({ items, dispositions, compact = false }: Props) {
  const headingId = useId();
  const shown = useRef<WrapUpItem | undefined>(undefined);
  const previous = shown.current;
  const hold = useWrapUpHold(previous?.callId);
  const waiting = items.find((item) => !item.deferred);
  // A call whose reply is pending keeps the panel; "Saved" gives way to a call that waits.
  const item = hold === 'working' ? previous : (waiting ?? (hold === 'saved' ? previous : undefined));
  shown.current = item;

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
