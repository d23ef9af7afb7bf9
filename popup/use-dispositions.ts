import { useEffect, useState } from 'preact/hooks';
import { send } from '../src/messaging/client';

/**
 * The dispositions the agent picks from, read from the configuration once the popup opens. Until then,
 * or when the hub does not answer, the form offers notes only, which still saves a log.
 */
export function useDispositions(): readonly string[] {
  const [dispositions, setDispositions] = useState<readonly string[]>([]);
  useEffect(() => {
    let live = true;
    send('getConfig', undefined)
      .then((view) => {
        if (live) setDispositions(view?.config.callLog?.dispositions ?? []);
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
