/** What the agent reads about the Tegsoft connection. */

/** The integration parameter (Login URL) without which the widget sends no events (section 3). */
export const EVENTS_PARAMETER = 'clientSideCTI://parentWindowEvent|eventList=all';

/** What the agent reads when the widget stays silent after loading. */
export function noEventsMessage(timeoutMs: number): string {
  return `The Tegsoft widget sent no events within ${Math.round(timeoutMs / 1000)} s of loading. Ask your Tegsoft admin to add the integration parameter (Login URL) ${EVENTS_PARAMETER} to your user account; or the login may have failed: open the Tegsoft screen from the bar to see its login page.`;
}

/** The widget stopped answering while connected (it lost its server, or hangs). */
export const NOT_ANSWERING = 'Tegsoft is not answering; waiting for it to come back.';

/** The widget reloaded while connected. */
export const RELOADED = 'The Tegsoft widget reloaded; checking its state.';

/** Why the Tegsoft screen cannot be opened now. */
export const SCREEN_DURING_CALL =
  'Opening the Tegsoft screen reloads the widget, which would cut the call: open it between calls.';

/** Why a command cannot be sent now. */
export const NOT_CONNECTED = 'Tegsoft is not connected right now; try again in a moment.';

/** Why a wait ended: the adapter was disposed. */
export const CLOSED = 'The Tegsoft session was closed.';
