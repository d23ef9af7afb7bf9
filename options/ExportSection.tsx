import { useSignal } from '@preact/signals';
import type { SoftbarConfig } from '../src/core/config/types';
import { downloadText } from './download';

export const EXPORT_FILE_NAME = 'softbar-configuration.json';

/** Download the configuration in force as a document that imports back as it is. */
export function ExportSection({ config }: { config: SoftbarConfig }) {
  const shown = useSignal<string | undefined>(undefined);

  const exportNow = () => {
    const text = `${JSON.stringify(config, null, 2)}\n`;
    shown.value = text;
    downloadText(text, EXPORT_FILE_NAME);
  };

  return (
    <section class="op-card" aria-labelledby="export-title">
      <h2 id="export-title">Export</h2>
      <p class="op-help">
        Saves the configuration in force as {EXPORT_FILE_NAME}. It includes the profiles' settings,
        credentials too: keep the file safe.
      </p>
      <div class="op-actions">
        <button type="button" class="op-btn" onClick={exportNow}>
          Export configuration
        </button>
      </div>
      {shown.value !== undefined && (
        <>
          <label for="export-json">Exported configuration</label>
          <textarea
            id="export-json"
            class="op-code"
            rows={14}
            readOnly
            spellcheck={false}
            value={shown.value}
          />
        </>
      )}
    </section>
  );
}
