import * as v from 'valibot';
import { objectWith } from '../../core/config/schema-parts';
import { worded } from '../../core/config/valibot-issues';
import { quote, quotedChoices } from '../../core/config/wording';

/** Hosts a Tegsoft server may be reached on over plain http: this machine only (a simulator, a tunnel). */
const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost'];

const HOST_EXAMPLE = '"https://tegsoft.example.com"';

/**
 * The server's origin (`https://host[:port]`) from what an admin wrote, or why it cannot be one. A bare
 * host name gets https:// in front, since that is how admins copy it from the Tegsoft address bar.
 */
export function parseHostname(text: string): { readonly origin: string } | { readonly problem: string } {
  const trimmed = text.trim();
  if (trimmed === '')
    return { problem: `is empty; write the Tegsoft server's address, e.g. ${HOST_EXAMPLE}` };
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { problem: `${quote(text)} is not a server address; write one such as ${HOST_EXAMPLE}` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return {
      problem: `${quote(text)} uses ${url.protocol}; write an https address, e.g. ${HOST_EXAMPLE}`,
    };
  // The widget URL carries the agent's token or password: it may only travel in clear on this machine.
  if (url.protocol === 'http:' && !LOOPBACK_HOSTS.includes(url.hostname))
    return {
      problem: `${quote(text)} is not https; the widget address carries the agent's token or password, so Softbar loads it over https only (http only to 127.0.0.1 or localhost): use ${quote(`https://${url.host}`)}`,
    };
  if (url.username !== '' || url.password !== '')
    return {
      problem: `${quote(text)} has a user name or password in it; remove it and use "token" or "usercode" + "clearpassword"`,
    };
  if ((url.pathname !== '/' && url.pathname !== '') || url.search !== '' || url.hash !== '')
    return {
      problem: `${quote(text)} has a path; give the server only, e.g. ${quote(url.origin)} (Softbar adds /Tobe/forms/TegsoftVue/ itself)`,
    };
  return { origin: url.origin };
}

const hostnameSchema = v.pipe(
  v.string(worded(`is not text; write the server's address in quotes, e.g. ${HOST_EXAMPLE}`)),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const parsed = parseHostname(dataset.value);
    if ('origin' in parsed) return parsed.origin;
    addIssue({ message: worded(parsed.problem) });
    return NEVER;
  }),
);

/** A login value: text, not blank. */
const credential = (what: string, example: string) =>
  v.optional(
    v.pipe(
      v.string(worded(`is not text; write the ${what} in quotes, e.g. ${example}`)),
      v.check((text) => text.trim() !== '', worded(`is empty; write the ${what}, or remove the field`)),
    ),
  );

/** A CSS length as the document allows it ("Values should be entered in units (vh, %, or px)"). */
const CSS_LENGTH = /^(0|\d{1,5}(\.\d{1,3})?(px|vh|vw|%|em|rem))$/;

const length = (example: string) =>
  v.optional(
    v.pipe(
      v.string(worded(`is not text; write a length in quotes, e.g. ${quote(example)}`)),
      v.regex(
        CSS_LENGTH,
        worded(
          (issue) =>
            `${quote(issue.input)} is not a length; write one such as ${quote(example)}, "100%" or "600px"`,
        ),
      ),
    ),
  );

const LAYOUT_KEYS = ['autoMaximize', 'style', 'minimize', 'hideToSide', 'hideInIcon', 'movable'] as const;
const STYLE_KEYS = ['padding', 'borderRadius', 'height', 'width'] as const;

/** The message of a strict object: names an unknown key, or says the value is not an object. */
const strictMessage = (keys: readonly string[], what: string, example: string) =>
  worded((issue) => {
    // Valibot reports an unknown key with `expected: "never"` and the key last in the path.
    const key = issue.path?.at(-1)?.key;
    return issue.expected === 'never' && typeof key === 'string'
      ? `${quote(key)} is not ${what}; use ${quotedChoices(keys)}`
      : `is not an object; write ${example}`;
  });

/** `{ "enable": true }`, the document's shape for the title-bar buttons. */
const toggle = (button: string) =>
  v.optional(
    v.strictObject(
      {
        enable: v.optional(
          v.boolean(worded(`is not true or false; write "enable": true to show the ${button} button`)),
          false,
        ),
      },
      strictMessage(['enable'], 'an option here', `{ "enable": true } to show the ${button} button`),
    ),
  );

/** The document's layout options (section 1.1), applied to the window that shows the Tegsoft screen. */
export const layoutSchema = v.strictObject(
  {
    autoMaximize: v.optional(
      v.boolean(worded('is not true or false; write true to bring the Tegsoft screen up when a call rings')),
    ),
    style: v.optional(
      v.strictObject(
        {
          padding: length('0px'),
          borderRadius: length('0px'),
          height: length('100vh'),
          width: length('100vw'),
        },
        strictMessage(STYLE_KEYS, 'a style option', '{ "height": "600px", "width": "400px" }'),
      ),
    ),
    minimize: toggle('minimize'),
    hideToSide: toggle('hide-to-side'),
    hideInIcon: toggle('hide-in-icon'),
    movable: v.optional(
      v.strictObject(
        {
          enable: v.optional(
            v.boolean(worded('is not true or false; write "enable": true to offer moving')),
            false,
          ),
          position: v.optional(
            v.picklist(
              ['left', 'right'],
              worded((issue) => `${quote(issue.input)} is not a side; use "left" or "right"`),
            ),
            'right',
          ),
        },
        strictMessage(['enable', 'position'], 'a movable option', '{ "enable": true, "position": "right" }'),
      ),
    ),
  },
  strictMessage(LAYOUT_KEYS, 'a layout option', '{ "autoMaximize": true }'),
);

