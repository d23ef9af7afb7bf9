import { type FromSandbox, type ToSandbox, UCS_CALLBACKS } from './protocol';

// The sandboxed vendor page (see ./protocol.ts). It trusts exactly one window: its parent, the extension
// page that hosts it. The vendor script it loads runs with this page's opaque origin and no extension APIs.

/** Our extension's origin: the sandbox's URL keeps it though the page's own origin is opaque. */
const extensionOrigin = new URL(location.href).origin;

type Operator = Record<string, unknown>;
const page = window as unknown as { ucsOperator?: Operator };
let loaded = false;

/** Posts to the parent; only a page of our extension receives it (the target origin is checked). */
function send(message: FromSandbox): void {
  window.parent.postMessage(message, extensionOrigin);
}

/** `value` in a form postMessage can carry: structured-cloneable values as they are, else a JSON copy. */
export function cloneable(value: unknown): unknown {
  try {
    structuredClone(value);
    return value;
  } catch {
    try {
      const text = JSON.stringify(value);
      return text === undefined ? undefined : JSON.parse(text);
    } catch {
      return String(value);
    }
  }
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

function load(message: Extract<ToSandbox, { type: 'load' }>): void {
  if (loaded) {
    send({ type: 'loadError', message: 'The vendor script is already loaded in this page.' });
    return;
  }
  let url: URL;
  try {
    url = new URL(message.scriptUrl);
  } catch {
    send({ type: 'loadError', message: `"${message.scriptUrl}" is not a script address.` });
    return;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    send({ type: 'loadError', message: 'The vendor script must come from an http(s) address.' });
    return;
  }
  loaded = true;
  const operator: Operator = { ...message.config };
  for (const name of UCS_CALLBACKS) {
    operator[name] = (...args: unknown[]) => send({ type: 'callback', name, args: args.map(cloneable) });
  }
  page.ucsOperator = operator;
  const script = document.createElement('script');
  script.src = url.href;
  script.addEventListener('error', () =>
    send({ type: 'loadError', message: `The vendor script ${url.href} did not load.` }),
  );
  document.head.append(script);
}

function call(message: Extract<ToSandbox, { type: 'call' }>): void {
  const method = page.ucsOperator?.[message.method];
  if (typeof method !== 'function' || (UCS_CALLBACKS as readonly string[]).includes(message.method)) {
    send({ type: 'result', id: message.id, ok: false, error: `${message.method} is not available now.` });
    return;
  }
  try {
    const value: unknown = method.apply(page.ucsOperator, Array.isArray(message.args) ? message.args : []);
    send({ type: 'result', id: message.id, ok: true, value: cloneable(value) });
  } catch (error) {
    send({ type: 'result', id: message.id, ok: false, error: errorText(error) });
  }
}

window.addEventListener('message', (event) => {
  // Only the hosting extension page: not the vendor's own frames, not anything else that can reach us.
  if (event.source !== window.parent || event.origin !== extensionOrigin) return;
  const data = event.data as Partial<ToSandbox> | null;
  if (data?.type === 'load' && typeof data.scriptUrl === 'string') {
    const config = data.config && typeof data.config === 'object' ? data.config : {};
    load({ type: 'load', scriptUrl: data.scriptUrl, config });
  } else if (
    data?.type === 'call' &&
    typeof data.method === 'string' &&
    (typeof data.id === 'number' || typeof data.id === 'string')
  ) {
    call({ type: 'call', id: data.id, method: data.method, args: data.args });
  }
});
send({ type: 'ready' });
