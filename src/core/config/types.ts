import type { GenericSchema } from 'valibot';
import type { Region } from '../phone';

/** Version of the admin configuration format this build writes. Older documents are migrated forward. */
export const CONFIG_VERSION = 1;

/** One vendor connection an admin set up. */
export interface Profile {
  /** Unique id, referenced by `activeProfile`. */
  readonly id: string;
  /** Which vendor adapter runs it. */
  readonly vendor: string;
  /** Name shown in the options page and the bar. */
  readonly label: string;
  /** Vendor-specific settings, validated by the vendor's own schema. */
  readonly settings: Readonly<Record<string, unknown>>;
}

/** The admin configuration (ARCHITECTURE.md, "Admin configuration format"). */
export interface SoftbarConfig {
  readonly version: number;
  readonly profiles: readonly Profile[];
  /** Id of the profile the hub connects. */
  readonly activeProfile: string;
  /** Region for reading phone numbers written without a country code. */
  readonly defaultRegion: Region;
  /** Sites where the bar and click-to-dial run: URL match patterns. Empty allow = everywhere. */
  readonly sites: { readonly allow: readonly string[]; readonly block: readonly string[] };
  /** Screen-pop rules (issue 4); kept as written until then. */
  readonly screenPop: readonly unknown[];
  /** Autofill rules (issue 4); kept as written until then. */
  readonly autofill: readonly unknown[];
}

/** One problem in an imported document. */
export interface ConfigIssue {
  /** Where, as a path an admin can find: `profiles[0].settings.answerDelayMs`. */
  readonly path: string;
  /** What is wrong and how to fix it. */
  readonly message: string;
}

export type ConfigResult =
  | { readonly ok: true; readonly config: SoftbarConfig }
  | { readonly ok: false; readonly issues: readonly ConfigIssue[] };

/**
 * What configuration validation needs to know about a vendor: a `VendorDefinition` fits. Passed in as a
 * parameter so `src/core` never imports the registry.
 */
export interface ConfigVendor {
  readonly id: string;
  /** Name shown to admins. */
  readonly label: string;
  /** Validates a profile's `settings` and applies the defaults. */
  readonly settingsSchema: GenericSchema<unknown, unknown>;
}
