import { describe, expect, it } from 'vitest';
import { runSchema } from '../../../src/core/config/valibot-issues';
import { ucsSettingsForm } from '../../../src/vendors/ucs/form';
import { bundleUrl, loginOf, type UcsSettings, ucsSettingsSchema } from '../../../src/vendors/ucs/settings';

const check = (settings: unknown) => runSchema(ucsSettingsSchema, settings, ['settings']);

function issues(settings: unknown): Record<string, string> {
  const result = check(settings);
  if (result.ok) throw new Error('expected issues');
  return Object.fromEntries(result.issues.map((issue) => [issue.path, issue.message]));
}

function valid(settings: unknown): UcsSettings {
  const result = check(settings);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.output;
}

describe('UCS settings', () => {
  it('fills the defaults around a server, a user and a token', () => {
    expect(valid({ hostname: 'UCS.example.com', username: 'jan.novak', ssoToken: 'abc' })).toEqual({
      hostname: 'ucs.example.com',
      port: 443,
      secure: true,
      path: '/',
      bundle: 'operator-v4.0.0.js',
      username: 'jan.novak',
      ssoToken: 'abc',
      provider: 'Softbar',
      headless: true,
      confirmDevice: false,
      autoOpenAccountCode: true,
    });
  });

  it('builds the bundle URL, leaving the default port out', () => {
    const base = { username: 'a', password: 'p' };
    expect(bundleUrl(valid({ ...base, hostname: 'ucs.example.com' }))).toBe(
      'https://ucs.example.com/operator/operator-v4.0.0.js',
    );
    expect(
      bundleUrl(
        valid({
          ...base,
          hostname: '127.0.0.1',
          port: 8080,
          secure: false,
          path: '/ucs',
          bundle: 'operator-v4.1.js',
        }),
      ),
    ).toBe('http://127.0.0.1:8080/ucs/operator/operator-v4.1.js');
  });

  it('wants exactly one login method', () => {
    expect(issues({ hostname: 'ucs.example.com', username: 'a' })).toEqual({
      'settings.ssoToken':
        'is missing; give "ssoToken", or "ssoSecret", or "password", or let the CRM log the agent in with "crmOrigins"',
    });
    expect(
      Object.keys(issues({ hostname: 'ucs.example.com', username: 'a', ssoToken: 't', password: 'p' })),
    ).toEqual(['settings.ssoToken']);
    expect(loginOf(valid({ hostname: 'h', username: 'a', ssoSecret: 's' }))).toEqual({
      kind: 'ssoSecret',
      secret: 's',
    });
    expect(loginOf(valid({ hostname: 'h', username: 'a', password: 'p' }))).toEqual({
      kind: 'password',
      password: 'p',
    });
  });

  it('lets CRM origins log the agent in instead of a stored credential, and names a bad origin', () => {
    const base = { hostname: 'ucs.example.com', username: 'a' };
    expect(loginOf(valid({ ...base, crmOrigins: ['https://crm.example.com'] }))).toEqual({ kind: 'crm' });
    expect(valid({ ...base, crmOrigins: ['http://127.0.0.1:8080'], ssoSecret: 's' }).crmOrigins).toEqual([
      'http://127.0.0.1:8080',
    ]);
    const found = issues({ ...base, crmOrigins: ['https://crm.example.com/app', 'http://crm.example.com'] });
    const origins = Object.entries(found).filter(([path]) => path.startsWith('settings.crmOrigins'));
    expect(origins.map(([, message]) => message)).toEqual([
      expect.stringContaining('"https://crm.example.com/app" is not an origin'),
      expect.stringContaining('"http://crm.example.com" is not an origin'),
    ]);
    expect(issues({ ...base })['settings.ssoToken']).toContain('"crmOrigins"');
  });

  it('allows plain http only to this machine', () => {
    expect(valid({ hostname: 'localhost', username: 'a', password: 'p', secure: false }).secure).toBe(false);
    expect(
      issues({ hostname: 'ucs.example.com', username: 'a', password: 'p', secure: false }),
    ).toHaveProperty('settings.secure');
  });

  it('names the field and the fix', () => {
    const found = issues({
      hostname: 'https://ucs.example.com/x',
      port: 70000,
      path: 'ucs',
      bundle: 'a/b.js',
    });
    expect(found['settings.hostname']).toContain('is not a host name');
    expect(found['settings.port']).toBe('is not a port; use 1 to 65535');
    expect(found['settings.path']).toContain('starting with "/"');
    expect(found['settings.bundle']).toContain('is not a bundle file name');
    expect(found['settings.username']).toContain("add the agent's UCS user name");
  });

  it('takes the dial queue and line, the ringtone, endpoint overrides and documented bundle options', () => {
    const base = { hostname: 'ucs.example.com', username: 'a', ssoToken: 't' };
    const full = valid({
      ...base,
      dialQueue: '12',
      dialLine: 101,
      ringingSound: 'quest',
      endpoints: { ws: { path: '/ws', port: 8443 } },
      bundleOptions: {
        lang: 'cs',
        notifyWaitingCallers: true,
        audioInputConstraints: { echoCancellation: false },
      },
    });
    expect(full).toMatchObject({ dialQueue: 12, dialLine: 101, ringingSound: 'quest' });
    expect(valid({ ...base, dialQueue: 'directCall' }).dialQueue).toBe('directCall');
    const found = issues({
      ...base,
      dialQueue: 'sales',
      ringingSound: 'jingle',
      endpoints: { sip: {} },
      bundleOptions: { headless: false },
    });
    expect(found['settings.dialQueue']).toContain('"directCall" (no queue)');
    expect(found['settings.ringingSound']).toContain('is not a UCS ringtone');
    expect(Object.keys(found).some((key) => key.startsWith('settings.endpoints'))).toBe(true);
    const bundleIssue = Object.entries(found).find(([key]) => key.startsWith('settings.bundleOptions'));
    expect(bundleIssue?.[1]).toContain('the documented ones are lang');
    expect(issues({ ...base, endpoints: { ws: { path: 'ws' } } })['settings.endpoints.ws.path']).toContain(
      'starting with "/"',
    );
  });

  it('offers a form field for every setting, warning about a kept secret', () => {
    const keys = ucsSettingsForm.map((field) => field.key);
    expect(keys).toEqual([
      'hostname',
      'port',
      'secure',
      'path',
      'bundle',
      'username',
      'ssoToken',
      'ssoSecret',
      'password',
      'crmOrigins',
      'provider',
      'identifier',
      'headless',
      'confirmDevice',
      'autoOpenAccountCode',
      'dialQueue',
      'dialLine',
      'ringingSound',
      'endpoints',
      'bundleOptions',
    ]);
    expect(ucsSettingsForm.find((field) => field.key === 'ssoSecret')?.warning).toMatch(
      /a secret kept in the browser is weaker than a token/i,
    );
  });
});

describe('README UCS example', () => {
  it('validates as written', async () => {
    const { readFileSync } = await import('node:fs');
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('#### UCS'), readme.indexOf('### Enterprise policy'));
    const block = /```json\n([\s\S]*?)\n```/.exec(section)?.[1];
    const profile = JSON.parse(block ?? '{}') as { vendor: string; settings: Record<string, unknown> };
    expect(profile.vendor).toBe('ucs');
    expect(valid(profile.settings)).toMatchObject({ identifier: 'pc101', headless: true });
  });
});
