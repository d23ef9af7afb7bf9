import type { CallDirection } from '../src/core/call';
import { defaultSampleInput, type SampleInput, sample, sampleInput } from './sample';

const edit = (change: Partial<SampleInput>) => {
  sampleInput.value = { ...sampleInput.value, ...change };
};

/** The made-up call the rules are tried on; every change updates the previews at once. */
export function SampleCallForm() {
  const input = sampleInput.value;
  const { call, vendorError } = sample.value;
  return (
    <fieldset class="op-fieldset">
      <legend>Sample call</legend>
      <div class="op-field">
        <label for="sample-number">Number</label>
        <input
          id="sample-number"
          class="op-input"
          type="text"
          value={input.number}
          aria-describedby="sample-number-help"
          onInput={(event) => edit({ number: event.currentTarget.value })}
        />
        <p class="op-help" id="sample-number-help">
          Read with the default region: {'{e164}'} = <code>{call.remoteE164 ?? '(does not parse)'}</code>,{' '}
          {'{national}'} = <code>{call.remoteNational ?? '(does not parse)'}</code>
        </p>
      </div>
      <div class="op-field">
        <label for="sample-name">Name</label>
        <input
          id="sample-name"
          class="op-input"
          type="text"
          value={input.name}
          onInput={(event) => edit({ name: event.currentTarget.value })}
        />
      </div>
      <div class="op-field">
        <label for="sample-queue">Queue</label>
        <input
          id="sample-queue"
          class="op-input"
          type="text"
          value={input.queue}
          onInput={(event) => edit({ queue: event.currentTarget.value })}
        />
      </div>
      <div class="op-field">
        <label for="sample-direction">Direction</label>
        <select
          id="sample-direction"
          value={input.direction}
          onChange={(event) => edit({ direction: event.currentTarget.value as CallDirection })}
        >
          <option value="inbound">Inbound</option>
          <option value="outbound">Outbound</option>
        </select>
      </div>
      <div class="op-field op-field-top">
        <label for="sample-vendor">Vendor fields (JSON)</label>
        <textarea
          id="sample-vendor"
          class="op-code op-code-small"
          rows={4}
          spellcheck={false}
          autocomplete="off"
          value={input.vendorJson}
          aria-invalid={vendorError ? 'true' : undefined}
          aria-describedby={vendorError ? 'sample-vendor-error' : 'sample-vendor-help'}
          onInput={(event) => edit({ vendorJson: event.currentTarget.value })}
        />
        {vendorError ? (
          <p class="op-field-error" id="sample-vendor-error">
            {vendorError} The sample call has no vendor fields until this is fixed.
          </p>
        ) : (
          <p class="op-help" id="sample-vendor-help">
            Raw fields and CTI variables, used as {'{vendor.FIELD}'}.
          </p>
        )}
      </div>
      <div class="op-actions">
        <button
          type="button"
          class="op-btn"
          onClick={() => {
            sampleInput.value = defaultSampleInput();
          }}
        >
          Reset sample call
        </button>
      </div>
    </fieldset>
  );
}
