import * as v from 'valibot';
import type { ConfigIssue, ConfigResult, ConfigVendor, SoftbarConfig } from '../../../src/core/config/types';
import { validateConfig } from '../../../src/core/config/validate';
import { demoSettingsSchema } from '../../../src/vendors/demo/settings';

export const demoVendor: ConfigVendor = { id: 'demo', label: 'Demo PBX', settingsSchema: demoSettingsSchema };

/** A second vendor with a required setting, to test per-vendor settings. */
export const urlVendor: ConfigVendor = {
  id: 'xcally',
  label: 'xCALLY Motion',
  settingsSchema: v.object({
    serverUrl: v.pipe(v.string(), v.url('write the server address, e.g. "https://pbx.example.com"')),
    username: v.string(),
  }),
};

export const vendors: readonly ConfigVendor[] = [demoVendor, urlVendor];

export function expectOk(result: ConfigResult): SoftbarConfig {
  if (!result.ok)
    throw new Error(`expected a valid configuration, got:\n${JSON.stringify(result.issues, null, 2)}`);
  return result.config;
}

export function expectIssues(result: ConfigResult): readonly ConfigIssue[] {
  if (result.ok)
    throw new Error(`expected issues, got a valid configuration: ${JSON.stringify(result.config)}`);
  return result.issues;
}

/** The one issue at `path` (fails when there is none or several). */
export function issueAt(issues: readonly ConfigIssue[], path: string): ConfigIssue {
  const found = issues.filter((issue) => issue.path === path);
  if (found.length !== 1) {
    throw new Error(
      `expected one issue at ${path}, got ${found.length}:\n${JSON.stringify(issues, null, 2)}`,
    );
  }
  return found[0]!;
}

/** The smallest valid document; tests add the section they check. */
export const minimalDocument = { profiles: [{ id: 'demo', vendor: 'demo', label: 'Demo' }] } as const;

/** The issues of the smallest document with `sections` added (fails when it validates). */
export function issuesWith(sections: Readonly<Record<string, unknown>>): readonly ConfigIssue[] {
  return expectIssues(validateConfig({ ...minimalDocument, ...sections }, vendors));
}

/** The configuration read from the smallest document with `sections` added (fails when it does not validate). */
export function configWith(sections: Readonly<Record<string, unknown>>): SoftbarConfig {
  return expectOk(validateConfig({ ...minimalDocument, ...sections }, vendors));
}