/** The layout options as validated. */
export type TegsoftLayout = v.InferOutput<typeof layoutSchema>;

/** Reason codes offered with "Not ready" when the admin lists none (the codes Tegsoft ships with). */
export const DEFAULT_NOT_READY_REASONS = ['LUNCH', 'BREAK'] as const;

/** Default time to wait for the widget's first event after it loads. */
export const DEFAULT_EVENT_TIMEOUT_MS = 10_000;

const settingsObject = objectWith(
  {
    /** The Tegsoft server, normalized to its origin (`https://tegsoft.example.com`). */
    hostname: hostnameSchema,
    /** Auto-login token (the document's preferred method). */
    token: credential('token', '"eyJhbGciOi..."'),
    /** Auto-login user code, with `clearpassword`. */
    usercode: credential('user code', '"test.agent"'),
    /** Auto-login password, with `usercode`. */
    clearpassword: credential('password', '"s3cret"'),
    /** The widget's `sessiontype`. */
    sessionType: v.optional(
      v.pipe(
        v.string(worded('is not text; write "agent"')),
        v.regex(
          /^[A-Za-z][\w-]{0,31}$/,
          worded((issue) => `${quote(issue.input)} is not a session type; write one word such as "agent"`),
        ),
      ),
      'agent',
    ),
    /** Not-ready reason codes the bar offers, as the Tegsoft server knows them. */
    notReadyReasons: v.optional(
      v.pipe(
        v.array(
          v.pipe(
            v.string(worded('is not text; write a reason code in quotes, e.g. "LUNCH"')),
            v.check(
              (text) => text.trim() !== '' && text.length <= 100,
              worded('is empty or too long; write a reason code as Tegsoft knows it, e.g. "LUNCH"'),
            ),
          ),
          worded('is not a list; write reason codes in brackets, e.g. ["LUNCH", "BREAK"]'),
        ),
        v.check(
          (list) => new Set(list).size === list.length,
          worded('lists a reason twice; give each reason code once'),
        ),
      ),
      [...DEFAULT_NOT_READY_REASONS],
    ),
    /** How the Tegsoft screen looks when shown. */
    layout: v.optional(layoutSchema, {}),
    /** How long to wait for the widget's first event after it loads, in ms. */
    eventTimeoutMs: v.optional(
      v.pipe(
        v.number(worded('is not a number; write milliseconds without quotes, e.g. 10000')),
        v.integer(worded('is not a whole number; write milliseconds, e.g. 10000')),
        v.minValue(1000, worded('is under a second; the widget needs time to log in: use 1000 or more')),
        v.maxValue(120_000, worded('is over two minutes; use 120000 or less')),
      ),
      DEFAULT_EVENT_TIMEOUT_MS,
    ),
  },
  { hostname: `add the Tegsoft server, e.g. "hostname": ${HOST_EXAMPLE}` },
);

type LoginFields = { token?: string; usercode?: string; clearpassword?: string };
const has = (text: string | undefined) => text !== undefined;

/** Settings of a Tegsoft profile: the server, one auto-login method, and how the widget looks. */
export const tegsoftSettingsSchema = v.pipe(
  settingsObject,
  // Exactly one login method, as the document says: the token alone, or usercode with clearpassword.
  v.forward(
    v.partialCheck(
      [['token'], ['usercode'], ['clearpassword']],
      (input: LoginFields) => !(has(input.token) && (has(input.usercode) || has(input.clearpassword))),
      worded(
        'is set together with "usercode"/"clearpassword"; use one login method: keep "token" (safer) and remove "usercode" and "clearpassword", or the other way round',
      ),
    ),
    ['token'],
  ),
  v.forward(
    v.partialCheck(
      [['token'], ['usercode'], ['clearpassword']],
      (input: LoginFields) => has(input.token) || has(input.usercode) || has(input.clearpassword),
      worded(
        'is missing; give "token" (recommended; generate one in Tegsoft\'s API docs) or "usercode" with "clearpassword"',
      ),
    ),
    ['token'],
  ),
  v.forward(
    v.partialCheck(
      [['token'], ['usercode'], ['clearpassword']],
      (input: LoginFields) => has(input.token) || !has(input.usercode) || has(input.clearpassword),
      worded('is missing; "usercode" logs in only with its "clearpassword" (or use "token" alone)'),
    ),
    ['clearpassword'],
  ),
  v.forward(
    v.partialCheck(
      [['token'], ['usercode'], ['clearpassword']],
      (input: LoginFields) => has(input.token) || !has(input.clearpassword) || has(input.usercode),
      worded('is missing; "clearpassword" needs the "usercode" it belongs to (or use "token" alone)'),
    ),
    ['usercode'],
  ),
);

/** A Tegsoft profile's settings as validated, defaults applied. */
export type TegsoftSettings = v.InferOutput<typeof tegsoftSettingsSchema>;
