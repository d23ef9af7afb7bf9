import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Hub } from '../../../src/background/hub';
import {
  type CallLogService,
  type ConfigService,
  createRouter,
  senderOrigin,
} from '../../../src/background/router';
import { senderRole } from '../../../src/background/sender-role';

const ID = 'abcdefghijklmnopabcdefghijklmnop';

describe('senderRole', () => {
  it('knows our extension pages, our content scripts, and nobody else', () => {
    expect(senderRole({ id: ID, url: `chrome-extension://${ID}/popup/index.html` }, ID)).toBe(
      'extensionPage',
    );
    expect(senderRole({ id: ID, url: `chrome-extension://${ID}/options/index.html`, tab: {} }, ID)).toBe(
      'extensionPage',
    );
    expect(senderRole({ id: ID, url: 'https://crm.example.com/x', tab: {} }, ID)).toBe('contentScript');
    expect(senderRole({ id: ID, url: 'http://127.0.0.1:8080/', tab: {} }, ID)).toBe('contentScript');
    expect(
      senderRole({ id: 'another-extension', url: `chrome-extension://${ID}/popup/index.html` }, ID),
    ).toBe(undefined);
    expect(senderRole({ id: ID, url: 'https://crm.example.com/x' }, ID)).toBe(undefined);
    expect(senderRole({ id: ID, url: 'file:///etc/passwd', tab: {} }, ID)).toBe(undefined);
    expect(senderRole({ id: ID, url: `chrome-extension://${ID}x/popup.html` }, ID)).toBe(undefined);
  });
});

