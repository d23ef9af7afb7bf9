import * as v from 'valibot';
import { plainObject } from '../../core/config/schema-parts';
import { worded } from '../../core/config/valibot-issues';
import { didYouMean, quote, quotedChoices } from '../../core/config/wording';

/** Hosts reached over plain http: this machine only (the Phonebar, a simulator, a tunnel). */
const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '[::1]'];

const REALTIME_EXAMPLE = '"https://xcally.example.com:8888"';
const PHONEBAR_EXAMPLE = '"http://127.0.0.1:9888"';
/** The Phonebar's port unless an admin changed it in Motion (agent/motionbar/advanced). */
export const PHONEBAR_DEFAULT_PORT = 9888;
/** socket.io's own default path; xCALLY does not publish the realtime server's. */
export const DEFAULT_PATH = '/socket.io';
/** xCALLY Shuttle's xcally-realtime speaks socket.io 2, that is engine.io protocol 3. */
export const DEFAULT_ENGINE_IO = 3;
/** The integration name RealtimeCTI reports screen-pops under unless the admin names it. */
export const DEFAULT_APP_NAME = 'Softbar';

/** Which field of the realtime events names the agent a call belongs to. */
export const MATCH_FIELDS = ['peer', 'sipname', 'agentnum'] as const;
export type MatchField = (typeof MATCH_FIELDS)[number];

/** Handshake query keys socket.io/engine.io set themselves, or that "peer" sets. */
const RESERVED_QUERY_KEYS = ['peer', 'EIO', 'transport', 't', 'sid', 'b64', 'j'];

const SETTING_KEYS = [
  'url',
  'path',
  'engineIo',
  'peer',
  'match',
  'sipname',
  'agentnum',
  'queues',
  'phonebarUrl',
  'realtimeCti',
  'query',
] as const;

type Parsed = { readonly origin: string } | { readonly problem: string };

/**
 * An origin from what an admin wrote, or why it is not one. `defaultScheme` goes in front of a bare host;
 * `what` and `example` word the messages; `pathFix` says where a path belongs instead.
 */
