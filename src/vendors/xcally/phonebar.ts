import { isObject, payloadObject, text } from './payload';

/** The Phonebar's call status ids (`GET /api/calls`), as its API documentation lists them. */
export const PHONEBAR_STATUS = {
  NULL: 0,
  IDLE: 1,
  CONNECTING: 2,
  ALERTING: 4,
  ACTIVE: 8,
  RELEASED: 16,
  INCOMING: 32,
  HOLDING: 64,
  TERMINATED: 128,
} as const;

type StatusName = keyof typeof PHONEBAR_STATUS;

/** A Phonebar status in the bar's words; `released` and `terminated` are both over. */
export type PhonebarState = 'idle' | 'dialing' | 'ringing' | 'connected' | 'held' | 'released' | 'terminated';

const STATE_OF: Record<StatusName, PhonebarState> = {
  NULL: 'idle',
  IDLE: 'idle',
  CONNECTING: 'dialing',
  ALERTING: 'dialing',
  ACTIVE: 'connected',
  RELEASED: 'released',
  INCOMING: 'ringing',
  HOLDING: 'held',
  TERMINATED: 'terminated',
};

// The ids are powers of two, so a Phonebar may send several at once: the most final one wins.
const PRECEDENCE: readonly StatusName[] = [
  'TERMINATED',
  'RELEASED',
  'HOLDING',
  'ACTIVE',
  'INCOMING',
  'ALERTING',
  'CONNECTING',
  'IDLE',
];

/** The state a status id (or its name) stands for; undefined when it is neither. */
export function phonebarState(status: unknown): PhonebarState | undefined {
  if (typeof status === 'string') {
    const name = status.trim().toUpperCase();
    if (name in PHONEBAR_STATUS) return STATE_OF[name as StatusName];
    if (!/^\d{1,3}$/.test(name)) return undefined;
  }
  const id = typeof status === 'string' ? Number(status) : status;
  if (typeof id !== 'number' || !Number.isInteger(id) || id < 0 || id > 255) return undefined;
  if (id === 0) return 'idle';
  const name = PRECEDENCE.find((candidate) => (id & PHONEBAR_STATUS[candidate]) !== 0);
  return name ? STATE_OF[name] : undefined;
}

/** Whether the Phonebar says the call is over. */
export const isOver = (state: PhonebarState) => state === 'released' || state === 'terminated';

/** One call of `GET /api/calls`. */
export interface PhonebarCall {
  /** The session id `/api/answer/{sessionId}` and `/api/hangup/{sessionId}` take. */
  readonly sessionId: string;
  /** Where it stands. */
  readonly state: PhonebarState;
  /** The other party's number, when the Phonebar gives one. */
  readonly number?: string;
  /** `inbound` or `outbound`, when the Phonebar says. */
  readonly direction?: 'inbound' | 'outbound';
  /** The call as the Phonebar sent it. */
  readonly raw: Readonly<Record<string, unknown>>;
}

// The API page documents the endpoints and status ids but not the JSON of a call: these are the names
// a session id, a status and a number go by in Motion's Phonebar and the obvious alternatives.
const ID_FIELDS = ['sessionId', 'session_id', 'sessionID', 'id', 'session', 'callId'];
const STATUS_FIELDS = ['status', 'statusId', 'state', 'callStatus'];
const NUMBER_FIELDS = [
  'number',
  'remoteNumber',
  'phoneNumber',
  'phone',
  'callernum',
  'callerNumber',
  'remote',
];

const first = (data: Readonly<Record<string, unknown>>, fields: readonly string[]) => {
  for (const field of fields) {
    const value = text(data[field]);
    if (value !== undefined) return value;
  }
  return undefined;
};

/** The number in `sip:123@host`, or the text as it is. */
const userPart = (value: string) => /^sips?:([^@;]+)/i.exec(value)?.[1] ?? value;

/** The call list in a `/api/calls` answer (a list, or one under `calls`/`data`/`items`), or undefined. */
export function readPhonebarCalls(
  body: unknown,
): { readonly calls: PhonebarCall[]; readonly unreadable: number } | undefined {
  const object = payloadObject(body);
  const list = Array.isArray(body)
    ? body
    : [object?.calls, object?.data, object?.items, object?.rows].find(Array.isArray);
  if (!Array.isArray(list)) return undefined;
  const calls: PhonebarCall[] = [];
  let unreadable = 0;
  for (const item of list) {
    const call = isObject(item) ? readCall(item) : undefined;
    if (call) calls.push(call);
    else unreadable += 1;
  }
  return { calls, unreadable };
}

