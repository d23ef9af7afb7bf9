import { describe, expect, it } from 'vitest';
import { configWith, issueAt, issuesWith } from './helpers';

const HOOK = 'https://logs.example.com/softbar/calls';

const webhookIssues = (webhook: Record<string, unknown>) => issuesWith({ callLog: { webhook } });
const webhookOf = (webhook: Record<string, unknown>) => configWith({ callLog: { webhook } }).callLog.webhook;

describe('callLog: defaults', () => {
  it('absent or empty: ask after each call, no dispositions, no webhook', () => {
    expect(configWith({}).callLog).toEqual({ prompt: true, dispositions: [] });
    expect(configWith({ callLog: {} }).callLog).toEqual({ prompt: true, dispositions: [] });
    expect(configWith({ callLog: { prompt: false } }).callLog).toEqual({ prompt: false, dispositions: [] });
  });

  it('a webhook gets no extra headers and retries from 2 s up to 5 min', () => {
    expect(webhookOf({ url: HOOK })).toEqual({
      url: HOOK,
      headers: {},
      retryBaseMs: 2000,
      retryMaxMs: 300_000,
    });
  });

  it('retryMaxMs defaults to retryBaseMs when that is longer than 5 min', () => {
    expect(webhookOf({ url: HOOK, retryBaseMs: 600_000 })?.retryMaxMs).toBe(600_000);
    expect(webhookOf({ url: HOOK, retryBaseMs: 100, retryMaxMs: 100 })).toMatchObject({
      retryBaseMs: 100,
      retryMaxMs: 100,
    });
  });
});

describe('callLog: prompt and dispositions', () => {
  it('prompt is true or false', () => {
    const issue = issueAt(issuesWith({ callLog: { prompt: 'no' } }), 'callLog.prompt');
    expect(issue.message).toBe(
      'expected true or false, got the text "no"; write true or false, without quotes',
    );
  });

  it('dispositions are trimmed', () => {
    const config = configWith({ callLog: { dispositions: [' Sale ', 'No answer'] } });
    expect(config.callLog.dispositions).toEqual(['Sale', 'No answer']);
  });

  it('a blank disposition is refused', () => {
    const issue = issueAt(
      issuesWith({ callLog: { dispositions: ['Sale', '  '] } }),
      'callLog.dispositions[1]',
    );
    expect(issue.message).toBe('is empty; write a disposition such as "Callback requested", or remove it');
  });

  it('a disposition listed twice (after trimming) is refused at the second', () => {
    const issues = issuesWith({ callLog: { dispositions: ['Sale', 'Callback', 'Sale '] } });
    expect(issueAt(issues, 'callLog.dispositions[2]').message).toBe(
      '"Sale" is already callLog.dispositions[0]; list each disposition once',
    );
    expect(issues).toHaveLength(1);
  });

  it('dispositions are text in a list', () => {
    expect(
      issueAt(issuesWith({ callLog: { dispositions: [3] } }), 'callLog.dispositions[0]').message,
    ).toMatch(/^expected text, got the number 3/);
    expect(
      issueAt(issuesWith({ callLog: { dispositions: 'Sale' } }), 'callLog.dispositions').message,
    ).toMatch(/^expected a list \[\.\.\.\], got the text "Sale"/);
  });

  it('names unknown fields of callLog and of webhook', () => {
    const issues = issuesWith({ callLog: { promt: false, webhook: { url: HOOK, header: {} } } });
    expect(issueAt(issues, 'callLog.promt').message).toBe(
      'unknown field "promt" (did you mean "prompt"?); "callLog" has: prompt, dispositions, webhook',
    );
    expect(issueAt(issues, 'callLog.webhook.header').message).toBe(
      'unknown field "header" (did you mean "headers"?); "webhook" has: url, headers, retryBaseMs, retryMaxMs',
    );
  });
});

describe('callLog.webhook.url', () => {
  it('is required', () => {
    expect(issueAt(webhookIssues({}), 'callLog.webhook.url').message).toBe(
      'is missing; add the address each finished log is POSTed to, e.g. "url": "https://logs.example.com/softbar/calls"',
    );
  });

  it('must be https; the message says http is only for this machine', () => {
    const issue = issueAt(webhookIssues({ url: 'http://logs.example.com/calls' }), 'callLog.webhook.url');
    expect(issue.message).toBe(
      '"http://logs.example.com/calls" is not https; call logs carry customer data, so Softbar sends them over https (http only to 127.0.0.1, localhost or [::1]): use "https://logs.example.com/calls"',
    );
  });

  it('may be http on 127.0.0.1, localhost or [::1]', () => {
    for (const url of ['http://127.0.0.1:8080/log', 'http://localhost/log', 'http://[::1]:9000/log']) {
      expect(webhookOf({ url })?.url).toBe(url);
    }
    // A name that only starts like the loopback is another host.
    expect(
      issueAt(webhookIssues({ url: 'http://localhost.example.com/' }), 'callLog.webhook.url').message,
    ).toMatch(/is not https/);
  });

  it('refuses other schemes, non-URLs and credentials in the address', () => {
    const messageFor = (url: string) => issueAt(webhookIssues({ url }), 'callLog.webhook.url').message;
    expect(messageFor('javascript:alert(1)')).toMatch(
      /^"javascript:alert\(1\)" is a javascript: URL; Softbar POSTs logs to https/,
    );
    expect(messageFor('logs.example.com/calls')).toMatch(
      /is not a full URL; write the whole address, e\.g\./,
    );
    expect(messageFor('')).toMatch(/^is empty; write the address/);
    expect(messageFor('https://user:secret@logs.example.com/')).toMatch(
      /has a user name or password in it.*; put credentials in "headers" instead/,
    );
  });
});

