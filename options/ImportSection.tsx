import { useSignal } from '@preact/signals';
import { ProblemAlert } from './IssueList';
import { busy, importConfiguration } from './state';

/** Import a whole configuration document, pasted or from a file; every problem is listed with its fix. */
export function ImportSection({ locked }: { locked: readonly string[] }) {
  const draft = useSignal('');

  const importText = (text: string) => void importConfiguration(text);

  const onFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    const text = await file.text();
    input.value = ''; // choosing the same file again imports it again
    draft.value = text;
    importText(text);
  };

  return (
    <section class="op-card" aria-labelledby="import-title">
      <h2 id="import-title">Import configuration</h2>
      <p class="op-help">
        Paste a configuration document (JSON) or load a .json file. It replaces the whole configuration once
        it validates; if anything is wrong, nothing changes and every problem is listed below.
      </p>
      {locked.length > 0 && (
        <p class="op-lock">
          <span aria-hidden="true">🔒 </span>
          Set by your organization's policy, and kept whatever the document says: {locked.join(', ')}.
        </p>
      )}
      <form
        class="op-import"
        onSubmit={(event) => {
          event.preventDefault();
          importText(draft.value);
        }}
      >
        <label for="import-json">Configuration JSON</label>
        <textarea
          id="import-json"
          class="op-code"
          rows={14}
          spellcheck={false}
          autocomplete="off"
          placeholder={
            '{\n  "profiles": [{ "id": "demo", "vendor": "demo", "label": "Demo PBX", "settings": {} }],\n  "activeProfile": "demo",\n  "defaultRegion": "US"\n}'
          }
          value={draft.value}
          onInput={(event) => {
            draft.value = event.currentTarget.value;
          }}
        />
        <div class="op-actions">
          <button type="submit" class="op-btn op-btn-primary" disabled={busy.value}>
            Import
          </button>
          <label class="op-btn op-file" for="import-file">
            Import from file
          </label>
          <input
            id="import-file"
            class="op-file-input"
            type="file"
            accept=".json,application/json"
            disabled={busy.value}
            onChange={(event) => void onFile(event.currentTarget)}
          />
        </div>
      </form>
      <ProblemAlert section="import" />
    </section>
  );
}
