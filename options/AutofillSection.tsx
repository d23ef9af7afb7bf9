import type { ConfigView } from '../src/messaging/protocol';
import { AutofillRules } from './AutofillRules';
import { autofillDraft } from './drafts';
import { ProblemAlert } from './IssueList';
import { JsonEditor } from './JsonEditor';
import { isLocked, LockNote } from './LockNote';
import { sample } from './sample';
import { updateConfiguration } from './state';

const EXAMPLE =
  '[{ "id": "ticket", "match": "https://crm.example.com/tickets/*", "on": "answered", "overwrite": false, "conditions": [], "fields": [{ "selector": "#phone", "value": "{e164}" }, { "selector": "textarea[name=subject]", "value": "Call from {name}" }] }]';

/** Which CRM form fields fill themselves from the call, per site: the rules in force and their editor. */
export function AutofillSection({ view }: { view: ConfigView }) {
  const locked = isLocked(view.locked, 'autofill');
  return (
    <section class="op-card" aria-labelledby="autofill-title">
      <h2 id="autofill-title">Autofill rules</h2>
      <p class="op-help">
        On pages matching a rule, form fields found by CSS selector get the call's fields. Sample values use
        the sample call under "Test rule".
      </p>
      {locked && <LockNote id="autofill-lock" />}
      <AutofillRules rules={view.config.autofill} call={sample.value.call} />
      <JsonEditor
        id="autofill-json"
        label="Autofill rules JSON"
        what="autofill rules"
        section="autofill"
        saved={view.config.autofill}
        draft={autofillDraft}
        saveLabel="Save autofill rules"
        locked={locked}
        onSave={(autofill) => updateConfiguration({ autofill })}
      >
        A JSON list of rules, e.g. <code>{EXAMPLE}</code>. "on" is ringing, answered, ended or manual (only
        from the bar's "Fill form" button).
      </JsonEditor>
      <ProblemAlert section="autofill" />
    </section>
  );
}
