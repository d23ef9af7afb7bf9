/**
 * The `window.ucsOperator` object the sandbox page sets before it loads the bundle, from a profile's
 * settings. Data only: the sandbox page adds a forwarder for every documented callback. Credentials
 * never go here; they are passed to `sso`/`login` when the bundle asks (onCredentials).
 */
import type { UcsSettings } from './settings';

/** The element the bundle renders into when it is not headless (the sandbox page creates it). */
export const RENDER_TO = 'ucsOperator';

/**
 * The configuration object for `settings`. `api` is the WebSocket proxy's address (the document), so
 * it gets the server and port but not `path`, which is where the bundle is served: the proxy's path is
 * UCS's default unless the admin sets `endpoints.ws.path`. `test`: a Test connection session, which
 * pairs no phone and does not log the agent out when it closes (the live session may be the same user).
 */
export function bundleConfig(settings: UcsSettings, test = false): Record<string, unknown> {
  const api: Record<string, unknown> = {
    hostname: settings.hostname,
    port: String(settings.port),
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
    ...(test ? { withoutDevice: true, disableIntegratedAutoLogout: true } : {}),
  };
}

/**
 * A short fingerprint of the settings: a running bundle loaded with other settings is not reused. The
 * credentials are left out (the tag sits in the vendor's page; a new password does not end a session
 * that is logged in), only which login method is used counts.
 */
export function settingsTag(settings: UcsSettings, test = false): string {
  const { ssoToken, ssoSecret, password, ...rest } = settings;
  const method = ssoToken !== undefined ? 'token' : ssoSecret !== undefined ? 'secret' : 'password';
  const text = JSON.stringify([rest, method, test]);
  // FNV-1a: a change detector, not a secret.
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return `ucs-${(hash >>> 0).toString(16)}`;
}
