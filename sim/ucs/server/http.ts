import type { IncomingMessage, ServerResponse } from 'node:http';
import { SimControlError } from '../../shared/control-error';
import { BadRequest, sendJson, sendText } from '../../shared/json';
import type { ControlRouter } from './control-routes';

/** The path the bundle is served at (the document's script URL). */
export const BUNDLE_PATH = '/operator/operator-v4.0.0.js';

/** Plain HTTP: the bundle and the `/control/` routes. */
export function createHttpHandler(
  bundle: () => Promise<string>,
  control: ControlRouter,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === BUNDLE_PATH) {
      bundle().then(
        (code) => sendText(res, 200, 'text/javascript', code),
        (error: unknown) =>
          sendJson(res, 500, { error: error instanceof Error ? error.message : String(error) }),
      );
      return;
    }
    const name = /^\/control\/([\w-]+)$/.exec(url.pathname)?.[1];
    if (name === undefined) return sendJson(res, 404, { error: `no route ${url.pathname}` });
    control(name, req).then(
      ([status, body]) => sendJson(res, status, body),
      (error: unknown) => {
        if (error instanceof BadRequest) return sendJson(res, 400, { error: error.message });
        if (error instanceof SimControlError) return sendJson(res, 409, { error: error.message });
        sendJson(res, 500, { error: error instanceof Error ? error.message : String(error) });
      },
    );
  };
}
