/**
 * The sandbox page's Content-Security-Policy, as Chrome applies it to a manifest `sandbox.pages` entry:
 * which scripts it may load (`script-src`), where it may connect (`connect-src`, WebSockets included),
 * and whether its opaque origin may use cookies and storage (the `sandbox` directive's allow-same-origin).
 * By default the policy is the manifest's own `content_security_policy.sandbox`, so the virtual page
 * refuses what the browser would refuse.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Chrome's policy for sandbox pages when the manifest gives none (MV3). */
export const CHROME_DEFAULT_SANDBOX_CSP =
  "sandbox allow-scripts allow-forms allow-popups allow-modals; script-src 'self' 'unsafe-inline' 'unsafe-eval'; child-src 'self';";

const MANIFEST = fileURLToPath(new URL('../../../manifest.json', import.meta.url));

/** The manifest's `content_security_policy.sandbox`, or Chrome's default when it sets none. */
export function manifestSandboxCsp(): string {
  const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as {
    content_security_policy?: { sandbox?: unknown };
  };
  const csp = manifest.content_security_policy?.sandbox;
  return typeof csp === 'string' ? csp : CHROME_DEFAULT_SANDBOX_CSP;
}

/** A fetch directive the virtual page checks. */
export type FetchDirective = 'script-src' | 'connect-src';

/** A parsed policy. */
export interface SandboxPolicy {
  /** The policy text. */
  readonly text: string;
  /** The page runs scripts at all (`sandbox` without allow-scripts runs none). */
  readonly scripts: boolean;
  /** The page's origin is its URL's rather than opaque (no `sandbox`, or allow-same-origin): cookies work. */
  readonly sameOrigin: boolean;
  /** Inline scripts may run (`'unsafe-inline'` in script-src, or no script-src nor default-src). */
  readonly inlineScripts: boolean;
  /**
   * Whether `directive` lets the page fetch `url`. A WebSocket URL is checked as the http(s) URL the
   * connection is made with, as browsers do.
   */
  allows(directive: FetchDirective, url: URL): boolean;
}

const DEFAULT_PORTS: Record<string, string> = { http: '80', https: '443', ws: '80', wss: '443' };

/** CSP3 "scheme-part matches": `a` from the source expression, `b` the URL's. */
function schemeMatches(a: string, b: string): boolean {
  return (
    a === b ||
    (a === 'http' && b === 'https') ||
    (a === 'ws' && ['wss', 'http', 'https'].includes(b)) ||
    (a === 'wss' && b === 'https')
  );
}

const HOST_SOURCE = /^(?:([a-z][a-z0-9+.-]*):\/\/)?(\*|(?:\*\.)?[^/:]+)(?::(\*|\d+))?(\/.*)?$/i;

/** Schemes whose URLs have a tuple origin in browsers though Node's URL gives them "null". */
const EXTENSION_SCHEMES = new Set(['chrome-extension:', 'moz-extension:', 'safari-web-extension:']);

/** Node's own `origin` getter (a page's URL class overrides it with `browserOrigin`). */
const nodeOrigin = Object.getOwnPropertyDescriptor(URL.prototype, 'origin')?.get;

/**
 * `url`'s origin as a browser gives it: Node's URL says "null" for an extension URL (a scheme it does
 * not know), where Chrome and Firefox say `chrome-extension://<id>`.
 */
export function browserOrigin(url: URL): string {
  const origin = nodeOrigin ? String(nodeOrigin.call(url)) : url.origin;
  return origin === 'null' && url.host !== '' && EXTENSION_SCHEMES.has(url.protocol)
    ? `${url.protocol}//${url.host}`
    : origin;
}

function sourceMatches(source: string, url: URL, self: URL): boolean {
  const scheme = url.protocol.slice(0, -1);
  const lower = source.toLowerCase();
  if (lower === "'self'") {
    return (
      browserOrigin(url) === browserOrigin(self) || (self.protocol === 'http:' && url.protocol === 'https:')
    );
  }
  if (lower.startsWith("'")) return false; // 'none', 'unsafe-inline', nonces, hashes: no URL matches them.
  if (lower === '*') return ['http', 'https', 'ws', 'wss'].includes(scheme) || url.protocol === self.protocol;
  if (/^[a-z][a-z0-9+.-]*:$/.test(lower)) return schemeMatches(lower.slice(0, -1), scheme);
  const match = HOST_SOURCE.exec(lower);
  if (!match) return false;
  const [, sourceScheme, host = '', port, path] = match;
  if (sourceScheme !== undefined ? !schemeMatches(sourceScheme, scheme) : !['http', 'https'].includes(scheme))
    return false;
  const hostname = url.hostname.toLowerCase();
  if (host !== '*' && !(host.startsWith('*.') ? hostname.endsWith(host.slice(1)) : hostname === host))
    return false;
  // URL leaves `port` empty when it is the scheme's default.
  const urlPort = url.port || DEFAULT_PORTS[scheme] || '';
  if (port === undefined ? url.port !== '' : port !== '*' && port !== urlPort) return false;
  if (path === undefined || path === '/') return true;
  return path.endsWith('/') ? url.pathname.startsWith(path) : url.pathname === path;
}

/** Parses `text` for a page at `pageUrl` (what `'self'` means). */
export function parseCsp(text: string, pageUrl: string): SandboxPolicy {
  const directives = new Map<string, string[]>();
  for (const part of text.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    // Per CSP, a repeated directive is ignored: the first one counts.
    if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), values);
  }
  const sandbox = directives.get('sandbox');
  const self = new URL(pageUrl);
  const scriptSources = directives.get('script-src') ?? directives.get('default-src');
  return {
    text,
    scripts: sandbox === undefined || sandbox.includes('allow-scripts'),
    sameOrigin: sandbox === undefined || sandbox.includes('allow-same-origin'),
    inlineScripts: scriptSources === undefined || scriptSources.includes("'unsafe-inline'"),
    allows(directive, url) {
      const sources = directives.get(directive) ?? directives.get('default-src');
      if (sources === undefined) return true;
      const checked = new URL(url.href);
      if (checked.protocol === 'ws:') checked.protocol = 'http:';
      else if (checked.protocol === 'wss:') checked.protocol = 'https:';
      return sources.some((source) => sourceMatches(source, checked, self));
    },
  };
}
