import type { SettingsField } from '../settings-form';
import { DEFAULT_BUNDLE, DEFAULT_PROVIDER, RINGING_SOUNDS } from './settings';

/** How the options page asks for a UCS profile's settings. */
export const ucsSettingsForm: readonly SettingsField[] = [
  {
    key: 'hostname',
    label: 'UCS server',
    type: 'text',
    placeholder: 'ucs.example.com',
    help: 'The host name only: no https://, port or path.',
  },
  { key: 'port', label: 'Port', type: 'number', help: 'Default 443.' },
  {
    key: 'secure',
    label: 'Use https',
    type: 'boolean',
    help: 'Default on; off only for 127.0.0.1 or localhost.',
  },
  {
    key: 'path',
    label: 'Path',
    type: 'text',
    placeholder: '/',
    help: 'Where the server serves the bundle; default "/".',
  },
  {
    key: 'bundle',
    label: 'Agent bar bundle',
    type: 'text',
    placeholder: DEFAULT_BUNDLE,
    help: `The bundle's file name; default ${DEFAULT_BUNDLE}.`,
  },
  {
    key: 'username',
    label: 'User name',
    type: 'text',
    placeholder: 'jan.novak',
    help: "The agent's UCS user name.",
  },
  {
    key: 'ssoToken',
    label: 'SSO token',
    type: 'secret',
    help: 'Logs the agent in (recommended). Give exactly one of token, secret or password.',
  },
  {
    key: 'ssoSecret',
    label: 'SSO secret',
    type: 'secret',
    help: 'Only without a token: Softbar makes a fresh SSO token from it at each login.',
    warning: 'A secret kept in the browser is weaker than a token: prefer a token.',
  },
  {
    key: 'password',
    label: 'Password',
    type: 'secret',
    help: "Only without a token or secret: the agent's UCS password.",
    warning: 'A password kept in the browser is weaker than a token: prefer a token.',
  },
  {
    key: 'provider',
    label: 'Calling system',
    type: 'text',
    placeholder: DEFAULT_PROVIDER,
    help: `The name UCS is given for this system; default ${DEFAULT_PROVIDER}.`,
  },
  {
    key: 'identifier',
    label: 'PC identifier',
    type: 'text',
    help: "Pairs this PC with the agent's phone; leave empty to let UCS detect it.",
  },
  {
    key: 'headless',
    label: 'Headless',
    type: 'boolean',
    help: "Run UCS without its own screen (default on): the bar is the agent's UI.",
  },
  {
    key: 'confirmDevice',
    label: 'Confirm the phone',
    type: 'boolean',
    help: 'Ask the agent to confirm the paired phone before the session starts (default off).',
  },
  {
    key: 'autoOpenAccountCode',
    label: 'Ask for account codes',
    type: 'boolean',
    help: "After each answered call, ask for its account code from the server's call reasons (default on).",
  },
  {
    key: 'dialQueue',
    label: 'Dial queue',
    type: 'text',
    placeholder: 'directCall',
    help: 'Outgoing queue for click-to-dial: a queue ID, "directCall" (none) or "undefined" (UCS decides). Default: not sent.',
  },
  {
    key: 'dialLine',
    label: 'Dial line',
    type: 'number',
    help: 'Phone line ID to dial from; default: not sent.',
  },
  {
    key: 'ringingSound',
    label: 'Ringtone',
    type: 'select',
    options: RINGING_SOUNDS.map((sound) => ({ value: sound, label: sound })),
    help: "The softphone's ringtone, set after login; default: UCS's own choice.",
  },
  {
    key: 'endpoints',
    label: 'Endpoints',
    type: 'json',
    help: 'Overrides of the api sub-objects, e.g. { "ws": { "path": "/ws" } } (ws, recording, report, email, template).',
  },
  {
    key: 'bundleOptions',
    label: 'Agent bar options',
    type: 'json',
    help: 'Documented startup parameters passed as they are, e.g. { "lang": "cs", "notifyWaitingCallers": true }.',
  },
];
