import type { Signal } from '@preact/signals';
import { send } from '../src/messaging/client';
import type { SettingsField } from '../src/vendors/settings-form';
import { type ProfileForm, type ProfileSlot, settingsFromForm } from './profile-form';
import { clearProblem, reportProblem } from './state';

/** Where the last "Test connection" stands. */
export type TestOutcome =
  | {
      /** The hub is trying the settings. */
      readonly state: 'testing';
    }
  | {
      /** The hub answered (or could not be asked). */
      readonly state: 'done';
      /** The vendor accepted the settings. */
      readonly ok: boolean;
      /** The hub's words: "Connected to Tegsoft." or what went wrong. */
      readonly message: string;
    };

interface Props {
  /** The profile form as shown, saved or not. */
  readonly form: ProfileForm;
  /** The vendor's settings form; undefined: settings are JSON. */
  readonly fields: readonly SettingsField[] | undefined;
  /** Where the profile sits, for the paths of problems found before testing. */
  readonly slot: ProfileSlot;
  /** The last outcome; the section clears it when the form changes. */
  readonly outcome: Signal<TestOutcome | undefined>;
}

const NOT_TESTED = 'The connection was not tested; fix these settings first.';

/**
 * "Test connection": the hub connects a throwaway session with the form's settings, unsaved, and says
 * how it went. Success is announced politely; a failure is an alert, in the hub's own words.
 */
export function ConnectionTest({ form, fields, slot, outcome }: Props) {
  const current = outcome.value;
  const testing = current?.state === 'testing';

  const run = async () => {
    const draft = settingsFromForm(form, fields, slot.index);
    if (!draft.ok) {
      outcome.value = undefined;
      reportProblem('profile', NOT_TESTED, draft.problems);
      return;
    }
    clearProblem('profile');
    const started: TestOutcome = { state: 'testing' };
    outcome.value = started;
    let done: TestOutcome;
    try {
      const result = await send('testConnection', { vendor: form.vendor, settings: draft.settings });
      done = { state: 'done', ok: result.ok, message: result.message };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      done = { state: 'done', ok: false, message: `The connection could not be tested: ${reason}` };
    }
    // The admin changed the form meanwhile: this answer is about settings no longer shown.
    if (outcome.value === started) outcome.value = done;
  };

  return (
    <>
      <button type="button" class="op-btn" disabled={testing} onClick={() => void run()}>
        Test connection
      </button>
      <p class="op-test-status" role="status">
        {testing ? 'Testing the connection…' : current?.state === 'done' && current.ok ? current.message : ''}
      </p>
      {current?.state === 'done' && !current.ok && (
        <p class="op-alert op-test-failed" role="alert">
          {current.message}
        </p>
      )}
    </>
  );
}