function parseServer(
  text: string,
  options: {
    readonly what: string;
    readonly example: string;
    readonly defaultScheme: (host: string) => 'http' | 'https';
    readonly defaultPort?: number;
    readonly pathFix: string;
    readonly httpsWhy: string;
  },
): Parsed {
  const trimmed = text.trim();
  if (trimmed === '') return { problem: `is empty; write ${options.what}, e.g. ${options.example}` };
  // `new URL` refuses the port outright, so the document's typo would get a vaguer message.
  const port = /^(?:[a-z]+:\/\/)?[^/:?#]+:(\d+)/i.exec(trimmed)?.[1];
  if (port === '98888')
    return {
      problem: `${quote(text)} has port 98888, which cannot exist (ports stop at 65535): the xCALLY document's "http://localhost:98888" is a typo; write the port your server really listens on, e.g. ${options.example}`,
    };
  if (port !== undefined && Number(port) > 65535)
    return {
      problem: `${quote(text)} has port ${port}, above 65535; write a real port, e.g. ${options.example}`,
    };
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(trimmed)?.[1]?.toLowerCase();
  // socket.io takes ws(s):// too: the same server, written the WebSocket way.
  const withScheme =
    scheme === undefined
      ? `${options.defaultScheme(trimmed.split(/[:/]/)[0] ?? '')}://${trimmed}`
      : scheme === 'wss' || scheme === 'ws'
        ? trimmed.replace(/^wss?/i, scheme === 'wss' ? 'https' : 'http')
        : trimmed;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { problem: `${quote(text)} is not a server address; write one such as ${options.example}` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return {
      problem: `${quote(text)} uses ${url.protocol}; write an https address, e.g. ${options.example}`,
    };
  if (url.protocol === 'http:' && !LOOPBACK_HOSTS.includes(url.hostname))
    return {
      problem: `${quote(text)} is not https; ${options.httpsWhy}, so Softbar uses https (http only to 127.0.0.1 or localhost): use ${quote(`https://${url.host}`)}`,
    };
  if (url.username !== '' || url.password !== '')
    return { problem: `${quote(text)} has a user name or password in it; remove it` };
  if ((url.pathname !== '/' && url.pathname !== '') || url.search !== '' || url.hash !== '')
    return {
      problem: `${quote(text)} has a path; give the server only, e.g. ${quote(url.origin)} (${options.pathFix})`,
    };
  if (scheme === undefined && url.port === '' && options.defaultPort !== undefined)
    return { origin: `${url.origin}:${options.defaultPort}` };
  return { origin: url.origin };
}

/** The realtime server's origin from what an admin wrote, or why it cannot be one. */
export function parseRealtimeUrl(text: string): Parsed {
  return parseServer(text, {
    what: "the xCALLY realtime server's address",
    example: REALTIME_EXAMPLE,
    defaultScheme: () => 'https',
    pathFix: 'the socket.io path goes in "path", default "/socket.io"',
    httpsWhy: "the connection carries the agent's calls and the handshake query",
  });
}

/** The Phonebar's origin from what an admin wrote; a bare loopback host gets http and port 9888. */
export function parsePhonebarUrl(text: string): Parsed {
  return parseServer(text, {
    what: "the xCALLY Phonebar's address on the agent's computer",
    example: PHONEBAR_EXAMPLE,
    defaultScheme: (host) => (LOOPBACK_HOSTS.includes(host.toLowerCase()) ? 'http' : 'https'),
    defaultPort: PHONEBAR_DEFAULT_PORT,
    pathFix: 'Softbar adds /api/... itself',
    httpsWhy: 'the Phonebar places and ends calls',
  });
}

const serverSchema = (parse: (text: string) => Parsed, example: string) =>
  v.pipe(
    v.string(worded(`is not text; write the address in quotes, e.g. ${example}`)),
    v.rawTransform(({ dataset, addIssue, NEVER }) => {
      const parsed = parse(dataset.value);
      if ('origin' in parsed) return parsed.origin;
      addIssue({ message: worded(parsed.problem) });
      return NEVER;
    }),
  );

/** Text that is not blank, trimmed. */
const word = (what: string, example: string) =>
  v.pipe(
    v.string(worded(`is not text; write the ${what} in quotes, e.g. ${example}`)),
    v.trim(),
    v.check((text) => text !== '', worded(`is empty; write the ${what}, e.g. ${example}`)),
    v.check((text) => text.length <= 200, worded(`is too long for a ${what}; write it as xCALLY shows it`)),
  );

const pathSchema = v.pipe(
  v.string(worded(`is not text; write the socket.io path in quotes, e.g. "${DEFAULT_PATH}"`)),
  v.trim(),
  v.check(
    (text) => /^\/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*$/.test(text) && text.length <= 200,
    worded(
      (issue) =>
        `${quote(issue.input)} is not a socket.io path; write one starting with "/", without "?" or "#", e.g. "${DEFAULT_PATH}"`,
    ),
  ),
  v.transform((text) => (text.length > 1 ? text.replace(/\/+$/, '') : text)),
);

const engineIoSchema = v.pipe(
  v.union(
    [v.literal(3), v.literal(4), v.literal('3'), v.literal('4')],
    worded(
      (issue) =>
        `${quote(issue.input)} is not an engine.io protocol version; use 3 (xCALLY Shuttle's realtime server, socket.io 2) or 4 (a socket.io 3 or later server)`,
    ),
  ),
  v.transform((version) => Number(version) as 3 | 4),
);

const peerSchema = v.pipe(
  word('agent interface', '"SIP/andrea.bianco"'),
  v.check(
    (text) => /^[A-Za-z][A-Za-z0-9_-]*\/\S+$/.test(text),
    worded(
      (issue) =>
        `${quote(issue.input)} is not an agent interface; write it as xCALLY's events show it, technology/name, e.g. "SIP/andrea.bianco"`,
    ),
  ),
);

const matchSchema = v.picklist(
  MATCH_FIELDS,
  worded((issue) => {
    const input = issue.input;
    const guess = typeof input === 'string' ? didYouMean(input, MATCH_FIELDS) : '';
    return `${quote(input)} is not a field that names the agent${guess}; use ${quotedChoices(MATCH_FIELDS)}`;
  }),
);

const queuesSchema = v.pipe(
  v.array(
    word('queue name', '"Support"'),
    worded('is not a list; write queue names in brackets, e.g. ["Support", "Sales"]'),
  ),
  v.check(
    (list) => new Set(list.map((queue) => queue.toLowerCase())).size === list.length,
    worded('lists a queue twice; give each queue once'),
  ),
);

const realtimeCtiSchema = v.strictObject(
  {
    enabled: v.optional(
      v.boolean(
        worded("is not true or false; write true to show Softbar's screen-pops in xCALLY's Realtime"),
      ),
      false,
    ),
    appName: v.optional(word('integration name', `"${DEFAULT_APP_NAME}"`), DEFAULT_APP_NAME),
  },
  worded((issue) => {
    const key = issue.path?.at(-1)?.key;
    return issue.expected === 'never' && typeof key === 'string'
      ? `${quote(key)} is not a RealtimeCTI option; use "enabled" or "appName"`
      : `is not an object; write { "enabled": true, "appName": "${DEFAULT_APP_NAME}" }`;
  }),
);

const queryValue = v.pipe(
  v.union(
    [v.string(), v.number(), v.boolean()],
    worded('is not text; write each handshake value as text, e.g. { "token": "..." }'),
  ),
  v.transform((value) => String(value)),
  v.check((text) => text.length <= 2000, worded('is over 2000 characters; the handshake goes in a URL')),
);

const querySchema = v.pipe(
  plainObject('write extra handshake values as an object, e.g. { "token": "..." }'),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    for (const key of Object.keys(dataset.value)) {
      if (RESERVED_QUERY_KEYS.some((reserved) => reserved.toLowerCase() === key.toLowerCase()))
        addIssue({
          message: worded(
            key.toLowerCase() === 'peer'
              ? 'is sent from the "peer" setting; remove it here'
              : 'is set by socket.io itself; remove it',
          ),
          path: [{ type: 'object', origin: 'value', input: dataset.value, key, value: dataset.value[key] }],
        });
    }
  }),
  v.record(v.string(), queryValue),
);

