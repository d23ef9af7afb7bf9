import * as v from 'valibot';
import { choiceSchema, objectWith, plainObject } from '../../core/config/schema-parts';
import { worded } from '../../core/config/valibot-issues';
import { quote } from '../../core/config/wording';

/** Hosts the UCS server may be reached on without TLS: this machine only (the simulator, a tunnel). */
export const LOOPBACK_HOSTS: readonly string[] = ['127.0.0.1', 'localhost'];

/** The bundle the document's examples load (`operator-v4.0.0.js`). */
export const DEFAULT_BUNDLE = 'operator-v4.0.0.js';

/** The name the bar gives UCS as the third `sso`/`login` argument (the calling system). */
export const DEFAULT_PROVIDER = 'Softbar';

const HOST_EXAMPLE = '"ucs.example.com"';
// A DNS name or IPv4 address: no scheme, port or path (those have their own fields).
const HOST_NAME = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i;

const hostnameSchema = v.pipe(
  v.string(worded(`is not text; write the UCS server's host name in quotes, e.g. ${HOST_EXAMPLE}`)),
  v.trim(),
  v.check((text) => text !== '', worded(`is empty; write the UCS server's host name, e.g. ${HOST_EXAMPLE}`)),
  v.check(
    (text) => text === '' || HOST_NAME.test(text),
    worded(
      (issue) =>
        `${quote(issue.input)} is not a host name; write the server only, e.g. ${HOST_EXAMPLE} (port, https and path have their own fields)`,
    ),
  ),
  v.toLowerCase(),
);

/** A login value: text, not blank. */
const credential = (what: string, example: string) =>
  v.optional(
    v.pipe(
      v.string(worded(`is not text; write the ${what} in quotes, e.g. ${example}`)),
      v.check((text) => text.trim() !== '', worded(`is empty; write the ${what}, or remove the field`)),
    ),
  );

/** Short text with a default (provider, bundle): not blank. */
const word = (what: string, example: string, fallback: string) =>
  v.optional(
    v.pipe(
      v.string(worded(`is not text; write the ${what} in quotes, e.g. ${example}`)),
      v.check(
        (text) => text.trim() !== '' && text.length <= 200,
        worded(`is empty or too long; write the ${what}, e.g. ${example}`),
      ),
    ),
    fallback,
  );

const flag = (what: string) =>
  v.optional(v.boolean(worded(`is not true or false; write true to ${what}, or false`)));

/** One `window.ucsOperator.api` endpoint override (the document's ws, recording, report, email, template). */
const endpointSchema = v.pipe(
  plainObject('write e.g. { "path": "/ws" } with hostname, port, path and secure as needed'),
  v.strictObject(
    {
      /** Host name. */
      hostname: v.optional(hostnameSchema),
      /** Port. */
      port: v.optional(
        v.pipe(
          v.number(worded('is not a number; write the port without quotes, e.g. 443')),
          v.integer(worded('is not a whole number; write a port such as 443')),
          v.minValue(1, worded('is not a port; use 1 to 65535')),
          v.maxValue(65_535, worded('is not a port; use 1 to 65535')),
        ),
      ),
      /** Path. */
      path: v.optional(
        v.pipe(
          v.string(worded('is not text; write a path in quotes, e.g. "/ws"')),
          v.regex(
            /^\/[\w\-./~]*$/,
            worded((issue) => `${quote(issue.input)} is not a path; write one starting with "/"`),
          ),
        ),
      ),
      /** TLS. */
      secure: flag('use TLS'),
    },
    worded(
      (issue) =>
        `has an unknown field ${quote(String(issue.expected ?? issue.input))}; use hostname, port, path or secure`,
    ),
  ),
);

