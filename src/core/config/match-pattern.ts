/**
 * Chrome extension match patterns (`https://*.example.com/*`, `*://crm.internal/*`), restricted to the
 * schemes Softbar runs on: http and https. https://developer.chrome.com/docs/extensions/develop/concepts/match-patterns
 */

/** A match pattern, compiled. */
export interface MatchPattern {
  /** The pattern as written. */
  readonly source: string;
  /** Schemes it matches (`*` and `<all_urls>` mean both). */
  readonly schemes: readonly ('http' | 'https')[];
  /** Host, lower case and punycode; `undefined` matches every host. */
  readonly host: string | undefined;
  /** `*.example.com`: the host and all its subdomains. */
  readonly subdomains: boolean;
  /** A port number as text, or `*` (also when the pattern names none). */
  readonly port: string;
  /** Matches the URL's path plus query (`/a/b?x=1`); the fragment never counts. */
  readonly path: RegExp;
}

export type ParsedMatchPattern =
  | { readonly ok: true; readonly pattern: MatchPattern }
  | { readonly ok: false; readonly message: string };

/** What every "not a match pattern" message ends with. */
const EXAMPLES = 'use a pattern such as "https://*.example.com/*" or "*://crm.internal/*"';

const ALL_URLS = '<all_urls>';

function fail(message: string): ParsedMatchPattern {
  return { ok: false, message };
}

/** The host in URL form (lower case, punycode), or undefined when it is not a valid host name. */
function normalizeHost(host: string): string | undefined {
  if (host === '' || /[\s/\\?#@*]/.test(host)) return undefined;
  try {
    const url = new URL(`http://${host}/`);
    return url.hostname === '' ? undefined : url.hostname;
  } catch {
    return undefined;
  }
}

function globToRegExp(glob: string): RegExp {
  const body = glob
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}$`, 's');
}

/** Splits `host:port` (and `[v6]:port`). */
function splitPort(hostPort: string): { host: string; port: string | undefined } {
  if (hostPort.startsWith('[')) {
    const end = hostPort.indexOf(']');
    if (end === -1) return { host: hostPort, port: undefined };
    const rest = hostPort.slice(end + 1);
    return { host: hostPort.slice(0, end + 1), port: rest.startsWith(':') ? rest.slice(1) : undefined };
  }
  const colon = hostPort.lastIndexOf(':');
  if (colon === -1) return { host: hostPort, port: undefined };
  return { host: hostPort.slice(0, colon), port: hostPort.slice(colon + 1) };
}

/** Parses a match pattern; on failure the message says what is wrong and how to write it. */
export function parseMatchPattern(source: string): ParsedMatchPattern {
  const shown = JSON.stringify(source);
  if (source !== source.trim()) return fail(`${shown} has spaces at the start or end; remove them`);
  if (source === '') return fail(`the pattern is empty; ${EXAMPLES}`);
  if (source === ALL_URLS) {
    return {
      ok: true,
      pattern: {
        source,
        schemes: ['http', 'https'],
        host: undefined,
        subdomains: false,
        port: '*',
        path: /^/,
      },
    };
  }
  const separator = source.indexOf('://');
  if (separator === -1) {
    const guess = source.includes('/') ? source : `${source}/*`;
    return fail(`${shown} is not a match pattern: it has no scheme; write it as "*://${guess}"`);
  }
  const scheme = source.slice(0, separator);
  if (scheme !== '*' && scheme !== 'http' && scheme !== 'https') {
    return fail(
      `${shown} uses the scheme "${scheme}"; Softbar runs only on web pages: use http, https or * (both)`,
    );
  }
  const rest = source.slice(separator + 3);
  const slash = rest.indexOf('/');
  if (slash === -1) return fail(`${shown} has no path; add one, e.g. ${JSON.stringify(`${source}/*`)}`);
  const hostPort = rest.slice(0, slash);
  const pathGlob = rest.slice(slash);
  if (hostPort === '') return fail(`${shown} has no host; ${EXAMPLES}`);

  const { host: rawHost, port: rawPort } = splitPort(hostPort);
  let port = '*';
  if (rawPort !== undefined) {
    const number = Number(rawPort);
    if (rawPort !== '*' && !(/^\d{1,5}$/.test(rawPort) && number >= 1 && number <= 65535)) {
      return fail(`${shown} has the port "${rawPort}"; use a number from 1 to 65535, or * for any port`);
    }
    port = rawPort === '*' ? '*' : String(number);
  }

  let host: string | undefined;
  let subdomains = false;
  if (rawHost === '*') {
    host = undefined;
  } else {
    const bare = rawHost.startsWith('*.') ? rawHost.slice(2) : rawHost;
    subdomains = bare !== rawHost;
    if (bare.includes('*')) {
      return fail(`${shown}: "*" in a host may only come first, followed by a dot, as in "*.example.com"`);
    }
    host = normalizeHost(bare);
    if (host === undefined)
      return fail(`${shown} has the host "${rawHost}", which is not a host name; ${EXAMPLES}`);
  }

  const schemes: ('http' | 'https')[] = scheme === '*' ? ['http', 'https'] : [scheme];
  return { ok: true, pattern: { source, schemes, host, subdomains, port, path: globToRegExp(pathGlob) } };
}

function effectivePort(url: URL): string {
  if (url.port !== '') return url.port;
  return url.protocol === 'https:' ? '443' : '80';
}

/** Whether a parsed http(s) URL matches the pattern (Chrome semantics). */
export function urlMatches(pattern: MatchPattern, url: URL): boolean {
  const scheme = url.protocol.slice(0, -1);
  if (!pattern.schemes.some((allowed) => allowed === scheme)) return false;
  if (pattern.host !== undefined) {
    const hostname = url.hostname;
    const hostOk = hostname === pattern.host || (pattern.subdomains && hostname.endsWith(`.${pattern.host}`));
    if (!hostOk) return false;
  }
  if (pattern.port !== '*' && pattern.port !== effectivePort(url)) return false;
  return pattern.path.test(url.pathname + url.search);
}
