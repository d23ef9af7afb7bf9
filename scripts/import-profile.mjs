// Imports a one-profile configuration in the options page, as an admin does (the demo and the benchmark
// switch vendors this way).

/**
 * @param {{ context: import('@playwright/test').BrowserContext, extensionId: string }} ext the launched extension
 * @param {{ id: string }} profile the profile, with its vendor settings
 * @param {string} [defaultRegion] the configuration's default region
 */
export async function importProfile(ext, profile, defaultRegion) {
  const options = await ext.context.newPage();
  await options.goto(`chrome-extension://${ext.extensionId}/options/index.html`);
  const config = {
    version: 1,
    profiles: [profile],
    activeProfile: profile.id,
    ...(defaultRegion ? { defaultRegion } : {}),
  };
  await options.getByRole('textbox', { name: 'Configuration JSON' }).fill(JSON.stringify(config));
  await options.getByRole('button', { name: 'Import', exact: true }).click();
  await options
    .getByRole('status')
    .filter({ hasText: /imported/i })
    .waitFor();
  await options.close();
}
