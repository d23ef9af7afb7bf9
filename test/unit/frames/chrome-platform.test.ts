import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { chromeFramePlatform } from '../../../src/background/frames/chrome-platform';
import { memoryLog } from './fakes';

/** Just enough of `chrome` for the platform: one offscreen document that takes a while to create. */
function fakeChrome() {
  let exists = false;
  const calls: string[] = [];
  const later = () => new Promise((done) => setTimeout(done, 5));
  const api = {
    runtime: {
      getURL: (path: string) => `chrome-extension://id/${path}`,
      ContextType: { OFFSCREEN_DOCUMENT: 'OFFSCREEN_DOCUMENT' },
      getContexts: async () =>
        exists ? [{ documentUrl: 'chrome-extension://id/src/offscreen/index.html' }] : [],
    },
    offscreen: {
      Reason: { IFRAME_SCRIPTING: 'IFRAME_SCRIPTING', USER_MEDIA: 'USER_MEDIA', WEB_RTC: 'WEB_RTC' },
      createDocument: async (options: { url: string; reasons: string[] }) => {
        calls.push(`create ${options.url} ${options.reasons.join(',')}`);
        if (exists) throw new Error('Only a single offscreen document may be created.');
        await later();
        exists = true;
      },
      closeDocument: async () => {
        calls.push('close');
        await later();
        exists = false;
      },
    },
  };
  return { api, calls, exists: () => exists };
}

let browser: ReturnType<typeof fakeChrome>;

beforeEach(() => {
  browser = fakeChrome();
  vi.stubGlobal('chrome', browser.api);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the offscreen document', () => {
  it('is created once however many frames ask for it at the same time', async () => {
    const platform = chromeFramePlatform(memoryLog());
    await Promise.all([platform.ensureOffscreen(), platform.ensureOffscreen(), platform.ensureOffscreen()]);
    await platform.ensureOffscreen();
    expect(browser.calls).toEqual(['create src/offscreen/index.html IFRAME_SCRIPTING,USER_MEDIA,WEB_RTC']);
  });

  it('is closed and created again in the order asked, never racing', async () => {
    const platform = chromeFramePlatform(memoryLog());
    const steps = [platform.ensureOffscreen(), platform.closeOffscreen(), platform.ensureOffscreen()];
    await Promise.all(steps);
    expect(browser.calls.map((call) => call.split(' ')[0])).toEqual(['create', 'close', 'create']);
    expect(browser.exists()).toBe(true);
  });
});
