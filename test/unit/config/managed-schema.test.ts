import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AUTOFILL_FIELD_FIELDS, AUTOFILL_FIELDS } from '../../../src/core/config/autofill-schema';
import { CALL_LOG_FIELDS } from '../../../src/core/config/call-log-schema';
import { CONDITION_FIELDS } from '../../../src/core/config/condition-schema';
import { defaultConfig } from '../../../src/core/config/defaults';
import { applyPolicy } from '../../../src/core/config/policy';
import { PROFILE_FIELDS, SITES_FIELDS, TOP_LEVEL_FIELDS } from '../../../src/core/config/schema';
import { SCREEN_POP_FIELDS } from '../../../src/core/config/screen-pop-schema';
import type { ConfigVendor } from '../../../src/core/config/types';
import { validateConfig } from '../../../src/core/config/validate';
import { WEBHOOK_FIELDS } from '../../../src/core/config/webhook-schema';
import { isPlainObject } from '../../../src/core/config/wording';
import { vendorDefinitions } from '../../../src/vendors/registry';

interface ChromeSchema {
  type?: string;
  title?: string;
  description?: string;
  $ref?: string;
  properties?: Record<string, ChromeSchema>;
  additionalProperties?: ChromeSchema;
  patternProperties?: Record<string, ChromeSchema>;
  items?: ChromeSchema;
  minimum?: number;
  maximum?: number;
}

const schema = JSON.parse(
  readFileSync(new URL('../../../managed_schema.json', import.meta.url), 'utf8'),
) as ChromeSchema;
const configuration = schema.properties?.configuration as ChromeSchema;
const profile = configuration.properties?.profiles?.items as ChromeSchema;
const settings = profile.properties?.settings as ChromeSchema;
const screenPopRule = configuration.properties?.screenPop?.items as ChromeSchema;
const autofillRule = configuration.properties?.autofill?.items as ChromeSchema;
const callLog = configuration.properties?.callLog as ChromeSchema;

const CHROME_TYPES = ['null', 'boolean', 'integer', 'number', 'string', 'array', 'object'];

/** Every node of the schema, with its path. */
function* nodes(node: ChromeSchema, path: string): Generator<[string, ChromeSchema]> {
  yield [path, node];
  for (const [key, child] of Object.entries(node.properties ?? {})) yield* nodes(child, `${path}.${key}`);
  for (const [key, child] of Object.entries(node.patternProperties ?? {}))
    yield* nodes(child, `${path}/${key}/`);
  if (node.additionalProperties) yield* nodes(node.additionalProperties, `${path}.*`);
  if (node.items) yield* nodes(node.items, `${path}[]`);
}

/**
 * What Chrome does to a policy value before `storage.managed` serves it (components/policy schema.cc,
 * SCHEMA_ALLOW_UNKNOWN): unknown properties are dropped; a type mismatch anywhere drops the whole policy.
 */
function normalizeLikeChrome(node: ChromeSchema, value: unknown, path = 'configuration'): unknown {
  const typeOf = (v: unknown) =>
    v === null ? 'null' : Array.isArray(v) ? 'array' : Number.isInteger(v) ? 'integer' : typeof v;
  const actual = typeOf(value);
  if (actual !== node.type && !(node.type === 'number' && actual === 'integer')) {
    throw new Error(`${path}: Chrome would drop the policy: expected ${node.type}, got ${actual}`);
  }
  if (node.type === 'integer' && typeof value === 'number') {
    if (
      (node.minimum !== undefined && value < node.minimum) ||
      (node.maximum !== undefined && value > node.maximum)
    ) {
      throw new Error(`${path}: out of range`);
    }
  }
  if (Array.isArray(value))
    return value.map((item, i) => normalizeLikeChrome(node.items ?? {}, item, `${path}[${i}]`));
  if (node.type === 'object' && value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      const childSchema = node.properties?.[key] ?? node.additionalProperties;
      if (childSchema) out[key] = normalizeLikeChrome(childSchema, child, `${path}.${key}`);
    }
    return out;
  }
  return value;
}

