/** What the agent reads about the UCS connection. */

/** Why a command cannot be sent now. */
export const NOT_CONNECTED = 'UCS is not connected right now; try again in a moment.';

/** Why a wait ended: the adapter was disposed. */
export const CLOSED = 'The UCS session was closed.';

/** The bar is loading the bundle. */
export const LOADING = 'Loading the UCS agent bar…';

/** Opening the vendor screen moves (reloads) the bundle. */
export const SCREEN_DURING_CALL =
  'Opening the UCS screen reloads the agent bar, which would cut the call: open it between calls.';

/** The sandbox page was loaded again while connected. */
export const RELOADED = 'The UCS agent bar was loaded again; logging in.';

/** Logging in as `username`. */
export const loggingIn = (username: string) => `Logging in to UCS as ${username}…`;

/** The profile logs in only with a token from the CRM, which has not given one yet. */
export const WAITING_FOR_CRM = 'Waiting for the CRM to log you in to UCS: open or reload the CRM page.';

/** After repeated refusals Softbar stops logging in by itself (an account lock-out is worse). */
export const GIVEN_UP =
  'Softbar stopped logging in after repeated refusals, so as not to lock the account: fix the settings in the options page (saving them tries again).';

/** Test connection with a CRM-only login: the server answered, the login is the CRM's. */
export const TEST_LEFT_TO_CRM =
  'The UCS server answered and asked for a login; the CRM logs the agent in (crmOrigins), so none was tried.';

/** Test connection with autologout: a second login would end the agent's session. */
export const TEST_AUTOLOGOUT =
  "The UCS server answered and asked for a login; none was tried, since autologout would end the agent's own session.";

/** The agent must choose a phone. */
export const CHOOSE_PHONE = 'Choose your phone in the bar to finish signing in to UCS.';

/** The agent must confirm the paired phone. */
export const CONFIRM_PHONE = 'Confirm your phone in the bar to finish signing in to UCS.';

/** The bundle could not be loaded from `url`. */
export const notLoaded = (url: string, reason: string) =>
  `The UCS agent bar could not be loaded from ${url}: ${reason} Check the server, port and path in the options page.`;

/** UCS refused the login. */
export const loginRefused = (username: string, reason: string, method: string) =>
  `UCS refused the login of ${username}: ${reason}. Check the user name and the ${method} in the options page.`;

/** UCS did not reach READY in time; `step` says where it stood. */
export const notReady = (seconds: number, step: string) =>
  `UCS did not get ready within ${seconds} s (it was ${step}).`;

/** The connection was lost; the bundle retries by itself. */
export const lost = (message: string) => `${message}. The UCS agent bar is reconnecting.`;

/** What a method's missing confirmation means. */
export const unconfirmed = (what: string, seconds: number) =>
  `UCS did not confirm ${what.toLowerCase()} within ${seconds} s; check the call in the bar.`;
