import type { Call } from '../src/core/call';
import { isHttpUrl } from '../src/core/rules/template';
import { type ConditionCheck, previewScreenPop } from './rule-preview';

function ConditionItem({ check }: { check: ConditionCheck }) {
  const verdict = check.problem
    ? `cannot be tried: ${check.problem}`
    : check.holds
      ? 'holds'
      : 'does not hold';
  return (
    <li data-holds={check.holds ? 'true' : 'false'}>
      <code>{check.text}</code>: {verdict}
      {!check.problem && (
        <span class="op-muted">
          {' '}
          (the sample's value: {check.value === undefined ? 'none' : JSON.stringify(check.value)})
        </span>
      )}
    </li>
  );
}

/** What one rule, as typed, would do for the sample call. Opens nothing: the link is for the admin. */
export function RulePreview({ name, rule, call }: { name: string; rule: unknown; call: Call }) {
  const result = previewScreenPop(rule, call);
  if (!result.ok) {
    return (
      <div class="op-preview" data-outcome="error">
        <h3>Preview of {name}</h3>
        <p class="op-bad">{result.error}</p>
      </div>
    );
  }
  const { moment, action, conditions, conditionsHold, url } = result.preview;
  const fires = conditionsHold && url?.ok !== false;
  return (
    <div class="op-preview" data-outcome={url?.ok === false ? 'error' : fires ? 'fires' : 'skipped'}>
      <h3>Preview of {name}</h3>
      <dl class="op-counts">
        <dt>When</dt>
        <dd>{moment}</dd>
        <dt>Action</dt>
        <dd>{action}</dd>
        <dt>Conditions</dt>
        <dd>
          {conditions.length === 0 ? (
            'None: every call'
          ) : (
            <ul class="op-checks">
              {conditions.map((check, index) => (
                <ConditionItem key={index} check={check} />
              ))}
            </ul>
          )}
        </dd>
        <dt>URL</dt>
        <dd class="op-break">
          {url === undefined && 'None (this action needs no URL)'}
          {url?.ok === true && (
            <>
              <code class="op-url">{url.url}</code>{' '}
              {isHttpUrl(url.url) && (
                <a href={url.url} target="_blank" rel="noopener noreferrer">
                  Open this URL
                </a>
              )}
            </>
          )}
          {url?.ok === false && <span class="op-bad">{url.error}</span>}
        </dd>
      </dl>
      <p class="op-verdict">
        {url?.ok === false
          ? 'This rule would open nothing: fix its URL template.'
          : !conditionsHold
            ? 'This rule would not fire for the sample call: a condition does not hold.'
            : `For the sample call this rule fires: ${moment.toLowerCase()}.`}
      </p>
    </div>
  );
}
