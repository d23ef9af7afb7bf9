import { useEffect, useState } from 'preact/hooks';
import { wrapUpPhase } from './WrapUpForm';

/** How long "Saved" stays on screen after a log is stored. */
export const SAVED_SHOWN_MS = 4_000;

/** Why a call's log form stays on screen whatever the hub's list says: it is working, or it just saved. */
export type WrapUpHold = 'working' | 'saved';

/**
 * Whether the log form of `callId` must stay on screen though the hub may already have dropped the call
 * from its list: 'working' while its save or "Later" waits for the hub's reply, 'saved' for
 * SAVED_SHOWN_MS once it is stored (so the agent sees "Saved"), else undefined.
 */
export function useWrapUpHold(callId: string | undefined): WrapUpHold | undefined {
  const phase = callId === undefined ? undefined : wrapUpPhase(callId);
  const savedId = phase === 'saved' ? callId : undefined;
  const [expired, setExpired] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (!savedId) return;
    const timer = setTimeout(() => setExpired(savedId), SAVED_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [savedId]);
  if (phase === 'saving' || phase === 'deferring') return 'working';
  return savedId !== undefined && savedId !== expired ? 'saved' : undefined;
}
