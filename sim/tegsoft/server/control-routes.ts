import type { IncomingMessage } from 'node:http';
import { BadRequest, optionalNumber, optionalString, readJson, requiredString } from '../../shared/json';
import type { TegsoftControl } from '../control';
import { parseCtiData } from '../model/cti';

type Body = Record<string, unknown>;
type Route = (body: Body, query: URLSearchParams) => Promise<unknown>;

const user = (body: Body) => ({ usercode: optionalString(body, 'usercode') });
const call = (body: Body) => ({ ...user(body), callId: optionalString(body, 'callId') });
const delay = (body: Body): number | null => {
  if (body.ms === null) return null;
  const ms = optionalNumber(body, 'ms');
  if (ms === undefined) throw new BadRequest('ms is required (a number, or null)');
  return ms;
};
const done = { ok: true };
/** Answers `{ ok: true }` once the control call is done. */
const ok = (work: Promise<void>) => work.then(() => done);

/** `/control/<name>` routes: POST with a JSON body, or GET with query parameters. */
function routes(control: TegsoftControl): Record<string, { method: 'GET' | 'POST'; run: Route }> {
  const post = (run: Route) => ({ method: 'POST' as const, run });
  const get = (run: Route) => ({ method: 'GET' as const, run });
  const queryUser = (query: URLSearchParams) => ({ usercode: query.get('usercode') ?? undefined });
  return {
    'inbound-call': post(async (body) => ({
      callId: await control.inboundCall({
        ...user(body),
        number: requiredString(body, 'number'),
        name: optionalString(body, 'name'),
        skill: optionalString(body, 'skill'),
      }),
    })),
    webchat: post(async (body) => ({
      callId: await control.webchat({
        ...user(body),
        name: requiredString(body, 'name'),
        phone: optionalString(body, 'phone'),
        skill: optionalString(body, 'skill'),
      }),
    })),
    'campaign-call': post(async (body) => {
      if (body.connect !== undefined && typeof body.connect !== 'boolean') {
        throw new BadRequest('connect must be true or false');
      }
      return {
        callId: await control.campaignCall({
          ...user(body),
          number: requiredString(body, 'number'),
          campaign: requiredString(body, 'campaign'),
          connect: body.connect as boolean | undefined,
        }),
      };
    }),
    'far-end-answer': post((body) => ok(control.farEndAnswer(call(body)))),
    'answer-delay': post((body) => ok(control.setAnswerDelay(delay(body)))),
    'ring-timeout': post(async (body) => {
      const ms = delay(body);
      if (ms === null) throw new BadRequest('ms must be a number');
      await control.setRingTimeout(ms);
      return done;
    }),
    'far-end-hangup': post((body) => ok(control.farEndHangup(call(body)))),
    'ring-no-answer': post((body) => ok(control.ringNoAnswer(call(body)))),
    'consult-answer': post((body) => ok(control.consultAnswer(user(body)))),
    'cti-data': post((body) => {
      const cti = parseCtiData(body.ctiData);
      if (!cti) throw new BadRequest('ctiData must be an object, e.g. { "variables": { "CONTID": "42" } }');
      return ok(control.attachCtiData(cti, user(body)));
    }),
    drop: post((body) => ok(control.dropWidget({ ...user(body), downMs: optionalNumber(body, 'downMs') }))),
    'parent-events': post(async (body) => {
      if (typeof body.on !== 'boolean') throw new BadRequest('on must be true or false');
      await control.setParentEvents(body.on, user(body));
      return done;
    }),
    integration: post(async (body) => {
      if (body.parameter !== null && typeof body.parameter !== 'string') {
        throw new BadRequest('parameter must be a string or null');
      }
      await control.setIntegrationParameter(body.parameter, user(body));
      return done;
    }),
    actions: get(async (_body, query) => control.actions(queryUser(query))),
    events: get(async (_body, query) => control.events(queryUser(query))),
    agent: get(async (_body, query) => control.agent(queryUser(query))),
    forge: post(async (body) => control.forge({ timeoutMs: optionalNumber(body, 'timeoutMs') })),
    reset: post(() => ok(control.reset())),
  };
}

/** Handles `/control/<name>`: resolves with [HTTP status, JSON body]; control errors reject. */
export type ControlRouter = (
  name: string,
  req: IncomingMessage,
  query: URLSearchParams,
) => Promise<[number, unknown]>;

/** The `/control/` routes over `control`. */
export function controlRouter(control: TegsoftControl): ControlRouter {
  const table = routes(control);
  return async (name, req, query) => {
    const route = Object.hasOwn(table, name) ? table[name] : undefined;
    if (!route) return [404, { error: `no control route ${name}` }];
    if (req.method !== route.method) return [405, { error: `use ${route.method}` }];
    const body = route.method === 'POST' ? await readJson(req) : {};
    return [200, await route.run(body, query)];
  };
}
