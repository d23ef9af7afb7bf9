// Launches Chromium with the built extension loaded, the way tests, the demo and the benchmark need it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { ensureChromium } from './chromium.mjs';

export const DIST = resolve(import.meta.dirname, '..', 'dist');

/**
 * `args` are extra Chromium switches (a test's fake media devices, say); none by default.
 * @param {{ headless?: boolean, dist?: string, viewport?: { width: number, height: number } | null,
 *   args?: readonly string[] }} [options]
 * @returns {Promise<{ context: import('@playwright/test').BrowserContext, extensionId: string,
 *   worker: () => Promise<import('@playwright/test').Worker>, close: () => Promise<void> }>}
 */
export async function launchWithExtension(options = {}) {
  const dist = options.dist ?? DIST;
  const userDataDir = mkdtempSync(join(tmpdir(), 'softbar-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: ensureChromium(),
    headless: options.headless ?? true,
    viewport: options.viewport === undefined ? { width: 1280, height: 800 } : options.viewport,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      `--disable-extensions-except=${dist}`,
      `--load-extension=${dist}`,
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
      '--disable-gpu',
      ...(options.args ?? []),
    ],
  });
  /** The extension's service worker, waiting for it (again) after Chrome stopped it. */
  const worker = async () => {
    const live = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
    return live ?? context.waitForEvent('serviceworker', { timeout: 15_000 });
  };
  const first = await worker();
  const extensionId = new URL(first.url()).host;
  return {
    context,
    extensionId,
    worker,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
