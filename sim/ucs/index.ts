/**
 * A UCS (Insoft Unified Communication Server) simulator, built from the vendor document
 * (`ucs-operator-agent-bar.txt`): the agent bar bundle `/operator/operator-v4.0.0.js`, which honours
 * the documented `window.ucsOperator` contract, and the WebSocket it keeps its state over
 * (protocol.ts: the simulator's own wire).
 *
 * The server side (model/) plays the documented methods per agent: status changes with AUX reasons
 * and after-call work (a queue's `acwSeconds`), queue suspend/resume, up to two calls per phone
 * (call waiting: answering the second holds the first), hold (`tribute` = `hold`), unhold, mute,
 * dial, hangup, consultation transfer (`transfer` then `finishTransfer`), `blindTransfer`, and
 * account codes on current or recently ended calls (`setAccountCode`). See `control.ts` for the
 * controls (also HTTP under `/control/`) and the `ASSUMPTION:` comments for every choice the
 * document leaves open.
 */
import { createUcsControl, type UcsControl } from './control';
import { UcsCenter } from './model/center';
import {
  DEFAULT_DEVICES,
  DEFAULT_QUEUES,
  DEFAULT_USERS,
  type UcsDeviceSpec,
  type UcsQueueSpec,
  type UcsUserSpec,
} from './model/directory';
import { operatorBundle } from './server/bundle';
import { controlRouter } from './server/control-routes';
import { BUNDLE_PATH, createHttpHandler } from './server/http';
import { UcsServer } from './server/ucs-server';

export { SimControlError } from '../shared/control-error';
export type * from './control';
export type { CallLeg } from './model/agent';
export { CALL_STATE, HANGUP_CAUSE, type UcsCall } from './model/call';
export {
  DEFAULT_DEVICES,
  DEFAULT_QUEUES,
  DEFAULT_USERS,
  type UcsDeviceSpec,
  type UcsQueueSpec,
  type UcsUserSpec,
} from './model/directory';
export type { StartupOptions } from './model/session';
export type * from './protocol';
export { METHOD_STATES, UCS_VERSION } from './protocol';
export { SSO_MAX_AGE_SECONDS, ssoToken, verifySsoToken } from './sso';

/** ASSUMPTION: the default SSO preshared secret (the document gives none). */
export const DEFAULT_SSO_SECRET = 'ucs-sim-preshared-secret';

/** ASSUMPTION: the WebSocket path (the document names a "Websocket proxy" but not its path). */
export const DEFAULT_WS_PATH = '/ws';

/** How to start the simulator. */
export interface UcsSimOptions {
  /** The port on 127.0.0.1; default a free one. */
  readonly port?: number;
  /** The WebSocket path; default DEFAULT_WS_PATH. */
  readonly wsPath?: string;
  /** The SSO preshared secret; default DEFAULT_SSO_SECRET. */
  readonly ssoSecret?: string;
  /** Users; default DEFAULT_USERS. */
  readonly users?: readonly UcsUserSpec[];
  /** Phones; default DEFAULT_DEVICES. */
  readonly devices?: readonly UcsDeviceSpec[];
  /** Queues; default DEFAULT_QUEUES. */
  readonly queues?: readonly UcsQueueSpec[];
  /** The clock in ms; default Date.now (tests fix it to check SSO staleness). */
  readonly now?: () => number;
}

/** A running simulator. */
export interface UcsSim {
  /** The origin, `http://127.0.0.1:PORT`. */
  readonly url: string;
  /** The bundle's URL, `${url}/operator/operator-v4.0.0.js`. */
  readonly bundleUrl: string;
  /** The WebSocket URL, `ws://127.0.0.1:PORT${wsPath}`. */
  readonly wsUrl: string;
  /** What to put in `window.ucsOperator.api` to reach this simulator. */
  readonly api: { readonly hostname: string; readonly port: string; readonly ws: { readonly path: string } };
  /** The controls (also served as HTTP under `${url}/control/`). */
  readonly control: UcsControl;
  /** Stops the server; clients see the connection drop. */
  close(): Promise<void>;
}

/** Starts the simulator on 127.0.0.1. */
export async function startUcsSim(options: UcsSimOptions = {}): Promise<UcsSim> {
  const wsPath = options.wsPath ?? DEFAULT_WS_PATH;
  const center = new UcsCenter(
    {
      users: options.users ?? DEFAULT_USERS,
      devices: options.devices ?? DEFAULT_DEVICES,
      queues: options.queues ?? DEFAULT_QUEUES,
      ssoSecret: options.ssoSecret ?? DEFAULT_SSO_SECRET,
    },
    options.now,
  );
  const server: UcsServer = new UcsServer(center, wsPath, (req, res) => handle(req, res));
  const control = createUcsControl(center, server);
  const handle = createHttpHandler(operatorBundle, controlRouter(control));
  // Built before listening so that a broken bundle fails the start, not the first page load.
  await operatorBundle();
  const port = await server.listen(options.port ?? 0);
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    bundleUrl: `${url}${BUNDLE_PATH}`,
    wsUrl: `ws://127.0.0.1:${port}${wsPath}`,
    api: { hostname: '127.0.0.1', port: String(port), ws: { path: wsPath } },
    control,
    close: () => {
      center.close();
      return server.close();
    },
  };
}
