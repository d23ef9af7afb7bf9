import { describe, expect, it } from 'vitest';
import { runSchema } from '../../../src/core/config/valibot-issues';
import { xcallySettingsForm } from '../../../src/vendors/xcally/form';
import {
  parsePhonebarUrl,
  parseRealtimeUrl,
  type XcallySettings,
  xcallySettingsSchema,
} from '../../../src/vendors/xcally/settings';

const BASE = { url: 'https://xcally.example.com:8888', peer: 'SIP/andrea.bianco' };
const check = (settings: unknown) => runSchema(xcallySettingsSchema, settings, ['settings']);

function issues(settings: unknown): Record<string, string> {
  const result = check(settings);
  if (result.ok) throw new Error('expected issues');
  return Object.fromEntries(result.issues.map((issue) => [issue.path, issue.message]));
}

function valid(settings: unknown): XcallySettings {
  const result = check(settings);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.output;
}

describe('xCALLY settings', () => {
  it('fills the defaults around a server and a peer', () => {
    expect(valid(BASE)).toEqual({
      url: 'https://xcally.example.com:8888',
      path: '/socket.io',
      engineIo: 3,
      peer: 'SIP/andrea.bianco',
      match: 'peer',
      sipname: 'andrea.bianco',
      agentnum: undefined,
      queues: [],
      phonebarUrl: undefined,
      realtimeCti: { enabled: false, appName: 'Softbar' },
      query: {},
    });
  });

  it('takes every option', () => {
    expect(
      valid({
        ...BASE,
        path: '/realtime/socket.io/',
        engineIo: '4',
        match: 'agentnum',
        agentnum: '1000',
        sipname: 'andrea',
        queues: ['Support', 'Sales'],
        phonebarUrl: 'http://127.0.0.1:9888',
        realtimeCti: { enabled: true, appName: 'CRM' },
        query: { token: 'abc', tenant: 7 },
      }),
    ).toMatchObject({
      path: '/realtime/socket.io',
      engineIo: 4,
      match: 'agentnum',
      agentnum: '1000',
      sipname: 'andrea',
      queues: ['Support', 'Sales'],
      phonebarUrl: 'http://127.0.0.1:9888',
      realtimeCti: { enabled: true, appName: 'CRM' },
      query: { token: 'abc', tenant: '7' },
    });
  });

  it.each([
    ['xcally.example.com:8888', 'https://xcally.example.com:8888'],
    ['  https://xcally.example.com/  ', 'https://xcally.example.com'],
    ['wss://xcally.example.com:8888', 'https://xcally.example.com:8888'],
    ['http://localhost:8888', 'http://localhost:8888'],
    ['http://127.0.0.1:3000', 'http://127.0.0.1:3000'],
  ])('normalizes the realtime server %j to %j', (url, origin) => {
    expect(valid({ ...BASE, url }).url).toBe(origin);
  });

  it("names the document's port 98888 as the typo it is", () => {
    const message = issues({ ...BASE, url: 'http://localhost:98888' })['settings.url'];
    expect(message).toContain('port 98888, which cannot exist');
    expect(message).toContain('the xCALLY document\'s "http://localhost:98888" is a typo');
    expect(message).toContain('"https://xcally.example.com:8888"');
  });

  it.each([
    ['http://xcally.example.com:8888', /is not https;.*use "https:\/\/xcally.example.com:8888"/],
    ['https://xcally.example.com/socket.io', /has a path; .*socket.io path goes in "path"/],
    ['https://user:pw@xcally.example.com', /user name or password/],
    ['ftp://xcally.example.com', /uses ftp:/],
    ['', /is empty; write the xCALLY realtime server's address/],
    ['https://x:70000', /port 70000, above 65535/],
  ])('refuses the realtime server %j, saying why', (url, message) => {
    expect(issues({ ...BASE, url })['settings.url']).toMatch(message);
  });

  it('asks for the server and the peer when missing, with examples', () => {
    expect(issues({})).toEqual({
      'settings.url':
        'is missing; add the xCALLY realtime server, e.g. "url": "https://xcally.example.com:8888"',
      'settings.peer':
        'is missing; add the agent\'s interface as xCALLY names it, e.g. "peer": "SIP/andrea.bianco"',
    });
  });

  it('wants the peer as technology/name', () => {
    expect(issues({ ...BASE, peer: 'andrea.bianco' })['settings.peer']).toMatch(
      /"andrea.bianco" is not an agent interface; .*e\.g\. "SIP\/andrea.bianco"/,
    );
  });

  it('names bad choices and typos', () => {
    const found = issues({ ...BASE, engineIo: 2, match: 'sipName', phonebarURL: 'x', path: 'socket.io' });
    expect(found['settings.engineIo']).toMatch(/^2 is not an engine.io protocol version; use 3 .* or 4/);
    expect(found['settings.match']).toMatch(/"sipName" is not a field .*did you mean "sipname"/);
    expect(found['settings.phonebarURL']).toMatch(
      /is not an xCALLY setting \(did you mean "phonebarUrl"\?\)/,
    );
    expect(found['settings.path']).toMatch(/is not a socket.io path; write one starting with "\/"/);
  });

  it('needs the agent number to match by it', () => {
    expect(issues({ ...BASE, match: 'agentnum' })['settings.agentnum']).toMatch(
      /^is missing; matching calls by agent number needs .* "agentnum": "1000"$/,
    );
  });

  it('lets the Phonebar be http on this computer only, and fills in its default port', () => {
    expect(valid({ ...BASE, phonebarUrl: '127.0.0.1' }).phonebarUrl).toBe('http://127.0.0.1:9888');
    expect(valid({ ...BASE, phonebarUrl: 'localhost:9999' }).phonebarUrl).toBe('http://localhost:9999');
    expect(issues({ ...BASE, phonebarUrl: 'http://10.0.0.5:9888' })['settings.phonebarUrl']).toMatch(
      /is not https; the Phonebar places and ends calls/,
    );
    expect(issues({ ...BASE, phonebarUrl: 'http://127.0.0.1:9888/api' })['settings.phonebarUrl']).toMatch(
      /has a path; .*Softbar adds \/api\/\.\.\. itself/,
    );
  });

  it('keeps the handshake query to plain values and leaves peer to its own setting', () => {
    expect(issues({ ...BASE, query: { peer: 'SIP/other' } })['settings.query.peer']).toMatch(
      /is sent from the "peer" setting/,
    );
    expect(issues({ ...BASE, query: { EIO: '3' } })['settings.query.EIO']).toMatch(/set by socket.io itself/);
    expect(issues({ ...BASE, query: ['token'] })['settings.query']).toMatch(/expected an object/);
  });

  it('checks the RealtimeCTI options', () => {
    expect(issues({ ...BASE, realtimeCti: { enabled: 'yes' } })['settings.realtimeCti.enabled']).toMatch(
      /is not true or false/,
    );
    expect(issues({ ...BASE, realtimeCti: { name: 'x' } })['settings.realtimeCti.name']).toMatch(
      /"name" is not a RealtimeCTI option; use "enabled" or "appName"/,
    );
  });

  it('refuses a queue given twice', () => {
    expect(issues({ ...BASE, queues: ['Support', 'support'] })['settings.queues']).toMatch(
      /lists a queue twice/,
    );
  });

  it('parses addresses on their own', () => {
    expect(parseRealtimeUrl('xcally.example.com')).toEqual({ origin: 'https://xcally.example.com' });
    expect(parsePhonebarUrl('http://[::1]:9888')).toEqual({ origin: 'http://[::1]:9888' });
  });

  it('has a form field for every setting', () => {
    const keys = xcallySettingsForm.map((field) => field.key);
    expect(keys.sort()).toEqual(Object.keys(valid(BASE)).sort());
    expect(
      xcallySettingsForm.find((field) => field.key === 'engineIo')?.options?.map((o) => o.value),
    ).toEqual(['3', '4']);
  });
});
