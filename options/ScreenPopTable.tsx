import type { ScreenPopRule } from '../src/core/config/types';
import { actionText, conditionsText, momentText, ruleName } from './rule-text';

/** The screen-pop rules in force, one row each, in the order they run. */
export function ScreenPopTable({ rules }: { rules: readonly ScreenPopRule[] }) {
  if (rules.length === 0) return <p class="op-muted">No screen-pop rules: calls open nothing.</p>;
  return (
    <table class="op-table" aria-label="Screen-pop rules in force">
      <thead>
        <tr>
          <th scope="col">Rule</th>
          <th scope="col">When</th>
          <th scope="col">Action</th>
          <th scope="col">URL template</th>
          <th scope="col">Conditions</th>
        </tr>
      </thead>
      <tbody>
        {rules.map((rule, index) => (
          <tr key={rule.id}>
            <td>
              {ruleName(rule, index)}
              {rule.label && (
                <>
                  {' '}
                  <code class="op-muted">{rule.id}</code>
                </>
              )}
            </td>
            <td>{momentText(rule.on)}</td>
            <td>
              {actionText(rule.action)}
              {rule.tabPattern && (
                <>
                  {' '}
                  <code>{rule.tabPattern}</code>
                </>
              )}
            </td>
            <td class="op-break">
              {rule.url ? <code>{rule.url}</code> : <span class="op-muted">None</span>}
            </td>
            <td>{conditionsText(rule.conditions)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