/** The JSON type a valibot settings entry produces, roughly (optional and pipes unwrapped). */
function jsonTypeOf(entry: unknown): string {
  let node = entry as { type: string; wrapped?: unknown; pipe?: { type: string }[] };
  while (node.wrapped) node = node.wrapped as typeof node;
  if (node.type === 'number')
    return node.pipe?.some((step) => step.type === 'integer') ? 'integer' : 'number';
  // `plainObject(...)`: a custom check that takes JSON objects only.
  if (node.type === 'custom' && (node as { check?: unknown }).check === isPlainObject) return 'object';
  // A choice of literals (`3 | 4`, `"peer" | "sipname"`) is typed by its values.
  if (node.type === 'union' || node.type === 'picklist') {
    const values = [...((node as { options?: { literal?: unknown }[] | unknown[] }).options ?? [])].map(
      (option) =>
        typeof option === 'object' && option !== null ? (option as { literal?: unknown }).literal : option,
    );
    // `3 | 4 | "3" | "4"`: numbers, with their text forms tolerated in hand-written JSON.
    if (
      values.some((value) => Number.isInteger(value)) &&
      values.every((value) => Number.isInteger(Number(value)))
    )
      return 'integer';
    if (values.every((value) => typeof value === 'string')) return 'string';
    // A union with a branch that takes text (UCS's dialQueue: 12, "12" or "directCall") fits a string policy.
    const options = (node as { options?: { type?: string }[] }).options ?? [];
    if (node.type === 'union' && options.some((option) => option.type === 'string')) return 'string';
  }
  // A strict object names unknown keys instead of dropping them; for Chrome it is an object all the same.
  if (node.type === 'strict_object' || node.type === 'loose_object') return 'object';
  return node.type;
}

