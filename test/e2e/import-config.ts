import type { Extension } from './fixtures';
import { expect } from './fixtures';

/** A demo-vendor configuration with the given extra top-level fields. */
export function demoConfig(extra: Record<string, unknown>): Record<string, unknown> {
  return {
    version: 1,
    profiles: [{ id: 'demo', vendor: 'demo', label: 'Demo PBX', settings: {} }],
    activeProfile: 'demo',
    defaultRegion: 'GB',
    ...extra,
  };
}

/** Imports a configuration through the options page, as an admin would, and closes the page. */
export async function importConfig(ext: Extension, config: unknown): Promise<void> {
  const options = await ext.openPage('options/index.html');
  await options.getByRole('textbox', { name: 'Configuration JSON' }).fill(JSON.stringify(config, null, 2));
  await options.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(options.getByRole('status').filter({ hasText: /imported/i })).toBeVisible();
  await options.close();
}
