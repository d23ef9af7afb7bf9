import type { VendorDefinition } from '../contract';
import { XcallyAdapter } from './adapter';
import { xcallySettingsForm } from './form';
import { type XcallySettings, xcallySettingsSchema } from './settings';

/** xCALLY Shuttle's realtime server over socket.io, with the agent's Phonebar for call control. */
export const xcallyVendor: VendorDefinition<XcallySettings> = {
  id: 'xcally',
  label: 'xCALLY',
  settingsSchema: xcallySettingsSchema,
  create: (settings, ctx) => new XcallyAdapter(settings, ctx),
  settingsForm: xcallySettingsForm,
};
