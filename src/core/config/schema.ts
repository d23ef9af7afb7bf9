import * as v from 'valibot';
import { isRegion, type Region } from '../phone/number';
import { DEFAULT_REGION } from './defaults';
import { matchPatternSchema, nonEmptyText, plainObject, selectorSchema } from './schema-parts';
import { worded } from './valibot-issues';
import { quote } from './wording';

/** Top-level fields of a configuration document, in the order the README documents them. */
export const TOP_LEVEL_FIELDS = [
  'version',
  'profiles',
  'activeProfile',
  'defaultRegion',
  'sites',
  'screenPop',
  'autofill',
  'callLog',
] as const;

/** Fields of one profile. */
export const PROFILE_FIELDS = ['id', 'vendor', 'label', 'settings'] as const;

/** Fields of `sites`. */
export const SITES_FIELDS = ['allow', 'block', 'exclude'] as const;

/** Fields of one `sites.exclude` entry. */
export const EXCLUSION_FIELDS = ['match', 'selectors'] as const;

const PROFILE_EXAMPLE = '{ "id": "demo", "vendor": "demo", "label": "Demo PBX", "settings": {} }';

/** A region code libphonenumber knows, upper case. */
export const regionSchema = v.pipe(
  v.string(),
  v.check(
    (code) => isRegion(code),
    worded((issue) => {
      const input = String(issue.input);
      const upper = input.toUpperCase();
      const hint =
        upper !== input && isRegion(upper) ? `region codes are upper case: use ${quote(upper)}` : '';
      return `${quote(input)} is not a region code; ${hint || 'use an ISO 3166 code such as "US", "GB" or "IT"'}`;
    }),
  ),
  v.transform((code) => code as Region),
);

/** One profile, before its settings meet the vendor's schema. */
export const profileSchema = v.pipe(
  plainObject(`write a profile such as ${PROFILE_EXAMPLE}`),
  v.object({
    id: nonEmptyText('"id": "sales"'),
    vendor: nonEmptyText('"vendor": "demo"'),
    label: nonEmptyText('"label": "Sales PBX"'),
    settings: v.optional(plainObject('write the vendor settings as an object, or {} for the defaults'), {}),
  }),
);

export const exclusionSchema = v.pipe(
  plainObject('write it as { "match": "https://crm.example.com/*", "selectors": [".invoice-table"] }'),
  v.object({
    match: matchPatternSchema,
    selectors: v.array(selectorSchema('".invoice-table"', '"#order-id"')),
  }),
);

export const sitesSchema = v.pipe(
  plainObject('write it as { "allow": [...], "block": [...], "exclude": [...] }'),
  v.object({
    allow: v.optional(v.array(matchPatternSchema), []),
    block: v.optional(v.array(matchPatternSchema), []),
    exclude: v.optional(v.array(exclusionSchema), []),
  }),
);

/**
 * The document's own structure; cross-field rules and vendor settings are checked in `validate.ts`, the
 * rule lists and `callLog` by their own files (`screen-pop-schema.ts`, `autofill-schema.ts`,
 * `call-log-schema.ts`).
 */
export const documentSchema = v.object({
  version: v.optional(v.number()),
  profiles: v.pipe(
    v.array(profileSchema),
    v.minLength(1, worded(`the list is empty; add at least one profile, e.g. ${PROFILE_EXAMPLE}`)),
  ),
  activeProfile: v.optional(nonEmptyText('"activeProfile": "demo"')),
  defaultRegion: v.optional(regionSchema, DEFAULT_REGION),
  sites: v.optional(sitesSchema, { allow: [], block: [], exclude: [] }),
});

export type ParsedDocument = v.InferOutput<typeof documentSchema>;
