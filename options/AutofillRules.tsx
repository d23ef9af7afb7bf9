import type { Call } from '../src/core/call';
import type { AutofillRule } from '../src/core/config/types';
import { conditionsHold } from '../src/core/rules/conditions';
import { expandTextTemplate } from '../src/core/rules/template';
import { conditionsText, momentText, ruleName } from './rule-text';

/** One rule in force: where and when it fills, and what each field would get for the sample call. */
function AutofillRuleItem({ rule, index, call }: { rule: AutofillRule; index: number; call: Call }) {
  const name = ruleName(rule, index);
  // Defensive reads: a stored document from an older build may lack the lists, and the page must still render.
  const conditions = rule.conditions ?? [];
  const holds = conditionsHold(conditions, call);
  return (
    <li class="op-rule">
      <h4>
        {name} {rule.label && <code class="op-muted">{rule.id}</code>}
      </h4>
      <dl class="op-counts">
        <dt>Pages</dt>
        <dd>
          <code>{rule.match}</code>
        </dd>
        <dt>When</dt>
        <dd>{momentText(rule.on)}</dd>
        <dt>Conditions</dt>
        <dd>
          {conditionsText(conditions)}
          {conditions.length > 0 && (
            <span class="op-muted"> ({holds ? 'hold' : 'do not hold'} for the sample call)</span>
          )}
        </dd>
      </dl>
      <table class="op-table" aria-label={`Fields ${name} fills`}>
        <thead>
          <tr>
            <th scope="col">Selector</th>
            <th scope="col">Value template</th>
            <th scope="col">Sample value</th>
            <th scope="col">Existing text</th>
          </tr>
        </thead>
        <tbody>
          {(rule.fields ?? []).map((field) => (
            <tr key={field.selector}>
              <td class="op-break">
                <code>{field.selector}</code>
              </td>
              <td class="op-break">
                <code>{field.value}</code>
              </td>
              <td class="op-break">
                <output>{expandTextTemplate(field.value, call)}</output>
              </td>
              <td>{(field.overwrite ?? rule.overwrite) ? 'Replaced' : 'Kept'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </li>
  );
}

/** The autofill rules in force, each with the values it would write for the sample call. */
export function AutofillRules({ rules, call }: { rules: readonly AutofillRule[]; call: Call }) {
  if (rules.length === 0) return <p class="op-muted">No autofill rules: no form fills itself.</p>;
  return (
    <ul class="op-rules">
      {rules.map((rule, index) => (
        <AutofillRuleItem key={rule.id} rule={rule} index={index} call={call} />
      ))}
    </ul>
  );
}
