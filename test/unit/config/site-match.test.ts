import { describe, expect, it } from 'vitest';
import { parseMatchPattern } from '../../../src/core/config/match-pattern';
import { siteAllowed } from '../../../src/core/config/site-match';

const sites = (allow: string[], block: string[] = []) => ({ allow, block, exclude: [] });

describe('siteAllowed', () => {
  it('an empty allow list allows every http(s) site', () => {
    expect(siteAllowed('https://crm.example.com/lead/1', sites([]))).toBe(true);
    expect(siteAllowed('http://10.0.0.5:8080/', sites([]))).toBe(true);
  });

  it('refuses non-http URLs whatever the lists say', () => {
    for (const url of [
      'file:///C:/crm.html',
      'chrome://settings',
      'ftp://example.com/',
      'about:blank',
      'data:text/html,x',
    ]) {
      expect(siteAllowed(url, sites([]))).toBe(false);
      expect(siteAllowed(url, sites(['<all_urls>']))).toBe(false);
    }
    expect(siteAllowed('not a url', sites([]))).toBe(false);
  });

  it('wildcard host: *.example.com matches the domain and its subdomains only', () => {
    const list = sites(['https://*.example.com/*']);
    expect(siteAllowed('https://example.com/', list)).toBe(true);
    expect(siteAllowed('https://crm.example.com/x', list)).toBe(true);
    expect(siteAllowed('https://a.b.example.com/x', list)).toBe(true);
    expect(siteAllowed('https://badexample.com/', list)).toBe(false);
    expect(siteAllowed('https://example.com.evil.net/', list)).toBe(false);
    expect(siteAllowed('http://crm.example.com/', list)).toBe(false);
  });

  it('an exact host does not match its subdomains', () => {
    const list = sites(['https://example.com/*']);
    expect(siteAllowed('https://example.com/a', list)).toBe(true);
    expect(siteAllowed('https://www.example.com/a', list)).toBe(false);
  });

  it('scheme wildcard: * is http and https', () => {
    const list = sites(['*://crm.internal/*']);
    expect(siteAllowed('http://crm.internal/a', list)).toBe(true);
    expect(siteAllowed('https://crm.internal/a', list)).toBe(true);
    expect(siteAllowed('https://other.internal/a', list)).toBe(false);
  });

  it('host * matches every host', () => {
    expect(siteAllowed('https://anything.test/', sites(['https://*/*']))).toBe(true);
    expect(siteAllowed('http://anything.test/', sites(['https://*/*']))).toBe(false);
  });

  it('path globs match path and query, not the fragment', () => {
    const list = sites(['https://crm.example.com/sales/*']);
    expect(siteAllowed('https://crm.example.com/sales/', list)).toBe(true);
    expect(siteAllowed('https://crm.example.com/sales/lead?id=3#top', list)).toBe(true);
    expect(siteAllowed('https://crm.example.com/support/', list)).toBe(false);
    const exact = sites(['https://crm.example.com/app']);
    expect(siteAllowed('https://crm.example.com/app', exact)).toBe(true);
    expect(siteAllowed('https://crm.example.com/app#frag', exact)).toBe(true);
    expect(siteAllowed('https://crm.example.com/app/', exact)).toBe(false);
    expect(siteAllowed('https://crm.example.com/app?x=1', exact)).toBe(false);
    const query = sites(['*://*/*?lead=*']);
    expect(siteAllowed('https://x.test/view?lead=4', query)).toBe(true);
    expect(siteAllowed('https://x.test/view', query)).toBe(false);
  });

  it('regex characters in a pattern are literal', () => {
    const list = sites(['https://crm.example.com/a.b/*']);
    expect(siteAllowed('https://crm.example.com/a.b/c', list)).toBe(true);
    expect(siteAllowed('https://crm.example.com/aXb/c', list)).toBe(false);
  });

  it('ports: none in the pattern means any; a given port must match', () => {
    expect(siteAllowed('http://localhost:3000/', sites(['http://localhost/*']))).toBe(true);
    expect(siteAllowed('http://localhost:3000/', sites(['http://localhost:3000/*']))).toBe(true);
    expect(siteAllowed('http://localhost:4000/', sites(['http://localhost:3000/*']))).toBe(false);
    expect(siteAllowed('https://crm.test/', sites(['https://crm.test:443/*']))).toBe(true);
    expect(siteAllowed('http://crm.test:81/', sites(['http://crm.test:*/*']))).toBe(true);
  });

  it('hosts compare without case', () => {
    expect(siteAllowed('https://CRM.Example.com/', sites(['https://crm.EXAMPLE.com/*']))).toBe(true);
  });

  it('block beats allow', () => {
    const list = sites(['https://*.example.com/*'], ['https://admin.example.com/*']);
    expect(siteAllowed('https://crm.example.com/', list)).toBe(true);
    expect(siteAllowed('https://admin.example.com/', list)).toBe(false);
  });

  it('block works with an empty allow list', () => {
    const list = sites([], ['*://*.bank.test/*']);
    expect(siteAllowed('https://www.bank.test/', list)).toBe(false);
    expect(siteAllowed('https://crm.test/', list)).toBe(true);
  });

  it('an allow list that matches nothing allows nothing', () => {
    expect(siteAllowed('https://crm.test/', sites(['https://other.test/*']))).toBe(false);
  });

  it('<all_urls> matches every http(s) page', () => {
    expect(siteAllowed('https://crm.test/', sites(['<all_urls>']))).toBe(true);
    expect(siteAllowed('https://crm.test/', sites([], ['<all_urls>']))).toBe(false);
  });

  it('IPv6 and IP hosts', () => {
    expect(siteAllowed('http://[::1]:8080/x', sites(['http://[::1]/*']))).toBe(true);
    expect(siteAllowed('http://192.168.1.10/x', sites(['*://192.168.1.10/*']))).toBe(true);
  });
});

describe('parseMatchPattern', () => {
  it.each([
    ['https://*.example.com/*'],
    ['*://crm.internal/*'],
    ['http://localhost:8080/*'],
    ['<all_urls>'],
    ['https://*/*'],
  ])('accepts %s', (source) => {
    expect(parseMatchPattern(source).ok).toBe(true);
  });

  it.each([
    ['', /empty/],
    ['crm.example.com', /no scheme; write it as "\*:\/\/crm\.example\.com\/\*"/],
    ['https://crm.example.com', /no path; add one, e.g. "https:\/\/crm\.example\.com\/\*"/],
    ['file:///home/*', /use http, https or \*/],
    ['https:///x', /no host/],
    ['https://cr*m.example.com/*', /may only come first/],
    ['https://*example.com/*', /may only come first/],
    ['https://crm.example.com:99999/*', /use a number from 1 to 65535/],
    [' https://x.test/*', /spaces/],
    ['https://exa mple.com/*', /not a host name/],
  ])('refuses %j with a message', (source, message) => {
    const parsed = parseMatchPattern(source);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(message);
  });
});
