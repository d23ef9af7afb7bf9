import { defineConfig } from '@playwright/test';

// Every test launches its own Chromium with the built extension (see test/e2e/fixtures.ts); the
// machine has two cores, so tests run one at a time.
export default defineConfig({
  testDir: 'test/e2e',
  timeout: 60_000,
  expect: { timeout: 8_000 },
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: { trace: 'retain-on-failure' },
  outputDir: 'test-results',
});
