/**
 * The simulated agent bar bundle, served as `/operator/operator-v4.0.0.js`. It reads
 * `window.ucsOperator`, adds the documented control methods to it before onConnect, and calls the
 * documented callbacks with what the simulator's WebSocket pushes.
 */
import { allowedIn, METHOD_STATES, type MethodName, UCS_VERSION, wrongStateMessage } from '../protocol';
import { type UcsOperatorConfig, webSocketUrl } from './config';
import { Link } from './link';
import { remember, remembered } from './remember';
import { render } from './view';

const host = window as unknown as { ucsOperator?: UcsOperatorConfig };
const config: UcsOperatorConfig = host.ucsOperator ?? {};
host.ucsOperator = config;

/** Calls a CRM callback if it is set; a callback that throws must not stop the bar. */
function callback(name: string, args: readonly unknown[]): void {
  const fn = config[name];
  if (typeof fn !== 'function') return;
  try {
    fn.apply(config, args);
  } catch (error) {
    console.error(`ucsOperator.${name} threw`, error);
  }
}

const renderTo = config.renderTo ?? 'app';
const show = (phase: Parameters<typeof render>[1], detail = '') => {
  if (!config.headless) render(renderTo, phase, detail);
};

let provider: string | null = null;
let pendingRemember: { username: string; password: string } | null = null;

const link = new Link(webSocketUrl(config, window.location), {
  open() {
    link.request('hello', [
      {
        listDevices: config.listDevices === true,
        confirmDevice: config.confirmDevice === true,
        withoutDevice: config.withoutDevice === true,
      },
    ]);
  },
  push(push) {
    callback('onDebug', [`${push.callback} (${push.phase})`]);
    if (push.callback === 'onUser' && pendingRemember) remember(pendingRemember);
    if (push.callback === 'onLoginError') pendingRemember = null;
    show(push.phase);
    callback(push.callback, push.args);
    if (push.callback === 'onCredentials') autologin();
  },
  refused(method, error, code) {
    // Bad credentials already went to onLoginError.
    if (code === 401 && (method === 'login' || method === 'sso')) return;
    callback('onWarning', [`${method}: ${error}`]);
  },
  lost(wasOpen) {
    show('OFFLINE', 'no connection');
    // ASSUMPTION: a lost or failed connection is an error (the document's own onError example).
    callback('onError', [
      wasOpen ? 'Connection to the UCS server was lost' : 'Cannot connect to the UCS server',
    ]);
  },
});

/** The document's autologin: a remembered login is performed (true) or only fills the form (false). */
function autologin(): void {
  const saved = remembered();
  if (saved && config.autologin) link.request('login', [saved.username, saved.password]);
}

function call(method: MethodName, args: unknown[]): unknown {
  if (!link.connected) {
    callback('onError', [`${method}: not connected to the UCS server`]);
    return undefined;
  }
  // ASSUMPTION: a method called in the wrong state is refused locally and reported via onWarning
  // (the document's "request processing error"); it returns undefined and sends nothing.
  if (!allowedIn(method, link.phase)) {
    callback('onWarning', [wrongStateMessage(method, link.phase)]);
    return undefined;
  }
  if (method === 'state') return link.state;
  if (method === 'login' && args[2] === true) {
    pendingRemember = { username: String(args[0]), password: String(args[1]) };
  }
  if (method === 'sso') provider = typeof args[2] === 'string' ? args[2] : null;
  link.request(method, args);
  // ASSUMPTION: the document gives no return values; methods other than state() return undefined.
  return undefined;
}

for (const method of Object.keys(METHOD_STATES) as MethodName[]) {
  config[method] = (...args: unknown[]) => call(method, args);
}
config.version = UCS_VERSION;

// The document: an sso login with a provider is logged out when the tab closes, unless disabled.
window.addEventListener('pagehide', () => {
  if (provider !== null && !config.disableIntegratedAutoLogout && link.phase !== 'CREDENTIALS') {
    link.request('logout', []);
  }
});

function start(): void {
  show('CONNECTING');
  link.start();
}

if (config.legacyStartup || document.readyState === 'complete') start();
else window.addEventListener('load', start, { once: true });