/** The documented startup parameters an admin may pass to the bundle as they are. */
const bundleOptionsSchema = v.pipe(
  plainObject('write e.g. { "lang": "cs", "notifyWaitingCallers": true }'),
  v.strictObject(
    {
      lang: v.optional(
        v.pipe(
          v.string(worded('is not text; write a language code, e.g. "cs"')),
          v.regex(
            /^[a-z]{2,3}([-_][A-Za-z]{2,4})?$/,
            worded('is not a language code; write e.g. "cs" or "en"'),
          ),
        ),
      ),
      autologout: flag('log the agent out when they log in elsewhere'),
      identifyURL: flag('use an identifier passed in the URL'),
      identifyIP: flag('use the IP address UCS sees as the identifier'),
      identifyCookie: flag('reuse the identifier entered at the previous login'),
      showDialControl: flag('show call controls in the top bar (GUI only)'),
      confirmUnload: flag('ask before closing (GUI only)'),
      notifyWaitingCallers: flag('alert agents in ACW or AUX of callers entering the queue'),
      topMenuNameContent: v.optional(
        v.pipe(v.string(worded('is not text; write e.g. "%name%"')), v.maxLength(200)),
      ),
      showBottomMenu: flag('show the bottom bar (GUI only)'),
      audioInputConstraints: v.optional(
        v.pipe(
          plainObject('write e.g. { "echoCancellation": true }'),
          v.strictObject(
            {
              echoCancellation: flag('cancel echo'),
              noiseSuppression: flag('suppress noise'),
              autoGainControl: flag('control the gain'),
            },
            worded('has an unknown field; use echoCancellation, noiseSuppression or autoGainControl'),
          ),
        ),
      ),
      withoutDevice: flag('log in without pairing a phone'),
      disableIntegratedAutoLogout: flag('keep the agent logged in when the page that hosts UCS closes'),
      debounceRequests: flag('wait 500 ms before call-history queries'),
    },
    worded(
      (issue) =>
        `has a field UCS does not document (${quote(String(issue.expected ?? issue.input))}); the documented ones are lang, autologout, identifyURL, identifyIP, identifyCookie, showDialControl, confirmUnload, notifyWaitingCallers, topMenuNameContent, showBottomMenu, audioInputConstraints, withoutDevice, disableIntegratedAutoLogout and debounceRequests`,
    ),
  ),
);

/** One CRM origin (`https://crm.example.com`): https, or http on this machine; no path. */
const crmOrigin = v.pipe(
  v.string(worded('is not text; write an origin in quotes, e.g. "https://crm.example.com"')),
  v.check(
    (text) => {
      try {
        const url = new URL(text);
        const local = LOOPBACK_HOSTS.includes(url.hostname);
        return url.origin === text && (url.protocol === 'https:' || (url.protocol === 'http:' && local));
      } catch {
        return false;
      }
    },
    worded(
      (issue) =>
        `${quote(issue.input)} is not an origin; write the CRM's scheme and host only, e.g. "https://crm.example.com" (https, or http only for 127.0.0.1 and localhost)`,
    ),
  ),
);

/** The documented ringtones (`selectRingingSound`). */
export const RINGING_SOUNDS = ['default', 'christmas', 'lovingYou', 'quest', 'rush'] as const;

