import { useEffect, useState } from 'preact/hooks';
import { send } from '../src/messaging/client';

/**
 * The dispositions the agent picks from, asked of the hub once the popup opens (only the call-log options:
 * the whole configuration holds credentials). Until then, or when the hub does not answer, the form offers
 * notes only, which still saves a log.
 */
export function useDispositions(): readonly string[] {
  const [dispositions, setDispositions] = useState<readonly string[]>([]);
  useEffect(() => {
    let live = true;
    send('callLogOptions', undefined)
      .then((options) => {
        if (live) setDispositions(options?.dispositions ?? []);
      })
      .catch(() => {
        // Notes only: the agent can still save the log.
      });
    return () => {
      live = false;
    };
  }, []);
  return dispositions;
}