describe('managed_schema.json (Chrome policy schema)', () => {
  it('follows Chrome rules: an object at the top without additionalProperties; one type per node', () => {
    expect(schema.type).toBe('object');
    expect(schema.additionalProperties).toBeUndefined();
    expect(schema.patternProperties).toBeUndefined();
    for (const [path, node] of nodes(schema, '')) {
      expect(Number(node.type !== undefined) + Number(node.$ref !== undefined), path).toBe(1);
      if (node.type) expect(CHROME_TYPES, path).toContain(node.type);
    }
  });

  it('describes exactly the document fields', () => {
    expect(Object.keys(configuration.properties ?? {})).toEqual([...TOP_LEVEL_FIELDS]);
    expect(Object.keys(profile.properties ?? {})).toEqual([...PROFILE_FIELDS]);
    expect(Object.keys(configuration.properties?.sites?.properties ?? {})).toEqual([...SITES_FIELDS]);
    expect(Object.keys(screenPopRule.properties ?? {})).toEqual([...SCREEN_POP_FIELDS]);
    expect(Object.keys(screenPopRule.properties?.conditions?.items?.properties ?? {})).toEqual([
      ...CONDITION_FIELDS,
    ]);
    expect(Object.keys(autofillRule.properties ?? {})).toEqual([...AUTOFILL_FIELDS]);
    expect(Object.keys(autofillRule.properties?.conditions?.items?.properties ?? {})).toEqual([
      ...CONDITION_FIELDS,
    ]);
    expect(Object.keys(autofillRule.properties?.fields?.items?.properties ?? {})).toEqual([
      ...AUTOFILL_FIELD_FIELDS,
    ]);
    expect(Object.keys(callLog.properties ?? {})).toEqual([...CALL_LOG_FIELDS]);
    expect(Object.keys(callLog.properties?.webhook?.properties ?? {})).toEqual([...WEBHOOK_FIELDS]);
  });

  it('titles every top-level field and describes every field of the rules and the call log', () => {
    for (const [field, node] of Object.entries(configuration.properties ?? {})) {
      expect(node.title, field).toBeTruthy();
      expect(node.description, field).toBeTruthy();
    }
    const described = [
      ...nodes(screenPopRule, 'screenPop[]'),
      ...nodes(autofillRule, 'autofill[]'),
      ...nodes(callLog, 'callLog'),
    ].filter(([path]) => /\.\w+$/.test(path));
    expect(described.length).toBeGreaterThan(20);
    for (const [path, node] of described) expect(node.description, path).toBeTruthy();
  });

  it('declares every non-text vendor setting with its type (Chrome drops a policy whose types mismatch)', () => {
    for (const vendor of vendorDefinitions as readonly ConfigVendor[]) {
      // A vendor schema may be an object, or a pipe whose object step holds the entries.
      const schema = vendor.settingsSchema as {
        entries?: Record<string, unknown>;
        pipe?: { entries?: Record<string, unknown> }[];
      };
      const entries = schema.entries ?? schema.pipe?.find((step) => step.entries)?.entries ?? {};
      expect(Object.keys(entries).length, `${vendor.id} settings found`).toBeGreaterThan(0);
      for (const [key, entry] of Object.entries(entries)) {
        const type = jsonTypeOf(entry);
        const declared = settings.properties?.[key]?.type ?? settings.additionalProperties?.type;
        expect(declared, `${vendor.id} setting ${key}`).toBe(type);
      }
    }
  });

  it('a full policy configuration survives Chrome unchanged and validates', () => {
    const policy = {
      version: 1,
      profiles: [
        {
          id: 'demo',
          vendor: 'demo',
          label: 'Demo',
          settings: {
            agentName: 'Ann',
            answerDelayMs: 100,
            notReadyReasons: ['Break'],
            afterCallWorkSeconds: 5,
          },
        },
      ],
      activeProfile: 'demo',
      defaultRegion: 'GB',
      sites: { allow: ['https://*.example.com/*'], block: [] },
      screenPop: [
        {
          id: 'contact',
          label: 'Contact record',
          on: 'answered',
          conditions: [{ field: 'direction', equals: 'inbound' }],
          action: 'popup',
          url: 'https://crm.example.com/contacts?phone={e164}',
          width: 1000,
          height: 800,
        },
        {
          id: 'reuse',
          on: 'ringing',
          conditions: [],
          action: 'reuseTab',
          url: 'https://crm.example.com/search?q={e164}',
          tabPattern: 'https://crm.example.com/*',
        },
      ],
      autofill: [
        {
          id: 'case',
          match: 'https://crm.example.com/cases/*',
          on: 'manual',
          conditions: [{ field: 'vendor.tier', matches: '^Gold$' }],
          overwrite: true,
          fields: [{ selector: '#subject', value: 'Call from {name}', overwrite: false }],
        },
      ],
      callLog: {
        prompt: true,
        dispositions: ['Sale'],
        webhook: {
          url: 'https://logs.example.com/calls',
          headers: { Authorization: 'Bearer x' },
          retryBaseMs: 1000,
          retryMaxMs: 60000,
        },
      },
    };
    const served = normalizeLikeChrome(configuration, policy);
    expect(served).toEqual(policy);
    const outcome = applyPolicy(defaultConfig(), served, vendorDefinitions);
    expect(outcome.issues).toEqual([]);
    expect(outcome.locked).toEqual([
      'profiles',
      'activeProfile',
      'defaultRegion',
      'sites',
      'screenPop',
      'autofill',
      'callLog',
    ]);
    expect(outcome.config.screenPop).toEqual(policy.screenPop);
    expect(outcome.config.autofill).toEqual(policy.autofill);
    expect(outcome.config.callLog).toEqual(policy.callLog);
    expect(validateConfig(served, vendorDefinitions).ok).toBe(true);
  });
});
