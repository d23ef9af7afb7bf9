import { useSignal } from '@preact/signals';
import type { ConfigView } from '../src/messaging/protocol';
import {
  type CallLogForm,
  formFromSettings,
  hasHeaderValues,
  maskedHeaders,
  retryPlaceholders,
  settingsFromForm,
} from './call-log-form';
import { ProblemAlert, problemId, problemIn } from './IssueList';
import { isLocked, LockNote } from './LockNote';
import { busy, reportProblem, updateConfiguration } from './state';

const NOT_SAVED = 'The call log settings were not saved; the settings in force are unchanged.';

/** Notes and dispositions after a call, and the webhook finished logs are POSTed to. */
export function CallLogSection({ view }: { view: ConfigView }) {
  const saved = formFromSettings(view.config.callLog);
  // Unsaved edits only: the form shows the settings in force until the admin changes a field.
  const edits = useSignal<Partial<CallLogForm>>({});
  // Header values may be tokens: hidden until asked for, unless there is nothing to hide.
  const showHeaders = useSignal(!hasHeaderValues(saved.headers));
  const locked = isLocked(view.locked, 'callLog');
  const form: CallLogForm = { ...saved, ...edits.value };
  const edit = (change: Partial<CallLogForm>) => {
    edits.value = { ...edits.value, ...change };
  };

  const issues = problemIn('callLog')?.issues ?? [];
  /** Accessibility attributes tying a field to the alert when an issue names it. */
  const describe = (path: string, help?: string) => {
    const bad = issues.some((issue) => issue.path === path || issue.path.startsWith(`${path}.`));
    const ids = [help, bad ? problemId('callLog') : undefined].filter(Boolean).join(' ');
    return { 'aria-invalid': bad ? ('true' as const) : undefined, 'aria-describedby': ids || undefined };
  };

  const masked = !showHeaders.value && hasHeaderValues(form.headers);
  const defaults = retryPlaceholders(form);

  const save = async () => {
    const draft = settingsFromForm(form);
    if (!draft.ok) {
      reportProblem('callLog', NOT_SAVED, [draft.problem]);
      return;
    }
    if (await updateConfiguration({ callLog: draft.callLog })) {
      edits.value = {};
      showHeaders.value = !hasHeaderValues(form.headers);
    }
  };

  return (
    <section class="op-card" aria-labelledby="call-log-title">
      <h2 id="call-log-title">Call log</h2>
      <p class="op-help">
        What the agent writes after a call, and where each finished log is sent. Logs are kept in the call
        history below either way.
      </p>
      {locked && <LockNote id="call-log-lock" />}
      <form
        class="op-form"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <fieldset class="op-plain" disabled={locked}>
          <div class="op-check">
            <input
              id="call-log-prompt"
              type="checkbox"
              checked={form.prompt}
              onChange={(event) => edit({ prompt: event.currentTarget.checked })}
              {...describe('callLog.prompt', 'call-log-prompt-help')}
            />
            <label for="call-log-prompt">Ask for notes after each call</label>
            <p class="op-help" id="call-log-prompt-help">
              Off: each log is saved as the call ends, without notes.
            </p>
          </div>
          <div class="op-field op-field-top">
            <label for="call-log-dispositions">Dispositions</label>
            <textarea
              id="call-log-dispositions"
              class="op-code op-code-small"
              rows={4}
              value={form.dispositions}
              onInput={(event) => edit({ dispositions: event.currentTarget.value })}
              {...describe('callLog.dispositions', 'call-log-dispositions-help')}
            />
            <p class="op-help" id="call-log-dispositions-help">
              One per line, e.g. Resolved, Callback requested. None: the agent writes notes only.
            </p>
          </div>
          <div class="op-field">
            <label for="call-log-webhook">Webhook URL</label>
            <input
              id="call-log-webhook"
              class="op-input"
              type="url"
              placeholder="https://crm.example.com/softbar/call-logs"
              value={form.webhookUrl}
              onInput={(event) => edit({ webhookUrl: event.currentTarget.value })}
              {...describe('callLog.webhook.url', 'call-log-webhook-help')}
            />
            <p class="op-help" id="call-log-webhook-help">
              Each saved log is POSTed there as JSON, retried until it is accepted. https only (http for
              localhost). Empty: no webhook.
            </p>
          </div>
          <div class="op-field op-field-top">
            <label for="call-log-headers">Webhook headers</label>
            <textarea
              id="call-log-headers"
              class="op-code op-code-small"
              rows={3}
              spellcheck={false}
              autocomplete="off"
              readOnly={masked}
              value={masked ? (maskedHeaders(form.headers) ?? '(hidden)') : form.headers}
              onInput={(event) => edit({ headers: event.currentTarget.value })}
              {...describe('callLog.webhook.headers', 'call-log-headers-help')}
            />
            <div class="op-help" id="call-log-headers-help">
              A JSON object, e.g. <code>{'{ "Authorization": "Bearer …" }'}</code>. Kept in the extension's
              background only. {masked && 'Values are hidden; show them to see or change them.'}
              {hasHeaderValues(form.headers) && (
                <button
                  type="button"
                  class="op-btn op-btn-small"
                  aria-controls="call-log-headers"
                  onClick={() => {
                    showHeaders.value = !showHeaders.value;
                  }}
                >
                  {showHeaders.value ? 'Hide header values' : 'Show header values'}
                </button>
              )}
            </div>
          </div>
          <div class="op-field">
            <label for="call-log-retry-base">Retry base delay (ms)</label>
            <input
              id="call-log-retry-base"
              class="op-input op-input-short"
              type="number"
              min={0}
              step={1}
              placeholder={defaults.retryBaseMs}
              value={form.retryBaseMs}
              onInput={(event) => edit({ retryBaseMs: event.currentTarget.value })}
              {...describe('callLog.webhook.retryBaseMs', 'call-log-retry-help')}
            />
          </div>
          <div class="op-field">
            <label for="call-log-retry-max">Retry max delay (ms)</label>
            <input
              id="call-log-retry-max"
              class="op-input op-input-short"
              type="number"
              min={0}
              step={1}
              placeholder={defaults.retryMaxMs}
              value={form.retryMaxMs}
              onInput={(event) => edit({ retryMaxMs: event.currentTarget.value })}
              {...describe('callLog.webhook.retryMaxMs', 'call-log-retry-help')}
            />
            <p class="op-help" id="call-log-retry-help">
              After a failed POST the next try waits the base delay, doubled on each failure up to the max.
              Empty: the default shown in the field.
            </p>
          </div>
          <div class="op-actions">
            <button type="submit" class="op-btn op-btn-primary" disabled={busy.value}>
              Save call log settings
            </button>
          </div>
        </fieldset>
      </form>
      <ProblemAlert section="callLog" />
    </section>
  );
}
