import type { GenericSchema } from 'valibot';
import type { Region } from '../phone/number';

/** Version of the admin configuration format this build writes. Older documents are migrated forward. */
export const CONFIG_VERSION = 1;

/** CSS selectors whose text phone-number detection skips, on pages matching `match`. */
export interface SiteExclusion {
  /** A URL match pattern, as in `allow` and `block`. */
  readonly match: string;
  /** CSS selectors; text inside a matching element is not scanned. */
  readonly selectors: readonly string[];
}

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
  readonly sites: {
    /** Sites where click-to-dial dials at once; elsewhere it asks first. Empty: every site. */
    readonly allow: readonly string[];
    /** Sites where Softbar does nothing at all (no bar, no scan). Wins over `allow`. */
    readonly block: readonly string[];
    /** Parts of matching pages whose text is never scanned for phone numbers. */
    readonly exclude: readonly SiteExclusion[];
  };
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
