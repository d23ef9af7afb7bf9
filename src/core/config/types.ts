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
  /** Format version of the document (`CONFIG_VERSION` once validated). */
  readonly version: number;
  /** The vendor connections the admin set up. */
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
  /** What opens when a call reaches a moment: the caller's record, a search, a frame in the bar. */
  readonly screenPop: readonly ScreenPopRule[];
  /** Which CRM form fields fill themselves from the call, per site. */
  readonly autofill: readonly AutofillRule[];
  /** Notes and disposition after a call, and where finished logs are sent. */
  readonly callLog: CallLogSettings;
}

/** A moment in a call's life that a rule can act on. */
export type CallMoment = 'ringing' | 'answered' | 'ended';

/** One test on a call field; a rule applies when all of its conditions hold. */
export interface RuleCondition {
  /** A call field as in templates, without braces: `direction`, `queue`, `vendor.customerType`. */
  readonly field: string;
  /** The field's text equals this exactly (case-sensitive). */
  readonly equals?: string;
  /** The field's text matches this regular expression (JavaScript syntax, no slashes). */
  readonly matches?: string;
}

/** What a screen-pop does. */
export type ScreenPopAction = 'newTab' | 'reuseTab' | 'focus' | 'popup' | 'frame';

export interface ScreenPopRule {
  /** Unique among the rules; one pop per call per rule id. */
  readonly id: string;
  /** Name shown in the options page. */
  readonly label?: string;
  /** When the rule fires. */
  readonly on: CallMoment;
  /** All must hold; none = every call. */
  readonly conditions: readonly RuleCondition[];
  /** Where the page shows: a new tab, a reused or focused tab, a popup window, or the bar's frame. */
  readonly action: ScreenPopAction;
  /** URL template (`https://crm.example.com/search?phone={e164}`); http(s) only. Not needed by `focus`. */
  readonly url?: string;
  /** Match pattern of the tab to reuse or focus (`reuseTab`, `focus`). */
  readonly tabPattern?: string;
  /** Popup window width in pixels (`popup`). */
  readonly width?: number;
  /** Popup window height in pixels (`popup`). */
  readonly height?: number;
}

/** One form field an autofill rule fills. */
export interface AutofillField {
  /** CSS selector of the input, textarea or select. */
  readonly selector: string;
  /** Text template (`{name}`, `{e164}`, `Call from {number}`); not URL-encoded. */
  readonly value: string;
  /** Replace text already in the field; overrides the rule's `overwrite`. */
  readonly overwrite?: boolean;
}

export interface AutofillRule {
  /** Unique among the autofill rules. */
  readonly id: string;
  /** Name shown in the options page. */
  readonly label?: string;
  /** Match pattern of the pages whose form it fills. */
  readonly match: string;
  /** When it fills by itself; `manual` = only from the bar's "Fill form" button. */
  readonly on: CallMoment | 'manual';
  /** All must hold; none = every call. */
  readonly conditions: readonly RuleCondition[];
  /** Replace text already in a field (default false: only empty fields are filled). */
  readonly overwrite: boolean;
  /** The form fields it fills, in order. */
  readonly fields: readonly AutofillField[];
}

export interface CallLogSettings {
  /** The bar offers notes and a disposition when a call ends; false saves the log at once. */
  readonly prompt: boolean;
  /** Dispositions the agent picks from; empty = notes only. */
  readonly dispositions: readonly string[];
  /** Where each finished log is POSTed as JSON. */
  readonly webhook?: WebhookSettings;
}

export interface WebhookSettings {
  /** https (http only for 127.0.0.1 and localhost). */
  readonly url: string;
  /** Extra request headers, e.g. Authorization; kept in the worker only. */
  readonly headers: Readonly<Record<string, string>>;
  /** First retry delay after a failed POST, doubled on each failure up to `retryMaxMs`. */
  readonly retryBaseMs: number;
  /** Longest delay between retries, at least `retryBaseMs`. */
  readonly retryMaxMs: number;
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
  /** What a profile's `vendor` names. */
  readonly id: string;
  /** Name shown to admins. */
  readonly label: string;
  /** Validates a profile's `settings` and applies the defaults. */
  readonly settingsSchema: GenericSchema<unknown, unknown>;
}