describe('router', () => {
  const hub = new Hub({
    vendors: [],
    sessionStore: { get: async () => undefined, set: async () => {} },
    now: () => 0,
    log: () => {},
  });
  const config: ConfigService = {
    view: vi.fn(async () => ({ config: {} as never, vendors: [] })),
    importJson: vi.fn(async () => ({ ok: true as const })),
    update: vi.fn(async () => ({ ok: true as const })),
    callLogOptions: vi.fn(async () => ({ prompt: true, dispositions: ['Sale'] })),
  };
  const calls: CallLogService = {
    save: vi.fn(async () => ({}) as never),
    defer: vi.fn(async () => {}),
    view: vi.fn(async () => ({ records: [], deliveries: [] })),
  };
  const route = createRouter(
    hub,
    config,
    {
      status: async () => ({ blocked: false, detection: true }),
      setDetection: async () => ({ blocked: false, detection: true }),
    },
    calls,
    { test: vi.fn(async () => ({ ok: true, message: 'Connected.' })) },
  );

  beforeEach(() => {
    vi.clearAllMocks();
  });

  it("hands a CRM page's SSO token on with the origin Chrome reported; only from content scripts", async () => {
    const given = vi.spyOn(hub, 'provideSsoToken').mockResolvedValue();
    const envelope = { softbar: 1, name: 'ssoToken', data: { username: 'jan.novak', token: 't0k' } };
    const top = {
      url: 'https://crm.example.com/contacts/7?x=1',
      origin: 'https://crm.example.com',
      frameId: 0,
    };
    expect(await route(envelope, 'contentScript', top)).toEqual({
      ok: true,
      value: undefined,
    });
    expect(given).toHaveBeenCalledWith({ username: 'jan.novak', token: 't0k' }, 'https://crm.example.com');
    expect(
      await route(envelope, 'extensionPage', { url: 'chrome-extension://x/options/index.html' }),
    ).toMatchObject({
      ok: false,
      error: expect.stringContaining('not allowed'),
    });
    expect(given).toHaveBeenCalledTimes(1);
    given.mockRestore();
    // With no profile, the hub says why.
    expect(await route(envelope, 'contentScript', top)).toMatchObject({
      ok: false,
      error: 'Softbar takes no SSO token from this page.',
    });
  });

  it('vouches for a sender origin only for a top frame whose real origin matches its URL', () => {
    expect(
      senderOrigin({ url: 'https://crm.example.com/a', origin: 'https://crm.example.com', frameId: 0 }),
    ).toBe('https://crm.example.com');
    // A sandboxed document served from the CRM's host: its URL says CRM, its origin says null.
    expect(senderOrigin({ url: 'https://crm.example.com/attachment/7', origin: 'null', frameId: 0 })).toBe(
      '',
    );
    expect(
      senderOrigin({ url: 'https://crm.example.com/a', origin: 'https://crm.example.com', frameId: 3 }),
    ).toBe('');
    expect(
      senderOrigin({ url: 'https://crm.example.com/a', origin: 'https://evil.example', frameId: 0 }),
    ).toBe('');
    expect(senderOrigin({ url: 'not a url', frameId: 0 })).toBe('');
    expect(senderOrigin(undefined)).toBe('');
  });

  it('ignores messages that are not ours', async () => {
    expect(await route({ hello: 'world' }, 'extensionPage')).toBeUndefined();
    expect(await route({ softbar: 1, name: 'toString' }, 'extensionPage')).toBeUndefined();
  });

  it('keeps the configuration away from content scripts', async () => {
    for (const name of ['getConfig', 'importConfig', 'updateConfig', 'simulateIncoming'] as const) {
      const reply = await route({ softbar: 1, name, data: { json: '{}' } }, 'contentScript');
      expect(reply).toEqual({ ok: false, error: `"${name}" is not allowed from this context.` });
    }
    expect(config.view).not.toHaveBeenCalled();
    expect(config.importJson).not.toHaveBeenCalled();
  });

  it('refuses everything from an unknown sender', async () => {
    const reply = await route({ softbar: 1, name: 'getState' }, undefined);
    expect(reply).toMatchObject({ ok: false });
  });

  it('answers allowed messages and turns errors into text', async () => {
    expect(await route({ softbar: 1, name: 'getState' }, 'contentScript')).toMatchObject({ ok: true });
    expect(await route({ softbar: 1, name: 'getConfig' }, 'extensionPage')).toMatchObject({ ok: true });
    const bad = await route({ softbar: 1, name: 'command', data: { type: 'dial' } }, 'contentScript');
    expect(bad).toMatchObject({ ok: false, error: expect.stringContaining('Invalid command') });
    const none = await route(
      { softbar: 1, name: 'command', data: { type: 'dial', number: '123' } },
      'contentScript',
    );
    expect(none).toMatchObject({ ok: false, error: expect.stringContaining('No contact-center profile') });
  });

  it('lets only extension pages edit saved call logs', async () => {
    const save = { softbar: 1, name: 'saveCallLog', data: { callId: 'c1', notes: 'n', disposition: 'Sale' } };
    const defer = { softbar: 1, name: 'deferCallLog', data: { callId: 'c1' } };
    await route(save, 'contentScript');
    await route(defer, 'contentScript');
    await route(save, 'extensionPage');
    await route(defer, 'extensionPage');
    expect(vi.mocked(calls.save).mock.calls).toEqual([
      ['c1', 'n', 'Sale', { mayEditSaved: false }],
      ['c1', 'n', 'Sale', { mayEditSaved: true }],
    ]);
    expect(vi.mocked(calls.defer).mock.calls).toEqual([
      ['c1', { mayEditSaved: false }],
      ['c1', { mayEditSaved: true }],
    ]);
  });

  it('passes the history page on, and keeps the history from content scripts', async () => {
    await route({ softbar: 1, name: 'getHistory', data: { limit: 50, before: 1234 } }, 'extensionPage');
    await route({ softbar: 1, name: 'getHistory' }, 'extensionPage');
    expect(vi.mocked(calls.view).mock.calls).toEqual([
      [{ limit: 50, before: 1234 }],
      [{ limit: undefined, before: undefined }],
    ]);
    expect(await route({ softbar: 1, name: 'getHistory' }, 'contentScript')).toMatchObject({ ok: false });
  });

  it('answers the call-log options without reading the whole configuration', async () => {
    expect(await route({ softbar: 1, name: 'callLogOptions' }, 'extensionPage')).toEqual({
      ok: true,
      value: { prompt: true, dispositions: ['Sale'] },
    });
    expect(config.view).not.toHaveBeenCalled();
  });
});
