import type { IncomingMessage, ServerResponse } from 'node:http';
import { SimControlError } from '../../shared/control-error';
import { BadRequest, sendJson } from '../../shared/json';
import type { ControlRouter } from './control-routes';

/** The realtime port's HTTP handler for what socket.io does not take: the `/control/` routes. */
export function createHttpHandler(
  control: ControlRouter,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const name = /^\/control\/([\w-]+)$/.exec(url.pathname)?.[1];
    if (name === undefined) return sendJson(res, 404, { error: `no route ${url.pathname}` });
    control(name, req, url.searchParams).then(
      ([status, body, afterSent]) => {
        if (afterSent) res.once('finish', afterSent);
        sendJson(res, status, body);
      },
      (error: unknown) => {
        if (res.headersSent) return void res.destroy();
        if (error instanceof BadRequest) return sendJson(res, 400, { error: error.message });
        if (error instanceof SimControlError) return sendJson(res, 409, { error: error.message });
        sendJson(res, 500, { error: error instanceof Error ? error.message : String(error) });
      },
    );
  };
}
