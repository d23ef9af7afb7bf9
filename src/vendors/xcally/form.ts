import type { SettingsField } from '../settings-form';
import { DEFAULT_APP_NAME, DEFAULT_PATH } from './settings';

/** How the options page asks for an xCALLY profile's settings. */
export const xcallySettingsForm: readonly SettingsField[] = [
  {
    key: 'url',
    label: 'Realtime server',
    type: 'url',
    placeholder: 'https://xcally.example.com:8888',
    help: "The xcally-realtime server, no path; https (http only for 127.0.0.1 or localhost). Port 8888 with Secure Connection: the document's 98888 is a typo.",
  },
  {
    key: 'path',
    label: 'socket.io path',
    type: 'text',
    placeholder: DEFAULT_PATH,
    help: `Where socket.io answers on that server; default ${DEFAULT_PATH}.`,
  },
  {
    key: 'engineIo',
    label: 'Protocol',
    type: 'select',
    options: [
      { value: '3', label: '3 — socket.io 2 (xCALLY Shuttle)' },
      { value: '4', label: '4 — socket.io 3 and later' },
    ],
    help: "The server's engine.io protocol; default 3, as xCALLY Shuttle speaks.",
  },
  {
    key: 'peer',
    label: 'Agent interface',
    type: 'text',
    placeholder: 'SIP/andrea.bianco',
    help: "The agent's interface as xCALLY's events write it (technology/name); sent in the handshake.",
  },
  {
    key: 'match',
    label: "Agent's calls by",
    type: 'select',
    options: [
      { value: 'peer', label: 'Interface (peer)' },
      { value: 'sipname', label: 'SIP name (sipname)' },
      { value: 'agentnum', label: 'Agent number (agentnum)' },
    ],
    help: "Which event field says a call is this agent's; default the interface. Other agents' calls are ignored.",
  },
  {
    key: 'sipname',
    label: 'SIP name',
    type: 'text',
    placeholder: 'andrea.bianco',
    help: 'Only when matching by SIP name; default the interface without its technology.',
  },
  {
    key: 'agentnum',
    label: 'Agent number',
    type: 'text',
    placeholder: '1000',
    help: 'Required when matching by agent number.',
  },
  {
    key: 'queues',
    label: 'Queues for missed calls',
    type: 'list',
    help: "One queue per line: a caller abandoning one of them shows as a missed call in the agent's recent calls. Empty: none.",
  },
  {
    key: 'phonebarUrl',
    label: 'Phonebar',
    type: 'url',
    placeholder: 'http://127.0.0.1:9888',
    help: "The xCALLY Phonebar's API on the agent's computer (default port 9888). Without it the bar shows calls but cannot dial, answer or hang up.",
  },
  {
    key: 'realtimeCti',
    label: 'Report screen-pops to Realtime',
    type: 'json',
    placeholder: `{ "enabled": true, "appName": "${DEFAULT_APP_NAME}" }`,
    help: `Sends each screen-pop to xCALLY's Integration Realtime as RealtimeCTI; default off, appName "${DEFAULT_APP_NAME}".`,
  },
  {
    key: 'query',
    label: 'Handshake values',
    type: 'json',
    placeholder: '{ "token": "..." }',
    help: 'Extra query values for the realtime server\'s handshake (xCALLY does not publish its authentication); "peer" is added from the interface.',
    warning:
      'These values travel in the connection URL and are kept in the browser: use a token made for this, not a password.',
  },
];
