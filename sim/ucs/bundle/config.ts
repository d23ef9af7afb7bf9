/** A `window.ucsOperator.api` endpoint (document: api and its sub-objects). */
export interface Endpoint {
  /** Host name. */
  hostname?: string;
  /** Port. */
  port?: string | number;
  /** Path. */
  path?: string;
  /** Use TLS. */
  secure?: boolean;
}

/**
 * The documented `window.ucsOperator` object as the CRM sets it; the bundle adds methods to it.
 * ASSUMPTION: the parameters not listed here are read but change nothing in the simulator: the GUI's
 * look (`lang`, `showDialControl`, `confirmUnload`, `topMenuNameContent`, `showBottomMenu`,
 * `debounceRequests`, `crmAutoOpen`), the identifier sources the simulator has no source for
 * (`identifyURL`, `identifyIP`, `identifyCookie`), `autologout` (each session is its own),
 * `notifyWaitingCallers` (no GUI alert; onWaitingCallersChange fires regardless) and
 * `audioInputConstraints` (no softphone audio).
 */
export interface UcsOperatorConfig extends Record<string, unknown> {
  /** The UCS endpoints. */
  api?: Endpoint & { ws?: Endpoint };
  /** The element ID to render into (default "app"). */
  renderTo?: string;
  /** No GUI at all. */
  headless?: boolean;
  /** Log in from the remembered cookie, not just fill the form. */
  autologin?: boolean;
  /** Send the phone list with onIdentify. */
  listDevices?: boolean;
  /** Wait for provision() after pairing. */
  confirmDevice?: boolean;
  /** Do not pair a phone after login. */
  withoutDevice?: boolean;
  /** Start at once instead of on the window's load event. */
  legacyStartup?: boolean;
  /** Do not log out an integrated (sso with provider) agent when the page closes. */
  disableIntegratedAutoLogout?: boolean;
}

/** ASSUMPTION: the WebSocket path when api.ws.path is not set (the simulator's default). */
export const DEFAULT_WS_PATH = '/ws';

/**
 * The WebSocket URL from api.ws, falling back to api, then to the current URL (the document: "If
 * not set, it will be obtained from the current URL").
 */
export function webSocketUrl(config: UcsOperatorConfig, location: Location): string {
  const api = config.api ?? {};
  const ws = api.ws ?? {};
  const secure = ws.secure ?? api.secure ?? location.protocol === 'https:';
  const hostname = ws.hostname ?? api.hostname ?? location.hostname;
  const port = ws.port ?? api.port ?? location.port;
  // The document: `api` is the WebSocket proxy's address; `ws` overrides it.
  const path = ws.path ?? api.path ?? DEFAULT_WS_PATH;
  const portPart = port === undefined || port === '' ? '' : `:${port}`;
  return `${secure ? 'wss' : 'ws'}://${hostname}${portPart}${path.startsWith('/') ? path : `/${path}`}`;
}
