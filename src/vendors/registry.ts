import type { VendorDefinition } from './contract';
import { demoVendor } from './demo';
import { tegsoftVendor } from './tegsoft';
import { ucsVendor } from './ucs';
import { xcallyVendor } from './xcally';

/** Every vendor this build can connect. A new vendor is one folder and one line here. */
export const vendorDefinitions: readonly VendorDefinition[] = [
  demoVendor as VendorDefinition,
  tegsoftVendor as VendorDefinition,
  xcallyVendor as VendorDefinition,
  ucsVendor as VendorDefinition,
];

export function findVendor(id: string): VendorDefinition | undefined {
  return vendorDefinitions.find((vendor) => vendor.id === id);
}
