import type { VendorDefinition } from '../contract';
import { DemoAdapter } from './adapter';
import { type DemoSettings, demoSettingsSchema } from './settings';

/** The embedded default: a simulated PBX inside the extension, no server and no configuration. */
export const demoVendor: VendorDefinition<DemoSettings> = {
  id: 'demo',
  label: 'Demo PBX',
  settingsSchema: demoSettingsSchema,
  create: (settings, ctx) => new DemoAdapter(settings, ctx),
};
