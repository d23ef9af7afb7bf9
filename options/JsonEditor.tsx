import type { Signal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { problemId, problemIn } from './IssueList';
import { parseDraft, prettyJson } from './json-draft';
import { busy, reportProblem, type Section } from './state';

interface Props {
  /** Id of the textarea (its help text is `${id}-help`). */
  readonly id: string;
  /** The textarea's visible label. */
  readonly label: string;
  /** What the value is, for messages: "screen-pop rules". */
  readonly what: string;
  /** The section whose alert shows this editor's problems. */
  readonly section: Section;
  /** The value in force, shown while nothing is typed. */
  readonly saved: unknown;
  /** The unsaved text; cleared once the hub stored it. */
  readonly draft: Signal<string | undefined>;
  /** The submit button's name. */
  readonly saveLabel: string;
  /** A policy sets the value: the editor is read-only. */
  readonly locked: boolean;
  /** Sends the parsed value; true once the hub stored it. */
  readonly onSave: (value: unknown) => Promise<boolean>;
  /** Explains the format, under the label. */
  readonly children?: ComponentChildren;
}

/** A JSON editor for one configuration section: syntax errors are caught here, the rest by the hub. */
export function JsonEditor({
  id,
  label,
  what,
  section,
  saved,
  draft,
  saveLabel,
  locked,
  onSave,
  children,
}: Props) {
  const text = draft.value ?? prettyJson(saved);
  const invalid = problemIn(section) !== undefined;

  const save = async () => {
    const parsed = parseDraft(text, 'write [] for no rules');
    if (!parsed.ok) {
      reportProblem(section, `The ${what} were not saved. ${parsed.error}`);
      return;
    }
    // The hub answers with the stored form (defaults filled in): the editor shows that from now on.
    if (await onSave(parsed.value)) draft.value = undefined;
  };

  return (
    <form
      class="op-import"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <label for={id}>{label}</label>
      <div class="op-help" id={`${id}-help`}>
        {children}
      </div>
      <textarea
        id={id}
        class="op-code"
        rows={Math.min(24, Math.max(6, text.split('\n').length + 1))}
        spellcheck={false}
        autocomplete="off"
        readOnly={locked}
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={invalid ? `${id}-help ${problemId(section)}` : `${id}-help`}
        value={text}
        onInput={(event) => {
          draft.value = event.currentTarget.value;
        }}
      />
      {!locked && (
        <div class="op-actions">
          <button type="submit" class="op-btn op-btn-primary" disabled={busy.value}>
            {saveLabel}
          </button>
          {draft.value !== undefined && <span class="op-muted">Unsaved changes</span>}
        </div>
      )}
    </form>
  );
}
