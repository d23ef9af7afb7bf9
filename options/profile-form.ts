import { formatPath } from '../src/core/config/paths';
import type { ConfigIssue, Profile } from '../src/core/config/types';
import type { SettingsField } from '../src/vendors/settings-form';
import { parseDraft, prettyJson } from './json-draft';

/** A field's value as the form holds it: text for inputs and textareas, a flag for checkboxes. */
export type FieldValue = string | boolean;

/** What the admin changed in the profile form; everything else shows the saved profile. */
export interface ProfileEdits {
  /** The id of a new profile (a saved profile's id is fixed). */
  readonly id?: string;
  /** The name shown in the bar and this page. */
  readonly label?: string;
  /** The vendor adapter; changing it starts the settings afresh. */
  readonly vendor?: string;
  /** Descriptor fields the admin touched, by settings key. */
  readonly values?: Readonly<Record<string, FieldValue>>;
  /** The "Settings JSON" text, for vendors without a settings form, once typed in. */
  readonly json?: string;
}

/** The profile form as shown: the saved profile (if any) under the admin's edits. */
export interface ProfileForm {
  /** The profile's id. */
  readonly id: string;
  /** The profile's label. */
  readonly label: string;
  /** The vendor the settings are for. */
  readonly vendor: string;
  /** Settings the fields start from: the saved ones while the vendor is unchanged, else none. */
  readonly base: Readonly<Record<string, unknown>>;
  /** Descriptor fields the admin touched. */
  readonly values: Readonly<Record<string, FieldValue>>;
  /** The "Settings JSON" text. */
  readonly json: string;
}

/** Where the profile sits in `profiles` once saved: its own index, or the end for a new one. */
export interface ProfileSlot {
  /** The saved profile being edited; undefined for a new one. */
  readonly saved: Profile | undefined;
  /** Its index in `profiles` (the hub's issue paths use it). */
  readonly index: number;
}

/** The form as shown for `saved` (undefined: a new profile) under the admin's `edits`. */
export function formOf(saved: Profile | undefined, edits: ProfileEdits, defaultVendor: string): ProfileForm {
  const vendor = edits.vendor ?? saved?.vendor ?? defaultVendor;
  const base = saved && saved.vendor === vendor ? saved.settings : {};
  return {
    id: saved?.id ?? edits.id ?? '',
    label: edits.label ?? saved?.label ?? '',
    vendor,
    base,
    values: edits.values ?? {},
    json: edits.json ?? prettyJson(base),
  };
}

const asText = (value: unknown): string => {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
};

/**
 * The value a field shows: the admin's edit, else the saved setting in the field's own shape. A boolean
 * the settings do not hold is `undefined`: unchecked on screen, and left to the vendor's default.
 */
export function fieldValue(field: SettingsField, form: ProfileForm): FieldValue | undefined {
  const edited = form.values[field.key];
  if (edited !== undefined) return edited;
  const saved = form.base[field.key];
  switch (field.type) {
    case 'boolean':
      return typeof saved === 'boolean' ? saved : undefined;
    case 'list':
      return Array.isArray(saved) ? saved.map(asText).join('\n') : asText(saved);
    case 'json':
      return saved === undefined ? '' : prettyJson(saved);
    default:
      return asText(saved);
  }
}

/** The path the hub names a setting by: `profiles[2].settings.hostname`. */
export const settingPath = (index: number, key?: string) =>
  formatPath(key === undefined ? ['profiles', index, 'settings'] : ['profiles', index, 'settings', key]);

/** The path of one of the profile's own fields: `profiles[2].label`. */
export const profilePath = (index: number, key: 'id' | 'label' | 'vendor') =>
  formatPath(['profiles', index, key]);

/** Issues about `path` or anything inside it (`profiles[0].settings.layout.width` is about `layout`). */
export const issuesAt = (issues: readonly ConfigIssue[], path: string): ConfigIssue[] =>
  issues.filter(
    (issue) => issue.path === path || issue.path.startsWith(`${path}.`) || issue.path.startsWith(`${path}[`),
  );

