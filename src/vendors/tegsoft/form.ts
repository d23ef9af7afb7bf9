import type { SettingsField } from '../settings-form';
import { DEFAULT_EVENT_TIMEOUT_MS, DEFAULT_NOT_READY_REASONS } from './settings';

/** How the options page asks for a Tegsoft profile's settings. */
export const tegsoftSettingsForm: readonly SettingsField[] = [
  {
    key: 'hostname',
    label: 'Tegsoft server',
    type: 'url',
    placeholder: 'https://tegsoft.example.com',
    help: 'The server only, no path; https (http only for 127.0.0.1 or localhost).',
  },
  {
    key: 'token',
    label: 'Login token',
    type: 'secret',
    help: "Logs the agent in automatically (recommended); generate it in Tegsoft's API docs. Leave empty to use a user code and password.",
  },
  {
    key: 'usercode',
    label: 'User code',
    type: 'text',
    placeholder: 'test.agent',
    help: "Only without a token: the agent's Tegsoft user code, with its password below.",
  },
  {
    key: 'clearpassword',
    label: 'Password',
    type: 'secret',
    help: 'Only without a token: the password of the user code above.',
    warning: 'A password kept in the browser is weaker than a token: prefer a token.',
  },
  {
    key: 'sessionType',
    label: 'Session type',
    type: 'text',
    placeholder: 'agent',
    help: 'The widget\'s session type; default "agent".',
  },
  {
    key: 'notReadyReasons',
    label: 'Not-ready reasons',
    type: 'list',
    help: `Reason codes as the Tegsoft server knows them, one per line; default ${DEFAULT_NOT_READY_REASONS.join(', ')}.`,
  },
  {
    key: 'layout',
    label: 'Tegsoft screen layout',
    type: 'json',
    placeholder: '{ "autoMaximize": true, "style": { "height": "600px", "width": "400px" } }',
    help: "Tegsoft's layout options: autoMaximize, style (padding, borderRadius, height, width), minimize, hideToSide, hideInIcon, movable.",
  },
  {
    key: 'eventTimeoutMs',
    label: 'Wait for the first event (ms)',
    type: 'number',
    help: `How long to wait for the widget's first event after it loads; default ${DEFAULT_EVENT_TIMEOUT_MS}.`,
  },
];
