import { describe, expect, it } from 'vitest';
import { runSchema } from '../../../src/core/config/valibot-issues';
import { tegsoftSettingsForm } from '../../../src/vendors/tegsoft/form';
import { screenLayout } from '../../../src/vendors/tegsoft/layout';
import { type TegsoftSettings, tegsoftSettingsSchema } from '../../../src/vendors/tegsoft/settings';

const check = (settings: unknown) => runSchema(tegsoftSettingsSchema, settings, ['settings']);

function issues(settings: unknown): Record<string, string> {
  const result = check(settings);
  if (result.ok) throw new Error('expected issues');
  return Object.fromEntries(result.issues.map((issue) => [issue.path, issue.message]));
}

function valid(settings: unknown): TegsoftSettings {
  const result = check(settings);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.output;
}

describe('Tegsoft settings', () => {
  it('fills the defaults around a server and a token', () => {
    expect(valid({ hostname: 'https://tegsoft.example.com', token: 'abc' })).toEqual({
      hostname: 'https://tegsoft.example.com',
      token: 'abc',
      sessionType: 'agent',
      notReadyReasons: ['LUNCH', 'BREAK'],
      layout: {},
      eventTimeoutMs: 10_000,
    });
  });

  it.each([
    ['tegsoft.example.com', 'https://tegsoft.example.com'],
    ['  https://tegsoft.example.com/  ', 'https://tegsoft.example.com'],
    ['https://tegsoft.example.com:8443', 'https://tegsoft.example.com:8443'],
    ['http://127.0.0.1:4100', 'http://127.0.0.1:4100'],
    ['http://localhost:4100/', 'http://localhost:4100'],
  ])('normalizes the server %j to %j', (hostname, origin) => {
    expect(valid({ hostname, token: 't' }).hostname).toBe(origin);
  });

  it.each([
    ['http://tegsoft.example.com', /is not https;.*token or password.*use "https:\/\/tegsoft.example.com"/],
    [
      'https://tegsoft.example.com/Tobe/forms',
      /has a path; give the server only, e\.g\. "https:\/\/tegsoft.example.com"/,
    ],
    ['https://tegsoft.example.com/?a=1', /has a path/],
    ['https://user:pw@tegsoft.example.com', /user name or password in it/],
    ['ftp://tegsoft.example.com', /uses ftp:; write an https address/],
    ['', /is empty; write the Tegsoft server's address/],
    ['https://', /is not a server address/],
  ])('refuses the server %j, saying why', (hostname, message) => {
    expect(issues({ hostname, token: 't' })['settings.hostname']).toMatch(message);
  });

  it('asks for the server when it is missing, with an example', () => {
    expect(issues({ token: 't' })['settings.hostname']).toBe(
      'is missing; add the Tegsoft server, e.g. "hostname": "https://tegsoft.example.com"',
    );
  });

  it('takes usercode with clearpassword instead of a token', () => {
    expect(valid({ hostname: 'h.example.com', usercode: 'test.agent', clearpassword: 'pw' })).toMatchObject({
      usercode: 'test.agent',
      clearpassword: 'pw',
    });
  });

  it('wants exactly one login method and says which field to fix', () => {
    expect(issues({ hostname: 'h.example.com' })['settings.token']).toMatch(
      /^is missing; give "token" .* or "usercode" with "clearpassword"$/,
    );
    expect(
      issues({ hostname: 'h.example.com', token: 't', usercode: 'u', clearpassword: 'p' })['settings.token'],
    ).toMatch(/use one login method: keep "token" \(safer\) and remove "usercode" and "clearpassword"/);
    expect(issues({ hostname: 'h.example.com', usercode: 'u' })['settings.clearpassword']).toMatch(
      /"usercode" logs in only with its "clearpassword"/,
    );
    expect(issues({ hostname: 'h.example.com', clearpassword: 'p' })['settings.usercode']).toMatch(
      /"clearpassword" needs the "usercode"/,
    );
    expect(issues({ hostname: 'h.example.com', token: '  ' })['settings.token']).toBe(
      'is empty; write the token, or remove the field',
    );
  });

  it('reports the login method even when the server is wrong too', () => {
    const found = issues({ hostname: 'http://pbx.example.com' });
    expect(Object.keys(found).sort()).toEqual(['settings.hostname', 'settings.token']);
  });

  it('checks the session type, reasons and timeout', () => {
    const found = issues({
      hostname: 'h.example.com',
      token: 't',
      sessionType: 'two words',
      notReadyReasons: ['LUNCH', 'LUNCH'],
      eventTimeoutMs: 500,
    });
    expect(found['settings.sessionType']).toMatch(
      /"two words" is not a session type; write one word such as "agent"/,
    );
    expect(found['settings.notReadyReasons']).toBe('lists a reason twice; give each reason code once');
    expect(found['settings.eventTimeoutMs']).toMatch(/use 1000 or more/);
    expect(
      issues({ hostname: 'h.example.com', token: 't', notReadyReasons: 'LUNCH' })['settings.notReadyReasons'],
    ).toMatch(/is not a list; write reason codes in brackets/);
  });

  it("takes the document's layout example whole", () => {
    const layout = {
      autoMaximize: true,
      style: { padding: '0px', borderRadius: '0px', height: '100vh', width: '100vw' },
      minimize: { enable: true },
      hideToSide: { enable: true },
      hideInIcon: { enable: true },
      movable: { enable: true, position: 'right' },
    };
    const settings = valid({ hostname: 'h.example.com', token: 't', layout });
    expect(settings.layout).toEqual(layout);
    expect(screenLayout(settings.layout)).toEqual({
      title: 'Tegsoft',
      width: '100vw',
      height: '100vh',
      padding: '0px',
      borderRadius: '0px',
      autoMaximize: true,
      minimize: true,
      hideToSide: true,
      hideInIcon: true,
      movable: { position: 'right' },
    });
    expect(screenLayout({})).toMatchObject({ autoMaximize: false, minimize: false, movable: false });
  });

  it('names unknown layout options and bad values', () => {
    const found = issues({
      hostname: 'h.example.com',
      token: 't',
      layout: {
        autoMaximise: true,
        style: { height: 'calc(100vh)', colour: 'red' },
        minimize: true,
        movable: { enable: true, position: 'top' },
      },
    });
    expect(found['settings.layout.autoMaximise']).toMatch(
      /"autoMaximise" is not a layout option; use "autoMaximize"/,
    );
    expect(found['settings.layout.style.height']).toMatch(
      /"calc\(100vh\)" is not a length; write one such as "100vh"/,
    );
    expect(found['settings.layout.style.colour']).toMatch(/"colour" is not a style option/);
    expect(found['settings.layout.minimize']).toBe(
      'is not an object; write { "enable": true } to show the minimize button',
    );
    expect(found['settings.layout.movable.position']).toBe('"top" is not a side; use "left" or "right"');
  });

  it('describes a form field for every setting, secrets masked', () => {
    const keys = Object.keys((tegsoftSettingsSchema as unknown as { entries: object }).entries);
    expect(tegsoftSettingsForm.map((field) => field.key).sort()).toEqual([...keys].sort());
    const types = Object.fromEntries(tegsoftSettingsForm.map((field) => [field.key, field.type]));
    expect(types).toMatchObject({
      hostname: 'url',
      token: 'secret',
      usercode: 'text',
      clearpassword: 'secret',
      sessionType: 'text',
      notReadyReasons: 'list',
      layout: 'json',
    });
    for (const field of tegsoftSettingsForm) expect(field.help).toBeTruthy();
  });
});
