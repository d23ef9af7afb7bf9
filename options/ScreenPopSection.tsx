import type { ConfigView } from '../src/messaging/protocol';
import { screenPopDraft } from './drafts';
import { ProblemAlert } from './IssueList';
import { JsonEditor } from './JsonEditor';
import { isLocked, LockNote } from './LockNote';
import { ScreenPopTable } from './ScreenPopTable';
import { updateConfiguration } from './state';

const EXAMPLE =
  '[{ "id": "crm", "label": "Open CRM record", "on": "ringing", "action": "newTab", "url": "https://crm.example.com/contacts?phone={e164}", "conditions": [{ "field": "direction", "equals": "inbound" }] }]';

/** What opens when a call reaches a moment: the rules in force and an editor for the whole list. */
export function ScreenPopSection({ view }: { view: ConfigView }) {
  const locked = isLocked(view.locked, 'screenPop');
  return (
    <section class="op-card" aria-labelledby="screen-pop-title">
      <h2 id="screen-pop-title">Screen-pop rules</h2>
      <p class="op-help">
        When a call reaches a moment and every condition holds, Softbar opens the rule's URL with the call's
        fields filled in. Rules run in the order written.
      </p>
      {locked && <LockNote id="screen-pop-lock" />}
      <ScreenPopTable rules={view.config.screenPop} />
      <JsonEditor
        id="screen-pop-json"
        label="Screen-pop rules JSON"
        what="screen-pop rules"
        section="screenPop"
        saved={view.config.screenPop}
        draft={screenPopDraft}
        saveLabel="Save rules"
        locked={locked}
        onSave={(screenPop) => updateConfiguration({ screenPop })}
      >
        A JSON list of rules, e.g. <code>{EXAMPLE}</code>. Actions: newTab, reuseTab, focus, popup, frame. Try
        a rule under "Test rule" before saving it; nothing changes until "Save rules" is accepted.
      </JsonEditor>
      <ProblemAlert section="screenPop" />
    </section>
  );
}
