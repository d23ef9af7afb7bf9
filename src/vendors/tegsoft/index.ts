import type { VendorDefinition } from '../contract';
import { TegsoftAdapter } from './adapter';
import { tegsoftSettingsForm } from './form';
import { type TegsoftSettings, tegsoftSettingsSchema } from './settings';

/** Tegsoft's widget in a frame, driven by its postMessage actions and events. */
export const tegsoftVendor: VendorDefinition<TegsoftSettings> = {
  id: 'tegsoft',
  label: 'Tegsoft',
  settingsSchema: tegsoftSettingsSchema,
  create: (settings, ctx) => new TegsoftAdapter(settings, ctx),
  settingsForm: tegsoftSettingsForm,
};
