import type { VendorDefinition } from '../contract';
import { UcsAdapter } from './adapter';
import { ucsSettingsForm } from './form';
import { type UcsSettings, ucsSettingsSchema } from './settings';

/** UCS's agent bar bundle, run headless in Softbar's sandboxed page and driven through window.ucsOperator. */
export const ucsVendor: VendorDefinition<UcsSettings> = {
  id: 'ucs',
  label: 'UCS',
  settingsSchema: ucsSettingsSchema,
  create: (settings, ctx) => new UcsAdapter(settings, ctx),
  settingsForm: ucsSettingsForm,
};
