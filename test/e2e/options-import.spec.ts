import { bar, expect, test } from './fixtures';

const validConfig = {
  version: 1,
  profiles: [
    { id: 'demo', vendor: 'demo', label: 'Demo PBX', settings: {} },
    {
      id: 'demo-eu',
      vendor: 'demo',
      label: 'Demo PBX Europe',
      settings: { notReadyReasons: ['Pausa', 'Formazione'] },
    },
  ],
  activeProfile: 'demo-eu',
  defaultRegion: 'IT',
  sites: { allow: [], block: [] },
  screenPop: [],
  autofill: [],
};

test('importing a configuration switches the bar to the new profile', async ({ crm, ext }) => {
  const page = await crm('/index.html');
  await expect(bar(page)).toContainText('Demo PBX');
  const options = await ext.openPage('options/index.html');
  await options
    .getByRole('textbox', { name: 'Configuration JSON' })
    .fill(JSON.stringify(validConfig, null, 2));
  await options.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(options.getByRole('status').filter({ hasText: /imported/i })).toBeVisible();
  await expect(bar(page)).toContainText('Demo PBX Europe');
  const states = bar(page).getByRole('combobox', { name: 'Agent state' });
  await expect(states.locator('option', { hasText: 'Formazione' })).toHaveCount(1);
});

test('a malformed configuration names the bad field and keeps the old configuration', async ({
  crm,
  ext,
}) => {
  const page = await crm('/index.html');
  await expect(bar(page)).toContainText('Demo PBX');
  const options = await ext.openPage('options/index.html');
  const bad = {
    ...validConfig,
    activeProfile: 'sales',
    defaultRegion: 'XX',
    profiles: [{ id: 'demo', vendor: 'demo', label: 'Demo PBX', settings: { answerDelayMs: 'soon' } }],
  };
  await options.getByRole('textbox', { name: 'Configuration JSON' }).fill(JSON.stringify(bad));
  await options.getByRole('button', { name: 'Import', exact: true }).click();
  const alert = options.getByRole('alert');
  await expect(alert).toContainText('activeProfile');
  await expect(alert).toContainText('defaultRegion');
  await expect(alert).toContainText('profiles[0].settings.answerDelayMs');
  // Nothing changed: the hub still runs the old profile and still has the old region.
  await options.reload();
  await expect(options.getByRole('combobox', { name: 'Active profile' })).toHaveValue('demo');
  await expect(options.getByRole('combobox', { name: 'Default region' })).toHaveValue('US');
  await expect(bar(page)).toContainText('Demo PBX');

  // Not even JSON: the error says where.
  await options.getByRole('textbox', { name: 'Configuration JSON' }).fill('{ "profiles": [ }');
  await options.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(options.getByRole('alert')).toContainText(/line 1/i);
});
