import { type FromSandbox, PORT_HANDSHAKE, type ToSandbox, UCS_CALLBACKS } from './protocol';

// The sandboxed vendor page (see ./protocol.ts). It trusts exactly one thing: the MessagePort its parent,
// the extension page that hosts it, hands it once with the handshake. Everything else that reaches its
// window is ignored. The vendor script it loads runs with this page's opaque origin and no extension APIs.

/** Our extension's origin: the sandbox's URL keeps it though the page's own origin is opaque. */
const extensionOrigin = new URL(location.href).origin;

type Operator = Record<string, unknown>;
const page = window as unknown as { ucsOperator?: Operator };
let loaded = false;
let tag: string | undefined;
/** This page's end of the channel to its host: set once, by the handshake. */
let port: MessagePort | undefined;

/** Posts to the host over the channel (nothing is sent before the handshake). */
function send(message: FromSandbox): void {
  port?.postMessage(message);
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
  tag = message.tag;
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

/** A message from the host, over the port: checked for its shape, as anything posted must be. */
function receive(raw: unknown): void {
  const data = raw as Partial<ToSandbox> | null;
  if (data?.type === 'load' && typeof data.scriptUrl === 'string') {
    const config = data.config && typeof data.config === 'object' ? data.config : {};
    load({
      type: 'load',
      scriptUrl: data.scriptUrl,
      config,
      ...(typeof data.tag === 'string' ? { tag: data.tag } : {}),
    });
  } else if (data?.type === 'describe' && (typeof data.id === 'number' || typeof data.id === 'string')) {
    send({ type: 'result', id: data.id, ok: true, value: { loaded, ...(tag === undefined ? {} : { tag }) } });
  } else if (
    data?.type === 'call' &&
    typeof data.method === 'string' &&
    (typeof data.id === 'number' || typeof data.id === 'string')
  ) {
    call({ type: 'call', id: data.id, method: data.method, args: data.args });
  }
}

window.addEventListener('message', (event) => {
  // The handshake only, once, and only from the hosting extension page: not from the vendor's own
  // frames, not from this window itself (the vendor script), not from anything else that can reach us.
  if (port || event.source !== window.parent || event.origin !== extensionOrigin) return;
  const data = event.data as { type?: unknown } | null;
  const given = event.ports?.[0];
  if (data?.type !== PORT_HANDSHAKE || !given) return;
  port = given;
  port.onmessage = (message) => receive(message.data);
  send({ type: 'ready' });
});
