/**
 * A Tegsoft server simulator, built from the vendor document (`tegsoft-widget.txt`): the widget page
 * and the test page on a real HTTP server on 127.0.0.1, the agent state behind them, and a control API
 * that plays the far end. See `control.ts` for the controls and the `ASSUMPTION:` comments for every
 * choice the document leaves open.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTegsoftControl, type TegsoftControl } from './control';
import { TegsoftServer } from './model/tegsoft-server';
import { SIM_PATHS, TEST_PAGE_PATH } from './protocol';
import { widgetScript } from './server/bundle';
import { controlRouter } from './server/control-routes';
import { ForgeTracker } from './server/forge-tracker';
import { createHttpHandler } from './server/http';
import { widgetUrl } from './server/pages';
import { WidgetSessions } from './server/sessions';
import { resolveUsers, type SimUserOptions } from './users';

export { SimControlError } from '../shared/control-error';
export type * from './control';
export { PARENT_WINDOW_EVENTS_ALL } from './integration';
export type { WidgetAction, WidgetEvent } from './protocol';
export { ACTION_NAMES, EVENT_NAMES, TEST_PAGE_PATH, WIDGET_FILE_NAME, WIDGET_PATH } from './protocol';
export { DEFAULT_USER, type SimUserOptions } from './users';

/** How to start the simulator. */
export interface TegsoftSimOptions {
  /** Port on 127.0.0.1; default a free one. */
  readonly port?: number;
  /** The accounts; default `DEFAULT_USER` (test.agent / secret, token test-token, EXTEN 1001). */
  readonly users?: readonly SimUserOptions[];
  /** An offered call nobody answers gives OnAgentRingNoAnswer after this long; default 30 000 ms. */
  readonly ringTimeoutMs?: number;
  /** Far ends (outbound, consultation) answer by themselves after this long; default null: only when told. */
  readonly answerDelayMs?: number | null;
  /** A widget whose stream was cut reconnects after this long; default 300 ms. */
  readonly reconnectDelayMs?: number;
}

/** The widget URL's auto-login parameters (document 1.2). */
export interface WidgetParams {
  /** Default "agent". */
  readonly sessiontype?: string;
  /** Token login. */
  readonly token?: string;
  /** Usercode + clearpassword login. */
  readonly usercode?: string;
  /** Goes with `usercode`. */
  readonly clearpassword?: string;
}

/** A running simulator. */
export interface TegsoftSim {
  /** The server's origin, `http://127.0.0.1:PORT`. */
  readonly url: string;
  /** The widget URL; without parameters, the first user's token login. */
  widgetUrl(params?: WidgetParams): string;
  /** The test page (`/Tobe/forms/tegsoftwidgettest.html`, first user's token login). */
  readonly testPageUrl: string;
  /** The far-end controls (also served as HTTP under `/control/`). */
  readonly control: TegsoftControl;
  /** Stops the server; widget pages still open show they are disconnected. */
  close(): Promise<void>;
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function shut(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** Starts the simulator on 127.0.0.1 (a free port unless given); resolves once it listens. */
export async function startTegsoftSim(options: TegsoftSimOptions = {}): Promise<TegsoftSim> {
  const users = resolveUsers(options.users);
  const script = await widgetScript();
  const sessions = new WidgetSessions();
  const forge = new ForgeTracker();
  const server = new TegsoftServer(
    users,
    { ringTimeoutMs: options.ringTimeoutMs ?? 30_000, answerDelayMs: options.answerDelayMs ?? null },
    {
      send: (usercode, line) => sessions.send(usercode, line),
      loggedOut: (usercode) => sessions.end(usercode, { kind: 'loggedOut' }),
    },
  );
  let port = 0;
  const control = createTegsoftControl({
    server,
    sessions,
    forge,
    forgeUrls: () => ({
      sameOrigin: `http://127.0.0.1:${port}${SIM_PATHS.forgePage}?kind=same`,
      // The same server under another name is another origin: what a hostile nested frame would be.
      crossOrigin: `http://localhost:${port}${SIM_PATHS.forgePage}?kind=cross`,
    }),
  });
  const handler = createHttpHandler({
    server,
    sessions,
    forge,
    control: controlRouter(control),
    script,
    reconnectDelayMs: options.reconnectDelayMs ?? 300,
    newSid: randomUUID,
  });
  const servers = [createServer(handler)];
  await listen(servers[0]!, options.port ?? 0, '127.0.0.1');
  port = (servers[0]!.address() as AddressInfo).port;
  // Browsers may try `localhost` on ::1 first; serve it there too when the machine has IPv6.
  const v6 = createServer(handler);
  await listen(v6, port, '::1').then(
    () => servers.push(v6),
    () => undefined,
  );

  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    widgetUrl: (params) =>
      widgetUrl(url, { sessiontype: 'agent', ...(params ?? { token: users[0]!.token }) }),
    testPageUrl: `${url}${TEST_PAGE_PATH}`,
    control,
    async close() {
      forge.flush();
      sessions.clear();
      server.dispose();
      await Promise.all(servers.map(shut));
    },
  };
}
