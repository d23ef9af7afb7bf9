import type { IncomingMessage, ServerResponse } from 'node:http';
import { SimControlError } from '../../shared/control-error';
import { BadRequest, optionalString, readJson, sendJson, sendText } from '../../shared/json';
import type { TegsoftServer } from '../model/tegsoft-server';
import {
  type LoginRequest,
  type LoginResponse,
  SIM_PATHS,
  TEST_PAGE_PATH,
  WIDGET_FILE_NAME,
  WIDGET_PATH,
} from '../protocol';
import { asAction } from '../widget/relay';
import type { ControlRouter } from './control-routes';
import type { ForgeTracker } from './forge-tracker';
import { forgePage, testPage, widgetPage } from './pages';
import type { WidgetSessions } from './sessions';

/** What the HTTP handler serves from. */
export interface HttpContext {
  /** The server model. */
  readonly server: TegsoftServer;
  /** The widget sessions. */
  readonly sessions: WidgetSessions;
  /** The forged frames' reports. */
  readonly forge: ForgeTracker;
  /** The `/control/` routes. */
  readonly control: ControlRouter;
  /** The widget page's bundled script. */
  readonly script: string;
  /** How long a widget waits before reconnecting a cut stream. */
  readonly reconnectDelayMs: number;
  /** A fresh widget session id. */
  newSid(): string;
}

type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void>;

/** The simulator's HTTP handler: the documented pages, the widget transport and the control routes. */
export function createHttpHandler(ctx: HttpContext): (req: IncomingMessage, res: ServerResponse) => void {
  const pages: Record<string, Handler> = {
    [WIDGET_PATH]: async (_req, res, url) => {
      // ASSUMPTION: the widget page answers 404 for another fileName (it is the Vue app's form loader).
      if (url.searchParams.get('fileName') !== WIDGET_FILE_NAME)
        return sendText(res, 404, 'text/plain', 'No such form');
      sendText(res, 200, 'text/html', widgetPage());
    },
    [TEST_PAGE_PATH]: async (_req, res, url) =>
      sendText(res, 200, 'text/html', testPage(url.origin, url.searchParams, ctx.server.users[0]!.token)),
    [SIM_PATHS.script]: async (_req, res) => sendText(res, 200, 'text/javascript', ctx.script),
    [SIM_PATHS.login]: login,
    [SIM_PATHS.stream]: stream,
    [SIM_PATHS.action]: action,
    [SIM_PATHS.forgePage]: async (_req, res, url) =>
      sendText(res, 200, 'text/html', forgePage(url.searchParams.get('kind') === 'cross' ? 'cross' : 'same')),
    [SIM_PATHS.forged]: async (_req, res, url) => {
      ctx.forge.reported(url.searchParams.get('kind') === 'cross' ? 'cross' : 'same');
      res.writeHead(204).end();
    },
  };

  async function login(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') return sendJson(res, 405, { error: 'use POST' });
    const body = await readJson(req);
    const request: LoginRequest = {
      sessiontype: optionalString(body, 'sessiontype') ?? 'agent',
      token: optionalString(body, 'token'),
      usercode: optionalString(body, 'usercode'),
      clearpassword: optionalString(body, 'clearpassword'),
    };
    const checked = ctx.server.authenticate(request);
    if (!checked.ok) return sendJson(res, 401, { ok: false, error: checked.error } satisfies LoginResponse);
    const desk = ctx.server.login(checked.user.usercode);
    const session = ctx.sessions.create(ctx.newSid(), desk.usercode);
    sendJson(res, 200, {
      ok: true,
      sid: session.sid,
      usercode: desk.usercode,
      displayName: desk.agent.user.displayName,
      exten: desk.agent.user.exten,
      integration: desk.agent.integration,
      reconnectDelayMs: ctx.reconnectDelayMs,
    } satisfies LoginResponse);
  }

  async function stream(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const session = ctx.sessions.get(url.searchParams.get('sid'));
    if (!session || !ctx.server.desk(session.usercode).agent.loggedIn) {
      return sendJson(res, 401, { error: 'no such session' });
    }
    if (ctx.sessions.isDown(session.usercode))
      return sendJson(res, 503, { error: 'the server is unreachable' });
    req.socket.setNoDelay(true);
    res.writeHead(200, {
      'content-type': 'application/x-ndjson; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    ctx.sessions.attach(session, res);
    ctx.sessions.write(session, { kind: 'hello' });
    const desk = ctx.server.desk(session.usercode);
    ctx.sessions.write(session, { kind: 'integration', parameter: desk.agent.integration });
    for (const event of ctx.server.greeting(session.usercode, !session.greeted)) {
      ctx.sessions.write(session, { kind: 'event', event });
    }
    session.greeted = true;
  }

  async function action(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (req.method !== 'POST') return sendJson(res, 405, { error: 'use POST' });
    const session = ctx.sessions.get(url.searchParams.get('sid'));
    if (!session) return sendJson(res, 401, { error: 'no such session' });
    if (ctx.sessions.isDown(session.usercode))
      return sendJson(res, 503, { error: 'the server is unreachable' });
    const parsed = asAction(await readJson(req));
    if (!parsed) throw new BadRequest('not an action');
    ctx.server.perform(session.usercode, parsed);
    res.writeHead(204).end();
  }

  return (req, res) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
    const control = /^\/control\/([\w-]+)$/.exec(url.pathname);
    const handler: Handler | undefined = control
      ? async () => {
          const [status, body] = await ctx.control(control[1]!, req, url.searchParams);
          sendJson(res, status, body);
        }
      : (pages[url.pathname] ?? (url.pathname === WIDGET_PATH.slice(0, -1) ? pages[WIDGET_PATH] : undefined));
    if (!handler) return sendText(res, 404, 'text/plain', 'Not found');
    handler(req, res, url).catch((error: unknown) => {
      if (res.headersSent) return void res.destroy();
      if (error instanceof BadRequest) return sendJson(res, 400, { error: error.message });
      if (error instanceof SimControlError) return sendJson(res, 409, { error: error.message });
      sendJson(res, 500, { error: error instanceof Error ? error.message : String(error) });
    });
  };
}
