import { useSignal } from '@preact/signals';
import type { ConfigView } from '../src/messaging/protocol';
import { screenPopDraft } from './drafts';
import { parseDraft, prettyJson } from './json-draft';
import { RulePreview } from './RulePreview';
import { ruleName } from './rule-text';
import { SampleCallForm } from './SampleCallForm';
import { sample } from './sample';

type RuleList =
  | { readonly ok: true; readonly rules: readonly unknown[] }
  | { readonly ok: false; readonly error: string };

/** The rules in the screen-pop editor right now, saved or not. */
function editorRules(text: string): RuleList {
  const parsed = parseDraft(text, 'write [] for no rules');
  if (!parsed.ok) return parsed;
  if (!Array.isArray(parsed.value))
    return { ok: false, error: 'The rules must be a JSON list: [ { ... }, ... ].' };
  return { ok: true, rules: parsed.value };
}

const nameOf = (rule: unknown, index: number) =>
  ruleName(typeof rule === 'object' && rule !== null ? rule : {}, index);

/** Tries each rule of the screen-pop editor on a sample call, before or after it is saved. */
export function TestRuleSection({ view }: { view: ConfigView }) {
  const tested = useSignal<number | undefined>(undefined);
  const unsaved = screenPopDraft.value !== undefined;
  const list = editorRules(screenPopDraft.value ?? prettyJson(view.config.screenPop));
  const rules = list.ok ? list.rules : [];
  const index = tested.value;
  const shown = index !== undefined && index < rules.length ? index : undefined;

  return (
    <section class="op-card" aria-labelledby="test-rule-title">
      <h2 id="test-rule-title">Test rule</h2>
      <p class="op-help">
        Shows what a rule in "Screen-pop rules JSON" would open for a sample call, saved or not. Nothing is
        opened and nothing is saved.
      </p>
      <SampleCallForm />
      <h3>Rules in the editor {unsaved && <span class="op-badge">Unsaved changes</span>}</h3>
      {!list.ok && <p class="op-bad">The rules cannot be tested yet. {list.error}</p>}
      {list.ok && rules.length === 0 && (
        <p class="op-muted">No rules to test: write one in "Screen-pop rules JSON".</p>
      )}
      {rules.length > 0 && (
        <ul class="op-rule-tests">
          {rules.map((rule, i) => {
            const name = nameOf(rule, i);
            return (
              <li key={i} class="op-rule-test">
                <span>{name}</span>
                <button
                  type="button"
                  class="op-btn"
                  aria-label={`Test rule ${name}`}
                  onClick={() => {
                    tested.value = i;
                  }}
                >
                  Test rule
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <div aria-live="polite">
        {shown !== undefined && (
          <RulePreview name={nameOf(rules[shown], shown)} rule={rules[shown]} call={sample.value.call} />
        )}
      </div>
    </section>
  );
}
