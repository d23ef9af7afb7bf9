import type { IncomingMessage } from 'node:http';
import {
  BadRequest,
  type Body,
  optionalNumber,
  optionalString,
  optionalStringRecord,
  optionalStrings,
  readJson,
  requiredBoolean,
  requiredString,
} from '../../shared/json';
import type { XcallyControl } from '../control';
import type { CallTarget } from '../model/call-center';
import { CALL_EVENT_NAMES, type CallEventName, type FieldSet, type HangupReason } from '../protocol';

/** What a route answers: the JSON body, and what to do once it is sent. */
interface RouteAnswer {
  readonly body: unknown;
  readonly afterSent?: () => void;
}
type Route = (body: Body, query: URLSearchParams) => Promise<RouteAnswer>;

const done = { body: { ok: true } };
/** Answers `{ ok: true }` once the control call is done. */
const ok = (work: Promise<void>) => work.then(() => done);
const json = (work: Promise<unknown>) => work.then((body) => ({ body }));

const target = (body: Body): CallTarget => ({
  uniqueid: optionalString(body, 'uniqueid'),
  peer: optionalString(body, 'peer'),
});
const fieldSet = (body: Body): FieldSet | undefined => {
  const value = optionalString(body, 'fieldSet');
  if (value !== undefined && value !== 'full' && value !== 'minimal') {
    throw new BadRequest('fieldSet must be full or minimal');
  }
  return value;
};
const reason = (body: Body): HangupReason | undefined => {
  const by = optionalString(body, 'by');
  if (by !== undefined && by !== 'caller' && by !== 'agent')
    throw new BadRequest('by must be caller or agent');
  return by;
};
const eventName = (query: URLSearchParams): CallEventName | undefined => {
  const name = query.get('name');
  if (name === null) return undefined;
  const known = CALL_EVENT_NAMES.find((candidate) => candidate === name);
  if (!known) throw new BadRequest(`name must be one of ${CALL_EVENT_NAMES.join(', ')}`);
  return known;
};
/** `peer` may be a string, null (wait in the queue) or absent (a free member). */
const queuePeer = (body: Body) => (body.peer === null ? null : optionalString(body, 'peer'));
const callShape = (body: Body) => ({
  fieldSet: fieldSet(body),
  omitFields: optionalStrings(body, 'omitFields'),
  customvariables: optionalStringRecord(body, 'customvariables'),
});

/** `/control/<name>` routes: POST with a JSON body, or GET with query parameters. */
function routes(control: XcallyControl): Record<string, { method: 'GET' | 'POST'; run: Route }> {
  const post = (run: Route) => ({ method: 'POST' as const, run });
  const get = (run: Route) => ({ method: 'GET' as const, run });
  return {
    'queue-call': post(async (body) => ({
      body: {
        uniqueid: await control.queueCall({
          queue: requiredString(body, 'queue'),
          callernum: requiredString(body, 'callernum'),
          callername: optionalString(body, 'callername'),
          peer: queuePeer(body),
          holdSeconds: optionalNumber(body, 'holdSeconds'),
          extension: optionalString(body, 'extension'),
          trunk: optionalString(body, 'trunk'),
          context: optionalString(body, 'context'),
          ...callShape(body),
        }),
      },
    })),
    ring: post((body) => ok(control.ring(requiredString(body, 'uniqueid'), requiredString(body, 'peer')))),
    answer: post((body) => ok(control.answer(target(body)))),
    'ring-no-answer': post((body) => ok(control.ringNoAnswer(target(body)))),
    hangup: post((body) => ok(control.hangup({ ...target(body), by: reason(body) }))),
    abandon: post((body) => ok(control.abandon(target(body)))),
    'outbound-call': post(async (body) => ({
      body: {
        uniqueid: await control.outboundCall({
          peer: optionalString(body, 'peer'),
          number: requiredString(body, 'number'),
          callernum: optionalString(body, 'callernum'),
          agentnum: optionalString(body, 'agentnum'),
          ...callShape(body),
        }),
      },
    })),
    'far-end-answer': post((body) => ok(control.farEndAnswer(target(body)))),
    'answer-delay': post((body) => {
      if (body.ms === null) return ok(control.setAnswerDelay(null));
      const ms = optionalNumber(body, 'ms');
      if (ms === undefined) throw new BadRequest('ms is required (a number, or null)');
      return ok(control.setAnswerDelay(ms));
    }),
    hold: post((body) => ok(control.hold(requiredBoolean(body, 'on'), target(body)))),
    'custom-variables': post((body) => {
      const variables = optionalStringRecord(body, 'variables');
      if (!variables) throw new BadRequest('variables is required');
      const replace = body.replace === undefined ? undefined : requiredBoolean(body, 'replace');
      return ok(control.setCustomVariables(requiredString(body, 'uniqueid'), variables, { replace }));
    }),
    'field-set': post((body) => {
      const value = fieldSet(body);
      if (!value) throw new BadRequest('fieldSet is required');
      return ok(control.setFieldSet(value));
    }),
    'outbound-up-hangup': post((body) => ok(control.setOutboundUpHangup(requiredBoolean(body, 'on')))),
    'agent-cti': post(async (body) => ({
      body: {
        delivered: await control.agentCti({
          url: requiredString(body, 'url'),
          peer: requiredString(body, 'peer'),
          mode: requiredString(body, 'mode'),
        }),
      },
    })),
    'agent-cti-notification': post(async (body) => ({
      body: {
        delivered: await control.agentCtiNotification({
          peer: requiredString(body, 'peer'),
          type: requiredString(body, 'type'),
          title: optionalString(body, 'title') ?? '',
          body: optionalString(body, 'body') ?? '',
        }),
      },
    })),
    sent: get((_body, query) => json(control.sent({ name: eventName(query) }))),
    received: get((_body, query) => json(control.received({ name: query.get('name') ?? undefined }))),
    clients: get(() => json(control.clients())),
    calls: get(() => json(control.calls())),
    'phonebar-requests': get(() => json(control.phonebarRequests())),
    // The answer must leave before the restart cuts the connection that carries it.
    restart: post(async (body) => {
      const downMs = optionalNumber(body, 'downMs');
      return { body: { ok: true }, afterSent: () => void control.restart({ downMs }).catch(() => undefined) };
    }),
    reset: post(() => ok(control.reset())),
  };
}

/** Handles `/control/<name>`: resolves with [HTTP status, JSON body, what to do once sent]. */
export type ControlRouter = (
  name: string,
  req: IncomingMessage,
  query: URLSearchParams,
) => Promise<[number, unknown, (() => void)?]>;

export function controlRouter(control: XcallyControl): ControlRouter {
  const table = routes(control);
  return async (name, req, query) => {
    const route = Object.hasOwn(table, name) ? table[name] : undefined;
    if (!route) return [404, { error: `no control route ${name}` }];
    if (req.method !== route.method) return [405, { error: `use ${route.method}` }];
    const body = route.method === 'POST' ? await readJson(req) : {};
    const answer = await route.run(body, query);
    return [200, answer.body, answer.afterSent];
  };
}
