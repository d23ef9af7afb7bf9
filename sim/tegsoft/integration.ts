import { EVENT_NAMES } from './protocol';

/**
 * The user's integration parameter that makes the widget post events to its parent (document 3: "the
 * following integration parameter (Login URL) needs to be added by the relevant user account").
 */

/** The value the document gives. */
export const PARENT_WINDOW_EVENTS_ALL = 'clientSideCTI://parentWindowEvent|eventList=all';

const SCHEME = 'clientSideCTI://parentWindowEvent';

/**
 * Which events the parameter lets through to the parent window.
 *
 * ASSUMPTION: a user may carry several integration parameters, one per line; `eventList` is "all" or a
 * comma-separated list of event names. Without the parentWindowEvent parameter no event is posted.
 */
export function parentEventFilter(parameter: string | null | undefined): (eventName: string) => boolean {
  const line = (parameter ?? '')
    .split(/\r?\n/)
    .map((candidate) => candidate.trim())
    .find((candidate) => candidate === SCHEME || candidate.startsWith(`${SCHEME}|`));
  if (line === undefined) return () => false;
  const options = new Map(
    line
      .split('|')
      .slice(1)
      .map((option) => {
        const at = option.indexOf('=');
        return at < 0 ? [option.trim(), ''] : [option.slice(0, at).trim(), option.slice(at + 1).trim()];
      }),
  );
  const list = options.get('eventList') ?? 'all';
  if (list === 'all') return () => true;
  const names = new Set(list.split(',').map((name) => name.trim()));
  return (eventName) => names.has(eventName);
}

/** Whether the parameter lets any event through (what the widget shows the agent). */
export function postsParentEvents(parameter: string | null | undefined): boolean {
  const allows = parentEventFilter(parameter);
  return EVENT_NAMES.some((name) => allows(name));
}
