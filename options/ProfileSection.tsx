import { useSignal } from '@preact/signals';
import type { ConfigView } from '../src/messaging/protocol';
import { ConnectionTest, type TestOutcome } from './ConnectionTest';
import { ProblemAlert, problemIn } from './IssueList';
import { isLocked, LockNote } from './LockNote';
import {
  type FieldValue,
  fieldValue,
  formOf,
  issuesAt,
  type ProfileEdits,
  profileFromForm,
  profilePath,
  settingPath,
} from './profile-form';
import { SettingInput } from './SettingInput';
import { busy, clearProblem, reportProblem, updateConfiguration } from './state';

/** The picker's value for "New profile" (no saved id can be empty). */
const NEW = '';
const NOT_SAVED = 'The profile was not saved; the profile in force is unchanged.';

/** A settings key as an element id: keys are the vendor's and may hold any character. */
const fieldId = (key: string) => `profile-setting-${key.replace(/[^\w-]/g, '_')}`;

/**
 * One vendor profile at a time: its id, label and vendor, then the vendor's settings as its
 * `settingsForm` asks for them (or as JSON). Saving upserts the profile by id; "Test connection" tries
 * the form's settings as they are, saved or not.
 */
export function ProfileSection({ view }: { view: ConfigView }) {
  const { config, vendors } = view;
  const locked = isLocked(view.locked, 'profiles');
  const initial = config.profiles.some((profile) => profile.id === config.activeProfile)
    ? config.activeProfile
    : (config.profiles[0]?.id ?? NEW);
  const picked = useSignal(initial);
  const edits = useSignal<ProfileEdits>({});
  const outcome = useSignal<TestOutcome | undefined>(undefined);

  const index = config.profiles.findIndex((profile) => profile.id === picked.value);
  const saved = index === -1 ? undefined : config.profiles[index];
  const slot = { saved, index: saved ? index : config.profiles.length };
  const form = formOf(saved, edits.value, vendors[0]?.id ?? '');
  const vendor = vendors.find((candidate) => candidate.id === form.vendor);
  const fields = vendor?.settingsForm;

  const issues = problemIn('profile')?.issues ?? [];
  const messagesAt = (path: string) => issuesAt(issues, path).map((issue) => issue.message);

  const edit = (change: ProfileEdits) => {
    edits.value = { ...edits.value, ...change };
    // A result is about the settings it tried; once they change it would mislead.
    outcome.value = undefined;
  };
  const setValue = (key: string, value: FieldValue) => edit({ values: { ...form.values, [key]: value } });

  const pick = (id: string) => {
    picked.value = id;
    edits.value = {};
    outcome.value = undefined;
    clearProblem('profile');
  };

  const save = async () => {
    const draft = profileFromForm(form, fields, slot, config.profiles);
    if (!draft.ok) {
      reportProblem('profile', NOT_SAVED, draft.problems);
      return;
    }
    if (await updateConfiguration({ profile: draft.profile })) {
      picked.value = draft.profile.id;
      edits.value = {};
    }
  };

  const vendorLabel = (id: string) => vendors.find((candidate) => candidate.id === id)?.label ?? id;
  /** Accessibility attributes and the error line of one of the profile's own fields. */
  const own = (key: 'id' | 'label' | 'vendor', help: string) => {
    const errors = messagesAt(profilePath(slot.index, key));
    return {
      errors,
      aria: {
        'aria-invalid': errors.length > 0 ? ('true' as const) : undefined,
        'aria-describedby': [help, errors.length > 0 ? `profile-${key}-error` : ''].join(' ').trim(),
      },
    };
  };
  const id = own('id', 'profile-id-help');
  const label = own('label', 'profile-label-help');
  const vendorField = own('vendor', 'profile-vendor-help');
  const settingsErrors = issues
    .filter((issue) => issue.path === settingPath(slot.index))
    .map((issue) => issue.message);

  return (
    <section class="op-card" aria-labelledby="profile-title">
      <h2 id="profile-title">Vendor profile</h2>
      <p class="op-help">
        The phone system Softbar connects to and how. Pick a profile to change it, or add a new one; choose
        which one is used under "Active profile".
      </p>
      <div class="op-field">
        <label for="profile-pick">Profile</label>
        <select
          id="profile-pick"
          value={saved ? saved.id : NEW}
          onChange={(event) => pick(event.currentTarget.value)}
        >
          {config.profiles.map((profile) => (
            <option key={profile.id} value={profile.id}>
              {profile.label} ({vendorLabel(profile.vendor)})
            </option>
          ))}
          {!locked && <option value={NEW}>New profile</option>}
        </select>
      </div>
      {locked && <LockNote id="profile-lock" />}
      <form
        class="op-form"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <fieldset class="op-plain" disabled={locked}>
          <div class="op-field">
            <label for="profile-id">Id</label>
            <input
              id="profile-id"
              class="op-input op-input-short"
              type="text"
              spellcheck={false}
              autocomplete="off"
              readOnly={saved !== undefined}
              value={form.id}
              onInput={(event) => edit({ id: event.currentTarget.value })}
              {...id.aria}
            />
            <p class="op-help" id="profile-id-help">
              {saved
                ? 'Fixed once saved: "Active profile" and exported configurations refer to it.'
                : 'A short unique name, e.g. tegsoft-eu; "Active profile" refers to it.'}
            </p>
            {id.errors.length > 0 && (
              <p class="op-field-error" id="profile-id-error">
                {id.errors.join('; ')}
              </p>
            )}
          </div>
          <div class="op-field">
            <label for="profile-label">Label</label>
            <input
              id="profile-label"
              class="op-input"
              type="text"
              autocomplete="off"
              value={form.label}
              onInput={(event) => edit({ label: event.currentTarget.value })}
              {...label.aria}
            />
            <p class="op-help" id="profile-label-help">
              Shown in the bar ("Tegsoft · Connected") and on this page.
            </p>
            {label.errors.length > 0 && (
              <p class="op-field-error" id="profile-label-error">
                {label.errors.join('; ')}
              </p>
            )}
          </div>
          <div class="op-field">
            <label for="profile-vendor">Vendor</label>
            <select
              id="profile-vendor"
              value={form.vendor}
              onChange={(event) => edit({ vendor: event.currentTarget.value, values: {}, json: undefined })}
              {...vendorField.aria}
            >
              {!vendor && <option value={form.vendor}>{form.vendor}</option>}
              {vendors.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.label}
                </option>
              ))}
            </select>
            <p class="op-help" id="profile-vendor-help">
              Changing the vendor starts its settings afresh.
            </p>
            {vendorField.errors.length > 0 && (
              <p class="op-field-error" id="profile-vendor-error">
                {vendorField.errors.join('; ')}
              </p>
            )}
          </div>
          <fieldset class="op-fieldset">
            <legend>{vendor?.label ?? form.vendor} settings</legend>
            {settingsErrors.length > 0 && <p class="op-field-error">{settingsErrors.join('; ')}</p>}
            {fields ? (
              fields.map((field) => (
                <SettingInput
                  key={`${saved?.id ?? NEW}:${form.vendor}:${field.key}`}
                  field={field}
                  id={fieldId(field.key)}
                  value={fieldValue(field, form)}
                  errors={messagesAt(settingPath(slot.index, field.key))}
                  onChange={(value) => setValue(field.key, value)}
                />
              ))
            ) : (
              <div class="op-field op-field-top">
                <label for="profile-settings-json">Settings JSON</label>
                <textarea
                  id="profile-settings-json"
                  class="op-code op-code-small"
                  rows={Math.min(16, Math.max(4, form.json.split('\n').length + 1))}
                  spellcheck={false}
                  autocomplete="off"
                  value={form.json}
                  onInput={(event) => edit({ json: event.currentTarget.value })}
                  aria-invalid={settingsErrors.length > 0 ? 'true' : undefined}
                  aria-describedby="profile-settings-json-help"
                />
                <p class="op-help" id="profile-settings-json-help">
                  This vendor's settings as a JSON object; see its documentation for the names.
                </p>
              </div>
            )}
          </fieldset>
        </fieldset>
        {/* Outside the locked fieldset: a policy's profile can still be tested. */}
        <div class="op-actions op-profile-actions">
          {!locked && (
            <button type="submit" class="op-btn op-btn-primary" disabled={busy.value}>
              Save profile
            </button>
          )}
          <ConnectionTest form={form} fields={fields} slot={slot} outcome={outcome} />
        </div>
      </form>
      <ProblemAlert section="profile" />
    </section>
  );
}