const settingsObject = objectWith(
  {
    /** The UCS server's host name (lower case, no scheme or port). */
    hostname: hostnameSchema,
    /** The server's port. */
    port: v.optional(
      v.pipe(
        v.number(worded('is not a number; write the port without quotes, e.g. 443')),
        v.integer(worded('is not a whole number; write a port such as 443')),
        v.minValue(1, worded('is not a port; use 1 to 65535')),
        v.maxValue(65_535, worded('is not a port; use 1 to 65535')),
      ),
      443,
    ),
    /** https/wss; false only for a loopback host (checked below). */
    secure: v.optional(v.boolean(worded('is not true or false; write true for https (the default)')), true),
    /** The path the server serves the bundle under. */
    path: v.optional(
      v.pipe(
        v.string(worded('is not text; write a path in quotes, e.g. "/"')),
        v.regex(
          /^\/[\w\-./~]*$/,
          worded(
            (issue) =>
              `${quote(issue.input)} is not a path; write one starting with "/", e.g. "/" or "/ucs/"`,
          ),
        ),
      ),
      '/',
    ),
    /** The bundle's file name, e.g. `operator-v4.0.0.js`. */
    bundle: v.optional(
      v.pipe(
        v.string(worded(`is not text; write the bundle's file name, e.g. "${DEFAULT_BUNDLE}"`)),
        v.regex(
          /^[\w.-]+\.js$/,
          worded(
            (issue) =>
              `${quote(issue.input)} is not a bundle file name; write one such as "${DEFAULT_BUNDLE}" (no path)`,
          ),
        ),
      ),
      DEFAULT_BUNDLE,
    ),
    /** The agent's UCS user name. */
    username: v.pipe(
      v.string(worded('is not text; write the UCS user name in quotes, e.g. "jan.novak"')),
      v.check((text) => text.trim() !== '', worded('is empty; write the UCS user name, e.g. "jan.novak"')),
    ),
    /** A ready-made SSO token (preferred). */
    ssoToken: credential('SSO token', '"JNcmMvXhSG..."'),
    /** The SSO secret: the bar makes a fresh token from it at each login. */
    ssoSecret: credential('SSO secret', '"shared-secret"'),
    /** The agent's password. */
    password: credential('password', '"s3cret"'),
    /** CRM origins whose pages may hand over the agent's SSO token (the document's integrating system). */
    crmOrigins: v.optional(
      v.pipe(
        v.array(crmOrigin, worded('is not a list; write e.g. ["https://crm.example.com"]')),
        v.minLength(1, worded('is empty; name the CRM origins, or remove the field')),
      ),
    ),
    /** The calling system's name passed to UCS. */
    provider: word('calling system name', `"${DEFAULT_PROVIDER}"`, DEFAULT_PROVIDER),
    /** The PC identifier for pairing with the phone; UCS detects or asks for it when absent. */
    identifier: credential('PC identifier', '"PC-042"'),
    /** Run the bundle without its own UI (the bar is the UI). */
    headless: v.optional(
      v.boolean(worded('is not true or false; write true to run UCS without its own screen (the default)')),
      true,
    ),
    /** Ask the agent to confirm the paired phone before the session starts (the document's confirmDevice). */
    confirmDevice: v.optional(
      v.boolean(worded('is not true or false; write true to confirm the phone')),
      false,
    ),
    /** Ask for the call's account code (call reason) after each call (the document's autoOpenAccountCode). */
    autoOpenAccountCode: v.optional(
      v.boolean(worded('is not true or false; write false to stop asking for account codes after calls')),
      true,
    ),
    /** The outgoing queue `dial` uses: a queue ID, "directCall" (none) or "undefined" (UCS decides). */
    dialQueue: v.optional(
      v.union(
        [
          v.pipe(v.number(), v.integer(), v.minValue(0)),
          v.picklist(['directCall', 'undefined']),
          // Policies carry undeclared values as text: a queue ID may come as "12".
          v.pipe(v.string(), v.regex(/^\d{1,9}$/), v.transform(Number)),
        ],
        worded(
          'is not a queue; write a queue ID such as 12, "directCall" (no queue) or "undefined" (UCS decides)',
        ),
      ),
    ),
    /** The phone line ID `dial` uses. */
    dialLine: v.optional(
      v.pipe(
        v.number(worded('is not a number; write the line ID without quotes, e.g. 101')),
        v.integer(worded('is not a whole number; write a line ID such as 101')),
        v.minValue(0, worded('is not a line ID; write one such as 101')),
      ),
    ),
    /** The softphone ringtone chosen after login. */
    ringingSound: v.optional(choiceSchema(RINGING_SOUNDS, 'a UCS ringtone')),
    /** Overrides of `window.ucsOperator.api` sub-objects (the WebSocket proxy, recording, ...). */
    endpoints: v.optional(
      v.pipe(
        plainObject('write e.g. { "ws": { "path": "/ws" } }'),
        v.strictObject(
          {
            ws: v.optional(endpointSchema),
            recording: v.optional(endpointSchema),
            report: v.optional(endpointSchema),
            email: v.optional(endpointSchema),
            template: v.optional(endpointSchema),
          },
          worded('has an unknown endpoint; use ws, recording, report, email or template'),
        ),
      ),
    ),
    /** Documented startup parameters passed to the bundle as they are. */
    bundleOptions: v.optional(bundleOptionsSchema),
  },
  {
    hostname: `add the UCS server, e.g. "hostname": ${HOST_EXAMPLE}`,
    username: 'add the agent\'s UCS user name, e.g. "username": "jan.novak"',
  },
);

