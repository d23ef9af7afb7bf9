import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { bundleConfig } from '../../../src/vendors/ucs/bundle-config';
import { ucsSettingsSchema } from '../../../src/vendors/ucs/settings';

const settings = (extra: Record<string, unknown> = {}) =>
  v.parse(ucsSettingsSchema, {
    hostname: 'ucs.zakaznik.cz',
    username: 'jan.novak',
    ssoSecret: 's3',
    ...extra,
  });

describe('window.ucsOperator from the settings', () => {
  it('points api at the server, runs headless, lists phones, starts at once; no credentials in it', () => {
    const config = bundleConfig(settings());
    expect(config).toEqual({
      api: { hostname: 'ucs.zakaznik.cz', port: '443', secure: true },
      renderTo: 'ucsOperator',
      headless: true,
      autologin: false,
      listDevices: true,
      confirmDevice: false,
      autoOpenAccountCode: true,
      legacyStartup: true,
      confirmUnload: false,
    });
    expect(JSON.stringify(config)).not.toContain('s3');
    expect(JSON.stringify(bundleConfig(settings({ ssoSecret: undefined, password: 'heslo' })))).not.toContain(
      'heslo',
    );
  });

  it("passes the admin's documented options and endpoint overrides, but not over what the integration needs", () => {
    const config = bundleConfig(
      settings({
        headless: false,
        confirmDevice: true,
        endpoints: { ws: { path: '/ws', port: 8443 }, report: { hostname: 'reports.zakaznik.cz' } },
        bundleOptions: { lang: 'cs', notifyWaitingCallers: true, confirmUnload: true },
      }),
    );
    expect(config).toMatchObject({
      lang: 'cs',
      notifyWaitingCallers: true,
      headless: false,
      confirmDevice: true,
      confirmUnload: false,
      api: {
        hostname: 'ucs.zakaznik.cz',
        ws: { path: '/ws', port: '8443' },
        report: { hostname: 'reports.zakaznik.cz' },
      },
    });
  });
});