describe('callLog.webhook.headers', () => {
  it('keeps the admin headers', () => {
    const headers = { Authorization: 'Bearer abc', 'X-Api-Key': 'k1' };
    expect(webhookOf({ url: HOOK, headers })?.headers).toEqual(headers);
  });

  it('refuses Content-Type and Idempotency-Key, which Softbar sets', () => {
    const issues = webhookIssues({
      url: HOOK,
      headers: { 'content-type': 'text/plain', 'Idempotency-Key': 'x' },
    });
    expect(issueAt(issues, 'callLog.webhook.headers["content-type"]').message).toMatch(
      /^"content-type" is set by Softbar on every POST \(.*\); remove it$/,
    );
    expect(issueAt(issues, 'callLog.webhook.headers["Idempotency-Key"]').message).toMatch(
      /the call id.*; remove it$/,
    );
  });

  it('refuses names that are not HTTP tokens, and headers browsers will not send', () => {
    const issues = webhookIssues({ url: HOOK, headers: { 'API Key': 'x', Cookie: 'a=b', 'Sec-Token': 'y' } });
    expect(issueAt(issues, 'callLog.webhook.headers["API Key"]').message).toMatch(
      /^"API Key" is not an HTTP header name; write a name without spaces/,
    );
    expect(issueAt(issues, 'callLog.webhook.headers.Cookie').message).toMatch(
      /browsers do not let extensions set.*; remove it$/,
    );
    expect(issueAt(issues, 'callLog.webhook.headers["Sec-Token"]').message).toMatch(/; remove it$/);
  });

  it('values are one line of text', () => {
    const issues = webhookIssues({
      url: HOOK,
      headers: { Authorization: 'Bearer a\nX-Evil: 1', 'X-Count': 3 },
    });
    expect(issueAt(issues, 'callLog.webhook.headers.Authorization').message).toMatch(
      /^has a line break .*; write it on one line/,
    );
    expect(issueAt(issues, 'callLog.webhook.headers["X-Count"]').message).toMatch(
      /^expected text, got the number 3/,
    );
  });

  it('the same name twice in different case is refused', () => {
    const issues = webhookIssues({ url: HOOK, headers: { Authorization: 'a', authorization: 'b' } });
    expect(issueAt(issues, 'callLog.webhook.headers.authorization').message).toBe(
      'repeats the header "Authorization" (header names ignore case); keep one of them',
    );
  });

  it('headers is an object', () => {
    expect(
      issueAt(webhookIssues({ url: HOOK, headers: ['Authorization: x'] }), 'callLog.webhook.headers').message,
    ).toMatch(
      /^expected an object \{\.\.\.\}, got a list \[\.\.\.\]; write the headers as \{ "Authorization"/,
    );
  });
});

describe('callLog.webhook retries', () => {
  it('retryBaseMs is a whole number of at least 100 ms', () => {
    expect(
      issueAt(webhookIssues({ url: HOOK, retryBaseMs: 50 }), 'callLog.webhook.retryBaseMs').message,
    ).toBe('50 is too small; use 100 or more');
    expect(
      issueAt(webhookIssues({ url: HOOK, retryBaseMs: 2500.5 }), 'callLog.webhook.retryBaseMs').message,
    ).toBe('2500.5 is not a whole number; give milliseconds, e.g. 2000');
  });

  it('retryMaxMs is at least retryBaseMs', () => {
    const issue = issueAt(
      webhookIssues({ url: HOOK, retryBaseMs: 5000, retryMaxMs: 1000 }),
      'callLog.webhook.retryMaxMs',
    );
    expect(issue.message).toBe(
      '1000 is less than retryBaseMs (5000); use 5000 or more: retries wait longer after each failure, up to retryMaxMs',
    );
  });

  it('no delay is longer than a day', () => {
    expect(
      issueAt(webhookIssues({ url: HOOK, retryMaxMs: 90_000_000 }), 'callLog.webhook.retryMaxMs').message,
    ).toBe('90000000 is too large; use 86400000 (one day) or less');
  });
});

describe('all sections at once', () => {
  it('reports the problems of screenPop, autofill and callLog together, in document order', () => {
    const issues = issuesWith({
      callLog: { webhook: { url: 'http://logs.example.com/' } },
      autofill: [{ id: 'a', match: 'https://crm.example.com/*', fields: [] }],
      screenPop: [{ id: 'a', action: 'popup' }],
    });
    expect(issues.map((issue) => issue.path)).toEqual([
      'screenPop[0].url',
      'autofill[0].fields',
      'callLog.webhook.url',
    ]);
  });
});
