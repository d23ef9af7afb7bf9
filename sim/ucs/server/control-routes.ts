import type { IncomingMessage } from 'node:http';
import {
  BadRequest,
  type Body,
  optionalNumber,
  optionalString,
  readJson,
  requiredString,
} from '../../shared/json';
import type { CallTarget, UcsControl } from '../control';

/** Handles `/control/<name>`: resolves with [HTTP status, JSON body]. */
export type ControlRouter = (name: string, req: IncomingMessage) => Promise<[number, unknown]>;

/** One route: `body` is the POST body ({} for GET), `query` the URL's query string. */
type Route = (body: Body, query: URLSearchParams) => Promise<unknown>;

const ok = (work: Promise<void>) => work.then(() => ({ ok: true }));
const target = (body: Body): CallTarget => ({
  username: optionalString(body, 'username'),
  uniqueid: optionalString(body, 'uniqueid'),
});

function routes(control: UcsControl): Record<string, { method: 'GET' | 'POST'; run: Route }> {
  const post = (run: Route) => ({ method: 'POST' as const, run });
  const get = (run: Route) => ({ method: 'GET' as const, run });
  return {
    'incoming-call': post(async (body) => {
      const data = body.data;
      if (data !== undefined && (typeof data !== 'object' || data === null || Array.isArray(data))) {
        throw new BadRequest('data must be an object');
      }
      return {
        uniqueid: await control.incomingCall({
          number: requiredString(body, 'number'),
          name: optionalString(body, 'name'),
          username: optionalString(body, 'username'),
          queueId: optionalNumber(body, 'queueId'),
          data: data as Record<string, unknown> | undefined,
        }),
      };
    }),
    'caller-hangup': post((body) => ok(control.callerHangup(target(body)))),
    'far-end-answer': post((body) => ok(control.farEndAnswer(target(body)))),
    'consult-answer': post((body) => ok(control.consultAnswer(target(body)))),
    'consult-hangup': post((body) => ok(control.consultHangup(target(body)))),
    'waiting-callers': post((body) => {
      const count = optionalNumber(body, 'count');
      if (count === undefined) throw new BadRequest('count is required');
      return ok(control.setWaitingCallers(count));
    }),
    'server-down': post(() => ok(control.serverDown())),
    'server-up': post(() => ok(control.serverUp())),
    'sso-token': post(async (body) => ({
      token: await control.ssoToken(requiredString(body, 'username'), optionalNumber(body, 'timestamp')),
    })),
    sessions: get(() => control.sessions()),
    calls: get(() => control.calls()),
    history: get((_body, query) => {
      const username = query.get('username');
      if (!username) throw new BadRequest('username is required (history?username=…)');
      return control.history(username);
    }),
  };
}

/** The router over `control`: POST routes take a JSON body, GET routes a query string at most. */
export function controlRouter(control: UcsControl): ControlRouter {
  const table = routes(control);
  return async (name, req) => {
    const route = Object.hasOwn(table, name) ? table[name] : undefined;
    if (!route) return [404, { error: `no control route ${name}` }];
    if (req.method !== route.method) return [405, { error: `use ${route.method}` }];
    const body = route.method === 'POST' ? await readJson(req) : {};
    const query = new URL(req.url ?? '/', 'http://127.0.0.1').searchParams;
    return [200, await route.run(body, query)];
  };
}