function readCall(item: Record<string, unknown>): PhonebarCall | undefined {
  const sessionId = first(item, ID_FIELDS);
  const status = STATUS_FIELDS.map((field) => item[field]).find((value) => value !== undefined);
  const state = phonebarState(status);
  if (sessionId === undefined || state === undefined) return undefined;
  const number = first(item, NUMBER_FIELDS);
  const direction = text(item.direction)?.toLowerCase();
  return {
    sessionId,
    state,
    number: number === undefined ? undefined : userPart(number),
    direction: direction === 'inbound' || direction === 'outbound' ? direction : undefined,
    raw: item,
  };
}

/** The Phonebar endpoints Softbar uses. */
export type PhonebarAction = 'calls' | 'answer' | 'originate' | 'hangup';

/**
 * The URL of an endpoint: `{base}/api/{action}[/{argument}]`, the argument percent-encoded so a number
 * with `#` or a session id with `/` stays one path segment.
 */
export function phonebarEndpoint(base: string, action: PhonebarAction, argument?: string): string {
  const root = base.replace(/\/+$/, '');
  return argument === undefined
    ? `${root}/api/${action}`
    : `${root}/api/${action}/${encodeURIComponent(argument)}`;
}

/** The fetch the client uses (the worker's, or a fake in tests). */
export type Fetch = (url: string, init?: RequestInit) => Promise<Response>;

/** How long a Phonebar request may take; it runs on the agent's own computer. */
export const PHONEBAR_TIMEOUT_MS = 5_000;

/** The Phonebar's HTTP API on the agent's computer. Every failure rejects with a message for the agent. */
export class PhonebarClient {
  constructor(
    /** The Phonebar's origin, e.g. `http://127.0.0.1:9888`. */
    readonly base: string,
    private readonly fetch: Fetch,
    private readonly timeoutMs = PHONEBAR_TIMEOUT_MS,
  ) {}

  /** The active calls (`GET /api/calls`). */
  async calls(): Promise<PhonebarCall[]> {
    const body = await this.request('list its calls', phonebarEndpoint(this.base, 'calls'));
    const read = readPhonebarCalls(body);
    if (!read)
      throw new Error(
        `The xCALLY Phonebar at ${this.base} answered /api/calls with something that is not a call list.`,
      );
    return read.calls;
  }

  /** Places a call (`GET /api/originate/{number}`); resolves with the session id when the answer has one. */
  async originate(number: string): Promise<{ readonly sessionId?: string }> {
    const body = await this.request(`dial ${number}`, phonebarEndpoint(this.base, 'originate', number));
    const object = payloadObject(body);
    return { sessionId: object ? first(object, ID_FIELDS) : undefined };
  }

  /** Answers a ringing call (`GET /api/answer/{sessionId}`), or the ringing one (`/api/answer`). */
  async answer(sessionId?: string): Promise<void> {
    await this.request('answer the call', phonebarEndpoint(this.base, 'answer', sessionId));
  }

  /** Hangs up a call (`GET /api/hangup/{sessionId}`); without an id the Phonebar hangs up every call. */
  async hangup(sessionId?: string): Promise<void> {
    await this.request('hang up the call', phonebarEndpoint(this.base, 'hangup', sessionId));
  }

  /** GETs `url`; resolves with its JSON (or text), rejects with a message that says what to check. */
  private async request(what: string, url: string): Promise<unknown> {
    let response: Response;
    try {
      response = await this.fetch(url, {
        method: 'GET',
        headers: { accept: 'application/json' },
        cache: 'no-store',
        credentials: 'omit',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      const timedOut = error instanceof Error && error.name === 'TimeoutError';
      throw new Error(
        timedOut
          ? `The xCALLY Phonebar at ${this.base} did not answer within ${Math.round(this.timeoutMs / 1000)} s; is it running?`
          : `The xCALLY Phonebar at ${this.base} did not answer; is it running?`,
        { cause: error },
      );
    }
    const body = await response.text().catch(() => '');
    if (!response.ok) {
      const detail = body.trim().replace(/\s+/g, ' ').slice(0, 120);
      throw new Error(
        `The xCALLY Phonebar at ${this.base} refused to ${what}: HTTP ${response.status}${detail ? ` (${detail})` : ''}.`,
      );
    }
    try {
      return body.trim() === '' ? undefined : (JSON.parse(body) as unknown);
    } catch {
      return body;
    }
  }
}
