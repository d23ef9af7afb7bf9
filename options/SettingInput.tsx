import { useSignal } from '@preact/signals';
import type { SettingsField } from '../src/vendors/settings-form';
import type { FieldValue } from './profile-form';

interface Props {
  /** How to ask for the setting (from the vendor's `settingsForm`). */
  readonly field: SettingsField;
  /** The control's id; its help, warning and error lines are `${id}-help`, `-warning`, `-error`. */
  readonly id: string;
  /** The value shown; undefined: a checkbox the settings leave to the vendor's default. */
  readonly value: FieldValue | undefined;
  /** What the hub or the page found wrong with this setting, if anything. */
  readonly errors: readonly string[];
  /** The admin changed the value. */
  readonly onChange: (value: FieldValue) => void;
}

/** One vendor setting as a labelled control, with its help, its warning and its errors underneath. */
export function SettingInput({ field, id, value, errors, onChange }: Props) {
  const notes = [
    field.help ? `${id}-help` : undefined,
    field.warning ? `${id}-warning` : undefined,
    errors.length > 0 ? `${id}-error` : undefined,
  ].filter(Boolean);
  const aria = {
    'aria-invalid': errors.length > 0 ? ('true' as const) : undefined,
    'aria-describedby': notes.join(' ') || undefined,
  };
  const text = typeof value === 'string' ? value : '';
  const onText = (event: { currentTarget: { value: string } }) => onChange(event.currentTarget.value);

  const lines = (
    <>
      {field.help && (
        <p class="op-help" id={`${id}-help`}>
          {field.help}
        </p>
      )}
      {field.warning && (
        <p class="op-warning" id={`${id}-warning`}>
          <span aria-hidden="true">⚠ </span>
          {field.warning}
        </p>
      )}
      {errors.length > 0 && (
        <p class="op-field-error" id={`${id}-error`}>
          {errors.join('; ')}
        </p>
      )}
    </>
  );

  if (field.type === 'boolean') {
    return (
      <div class="op-check">
        <input
          id={id}
          type="checkbox"
          checked={value === true}
          onChange={(event) => onChange(event.currentTarget.checked)}
          {...aria}
        />
        <label for={id}>{field.label}</label>
        {lines}
      </div>
    );
  }

  const multiline = field.type === 'list' || field.type === 'json';
  const single = {
    id,
    class: 'op-input',
    spellcheck: false,
    autocomplete: 'off',
    placeholder: field.placeholder,
    value: text,
    onInput: onText,
    ...aria,
  };
  return (
    <div class={multiline ? 'op-field op-field-top' : 'op-field'}>
      <label for={id}>{field.label}</label>
      {field.type === 'secret' ? (
        <SecretInput
          id={id}
          label={field.label}
          value={text}
          placeholder={field.placeholder}
          aria={aria}
          onInput={onText}
        />
      ) : field.type === 'select' ? (
        <select id={id} class="op-input" value={text} onChange={onText} {...aria}>
          <option value="">(not set)</option>
          {text !== '' && !field.options?.some((option) => option.value === text) && (
            <option value={text}>{text}</option>
          )}
          {field.options?.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      ) : multiline ? (
        <textarea
          id={id}
          class={field.type === 'json' ? 'op-code op-code-small' : 'op-input op-list'}
          rows={Math.min(12, Math.max(3, text.split('\n').length + 1))}
          spellcheck={false}
          autocomplete="off"
          placeholder={field.placeholder}
          value={text}
          onInput={onText}
          {...aria}
        />
      ) : field.type === 'number' ? (
        // Text, not type=number: a number input reads "" for "2e" or "soon", so a typo would be
        // dropped silently instead of named.
        <input type="text" inputMode="decimal" {...single} class="op-input op-input-short" />
      ) : field.type === 'url' ? (
        <input type="url" {...single} />
      ) : (
        <input type="text" {...single} />
      )}
      {lines}
    </div>
  );
}

interface SecretProps {
  /** The input's id. */
  readonly id: string;
  /** The setting's label, for the Show/Hide button's name. */
  readonly label: string;
  /** The secret as typed or saved. */
  readonly value: string;
  /** Placeholder text. */
  readonly placeholder?: string;
  /** Invalid state and descriptions, as the other controls get them. */
  readonly aria: Record<string, string | undefined>;
  /** The admin typed. */
  readonly onInput: (event: { currentTarget: { value: string } }) => void;
}

/** A masked input with a Show/Hide toggle: tokens and passwords stay off screen unless asked for. */
function SecretInput({ id, label, value, placeholder, aria, onInput }: SecretProps) {
  const shown = useSignal(false);
  const input = {
    id,
    class: 'op-input',
    spellcheck: false,
    autocomplete: 'off',
    placeholder,
    value,
    onInput,
    ...aria,
  };
  return (
    <div class="op-secret">
      {/* Same element either way (Preact only changes its type), so the caret and focus stay put. */}
      {shown.value ? <input type="text" {...input} /> : <input type="password" {...input} />}
      <button
        type="button"
        class="op-btn op-btn-small"
        aria-controls={id}
        aria-label={`${shown.value ? 'Hide' : 'Show'} ${label}`}
        onClick={() => {
          shown.value = !shown.value;
        }}
      >
        {shown.value ? 'Hide' : 'Show'}
      </button>
    </div>
  );
}