type LoginFields = { ssoToken?: string; ssoSecret?: string; password?: string; crmOrigins?: string[] };
const LOGIN_KEYS = [['ssoToken'], ['ssoSecret'], ['password'], ['crmOrigins']] as const;
const methodsGiven = (input: LoginFields) =>
  [input.ssoToken, input.ssoSecret, input.password].filter((value) => value !== undefined).length;

/** Settings of a UCS profile: the server, the agent, exactly one login method, and how the bundle runs. */
export const ucsSettingsSchema = v.pipe(
  settingsObject,
  v.forward(
    v.partialCheck(
      LOGIN_KEYS,
      (input: LoginFields) => methodsGiven(input) <= 1,
      worded(
        'is set together with another login method; keep exactly one of "ssoToken" (safest), "ssoSecret" or "password" and remove the others',
      ),
    ),
    ['ssoToken'],
  ),
  v.forward(
    v.partialCheck(
      LOGIN_KEYS,
      (input: LoginFields) => methodsGiven(input) >= 1 || input.crmOrigins !== undefined,
      worded(
        'is missing; give "ssoToken", or "ssoSecret", or "password", or let the CRM log the agent in with "crmOrigins"',
      ),
    ),
    ['ssoToken'],
  ),
  // The bundle's address and the agent's credentials travel in clear without TLS: this machine only.
  v.forward(
    v.partialCheck(
      [['hostname'], ['secure']],
      (input: { hostname: string; secure: boolean }) =>
        input.secure || LOOPBACK_HOSTS.includes(input.hostname),
      worded(
        'is false for a remote server; credentials would travel in clear, so Softbar uses https for every host but 127.0.0.1 and localhost: remove "secure" or set it to true',
      ),
    ),
    ['secure'],
  ),
);

/** A UCS profile's settings as validated, defaults applied. */
export type UcsSettings = v.InferOutput<typeof ucsSettingsSchema>;

/** How the profile logs in, as the settings say (exactly one is set after validation). */
export type UcsLogin =
  | { readonly kind: 'ssoToken'; readonly token: string }
  | { readonly kind: 'ssoSecret'; readonly secret: string }
  | { readonly kind: 'password'; readonly password: string }
  /** Only the token a CRM page hands over (`crmOrigins`). */
  | { readonly kind: 'crm' };

/** The one login method of validated `settings`. */
export function loginOf(settings: UcsSettings): UcsLogin {
  if (settings.ssoToken !== undefined) return { kind: 'ssoToken', token: settings.ssoToken };
  if (settings.ssoSecret !== undefined) return { kind: 'ssoSecret', secret: settings.ssoSecret };
  if (settings.password !== undefined) return { kind: 'password', password: settings.password };
  return { kind: 'crm' };
}

/** The server's origin (`https://host[:port]`) from validated settings; the default port is left out. */
export function serverOrigin(settings: UcsSettings): string {
  const scheme = settings.secure ? 'https' : 'http';
  const defaultPort = settings.secure ? 443 : 80;
  const port = settings.port === defaultPort ? '' : `:${settings.port}`;
  return `${scheme}://${settings.hostname}${port}`;
}

/** The bundle's URL, what the sandbox page loads: `origin + path + "operator/" + bundle`, as the document's script tag. */
export function bundleUrl(settings: UcsSettings): string {
  const path = settings.path.endsWith('/') ? settings.path : `${settings.path}/`;
  return `${serverOrigin(settings)}${path}operator/${settings.bundle}`;
}