type Read = { readonly value?: unknown } | { readonly problem: string };

/**
 * One field's setting, or why it cannot be sent. Empty means "not set": left out, so the vendor's
 * default applies and the hub, not this page, says whether the field is required.
 */
function readField(field: SettingsField, value: FieldValue | undefined): Read {
  if (field.type === 'boolean') return { value: typeof value === 'boolean' ? value : undefined };
  const text = typeof value === 'string' ? value : '';
  // A secret is taken as typed: a password may begin or end with a space.
  if (field.type === 'secret') return { value: text === '' ? undefined : text };
  const trimmed = text.trim();
  if (trimmed === '') return {};
  switch (field.type) {
    case 'number': {
      const number = Number(trimmed);
      return Number.isFinite(number)
        ? { value: number }
        : { problem: `"${trimmed}" is not a number; write digits only, e.g. 30` };
    }
    case 'list': {
      const items = text
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '');
      return { value: items };
    }
    case 'json': {
      const parsed = parseDraft(text, 'leave it empty for the default');
      return parsed.ok ? { value: parsed.value } : { problem: parsed.error };
    }
    default:
      return { value: trimmed };
  }
}

export type SettingsDraft =
  | { readonly ok: true; readonly settings: Record<string, unknown> }
  | { readonly ok: false; readonly problems: readonly ConfigIssue[] };

/**
 * The settings the form describes, for the hub to validate. Settings the form has no field for are kept
 * while the vendor is unchanged (a descriptor need not cover every nested option); only what the page can
 * judge by itself is checked here: numbers and JSON.
 */
export function settingsFromForm(
  form: ProfileForm,
  fields: readonly SettingsField[] | undefined,
  index: number,
): SettingsDraft {
  if (!fields) {
    const parsed = parseDraft(form.json, 'write {} for no settings');
    if (!parsed.ok) return { ok: false, problems: [{ path: settingPath(index), message: parsed.error }] };
    if (typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value)) {
      return {
        ok: false,
        problems: [{ path: settingPath(index), message: 'must be a JSON object: { "name": value, … }' }],
      };
    }
    return { ok: true, settings: parsed.value as Record<string, unknown> };
  }
  const keys = new Set(fields.map((field) => field.key));
  const settings: Record<string, unknown> = Object.fromEntries(
    Object.entries(form.base).filter(([key]) => !keys.has(key)),
  );
  const problems: ConfigIssue[] = [];
  for (const field of fields) {
    const read = readField(field, fieldValue(field, form));
    if ('problem' in read) problems.push({ path: settingPath(index, field.key), message: read.problem });
    else if (read.value !== undefined) settings[field.key] = read.value;
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, settings };
}

export type ProfileDraft =
  | { readonly ok: true; readonly profile: Profile }
  | { readonly ok: false; readonly problems: readonly ConfigIssue[] };

/**
 * The profile to upsert. A new profile may not take an id already in use: the hub would replace that
 * profile with it, silently.
 */
export function profileFromForm(
  form: ProfileForm,
  fields: readonly SettingsField[] | undefined,
  slot: ProfileSlot,
  profiles: readonly Profile[],
): ProfileDraft {
  const problems: ConfigIssue[] = [];
  const id = form.id.trim();
  const taken = slot.saved ? undefined : profiles.find((profile) => profile.id === id);
  if (taken) {
    problems.push({
      path: profilePath(slot.index, 'id'),
      message: `"${id}" is already the id of "${taken.label}"; choose another id, or pick that profile to edit it`,
    });
  }
  const settings = settingsFromForm(form, fields, slot.index);
  if (!settings.ok) problems.push(...settings.problems);
  if (!settings.ok || problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    profile: { id, label: form.label.trim(), vendor: form.vendor, settings: settings.settings },
  };
}
