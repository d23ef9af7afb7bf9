/**
 * The `window.ucsOperator` object the sandbox page sets before it loads the bundle, from a profile's
 * settings. Data only: the sandbox page adds a forwarder for every documented callback. Credentials
 * never go here; they are passed to `sso`/`login` when the bundle asks (onCredentials).
 */
import type { UcsSettings } from './settings';

/** The element the bundle renders into when it is not headless (the sandbox page creates it). */
export const RENDER_TO = 'ucsOperator';

/** The configuration object for `settings`. */
export function bundleConfig(settings: UcsSettings): Record<string, unknown> {
  const api: Record<string, unknown> = {
    hostname: settings.hostname,
    port: String(settings.port),
    path: settings.path,
    secure: settings.secure,
  };
  for (const [name, endpoint] of Object.entries(settings.endpoints ?? {})) {
    if (!endpoint) continue;
    api[name] = { ...endpoint, ...(endpoint.port === undefined ? {} : { port: String(endpoint.port) }) };
  }
  return {
    // Admin's documented options first: what Softbar must decide for the integration to work wins.
    ...settings.bundleOptions,
    api,
    renderTo: RENDER_TO,
    headless: settings.headless,
    // Softbar logs in itself on onCredentials; a login remembered in a cookie would bypass the profile.
    autologin: false,
    // The bar offers the phones when the profile names none.
    listDevices: true,
    confirmDevice: settings.confirmDevice,
    autoOpenAccountCode: settings.autoOpenAccountCode,
    // The page has long loaded when the script arrives: start at once rather than wait for `load`.
    legacyStartup: true,
    // No page of the agent's is closed with it: the sandbox lives in the extension.
    confirmUnload: false,
  };
}