const MISSING: Partial<Record<(typeof SETTING_KEYS)[number], string>> = {
  url: `add the xCALLY realtime server, e.g. "url": ${REALTIME_EXAMPLE}`,
  peer: 'add the agent\'s interface as xCALLY names it, e.g. "peer": "SIP/andrea.bianco"',
};

// Loose, so that a misspelt key is still there to be named after every other field was checked.
const settingsObject = v.looseObject(
  {
    /** The xcally-realtime server, normalized to its origin. */
    url: serverSchema(parseRealtimeUrl, REALTIME_EXAMPLE),
    /** The socket.io path on it. */
    path: v.optional(pathSchema, DEFAULT_PATH),
    /** engine.io protocol: 3 for socket.io 2 servers (Shuttle), 4 for socket.io 3+. */
    engineIo: v.optional(engineIoSchema, DEFAULT_ENGINE_IO),
    /** The agent's interface, sent in the handshake and compared with the events' `peer`. */
    peer: peerSchema,
    /** Which event field identifies the agent's own calls. */
    match: v.optional(matchSchema, 'peer'),
    /** The agent's SIP name; default the peer without its technology. */
    sipname: v.optional(word('SIP name', '"andrea.bianco"')),
    /** The agent's number in xCALLY; needed when matching by it. */
    agentnum: v.optional(word('agent number', '"1000"')),
    /** Queues whose abandoned calls show as the agent's missed calls. */
    queues: v.optional(queuesSchema, []),
    /** The xCALLY Phonebar on the agent's computer; without it the bar only shows calls. */
    phonebarUrl: v.optional(serverSchema(parsePhonebarUrl, PHONEBAR_EXAMPLE)),
    /** Reports Softbar's screen-pops to xCALLY's Realtime (the document's `pushevent`). */
    realtimeCti: v.optional(realtimeCtiSchema, { enabled: false, appName: DEFAULT_APP_NAME }),
    /** Extra handshake query values (the real authentication is not published). */
    query: v.optional(querySchema, {}),
  },
  worded((issue) => {
    const key = String(issue.path?.at(-1)?.key);
    return `is missing; ${MISSING[key as keyof typeof MISSING] ?? `add ${JSON.stringify(key)}`}`;
  }),
);

/** Settings of an xCALLY profile: the realtime server, who the agent is, and the optional Phonebar. */
export const xcallySettingsSchema = v.pipe(
  plainObject(
    'write the xCALLY settings as an object, e.g. { "url": "https://xcally.example.com:8888", "peer": "SIP/andrea.bianco" }',
  ),
  settingsObject,
  // Runs even when a field failed: the value is still the object that was written.
  v.rawCheck(({ dataset, addIssue }) => {
    const written = dataset.value as Record<string, unknown> | null;
    if (typeof written !== 'object' || written === null) return;
    for (const key of Object.keys(written)) {
      if ((SETTING_KEYS as readonly string[]).includes(key)) continue;
      addIssue({
        message: worded(
          `${quote(key)} is not an xCALLY setting${didYouMean(key, SETTING_KEYS)}; use ${quotedChoices(SETTING_KEYS)}`,
        ),
        path: [{ type: 'object', origin: 'value', input: written, key, value: written[key] }],
      });
    }
  }),
  v.forward(
    v.partialCheck(
      [['match'], ['agentnum']],
      (input) => input.match !== 'agentnum' || input.agentnum !== undefined,
      worded('is missing; matching calls by agent number needs the agent\'s number, e.g. "agentnum": "1000"'),
    ),
    ['agentnum'],
  ),
  // The events' sipname is the peer's name without its technology ("SIP/andrea.bianco" → "andrea.bianco").
  v.transform(
    ({ url, path, engineIo, peer, match, sipname, agentnum, queues, phonebarUrl, realtimeCti, query }) => ({
      url,
      path,
      engineIo,
      peer,
      match,
      sipname: sipname ?? peer.slice(peer.indexOf('/') + 1),
      agentnum,
      queues,
      phonebarUrl,
      realtimeCti,
      query,
    }),
  ),
);

export type XcallySettings = v.InferOutput<typeof xcallySettingsSchema>;
