import { useEffect, useState } from 'preact/hooks';
import type { AutofillRule } from '../../src/core/config/types';
import type { HubState } from '../../src/core/hub-state';
import { partyLabel } from '../../src/ui/format';
import { callForManualFill, fillFormNow } from '../autofill/manual';
import { pageHref } from '../autofill/page-href';
import { rulesForPage } from '../autofill/page-rules';

interface Props {
  /** The hub's state: the call to fill from is the current one, else the last. */
  readonly state: HubState;
  /** This site's autofill rules (any moment: the button fills whatever the rule's `on`). */
  readonly rules: readonly AutofillRule[];
}

/** How long the result line stays. */
const RESULT_MS = 8_000;

/**
 * "Fill form": fills the page's form from the current (else the last) call, on the agent's click. Shown
 * only where a rule matches the page's URL and there is a call to fill from.
 */
export function FillFormButton({ state, rules }: Props) {
  const href = pageHref.value;
  const [result, setResult] = useState<{ readonly text: string } | undefined>(undefined);
  useEffect(() => {
    if (!result) return;
    const timer = setTimeout(() => setResult(undefined), RESULT_MS);
    return () => clearTimeout(timer);
  }, [result]);

  const call = callForManualFill(state);
  if (!call || rulesForPage(rules, href).length === 0) return null;
  const fill = () => {
    // A new object each click restarts the timer, even when the text is the same.
    setResult({ text: fillFormNow(rules, call, document, href).text });
  };
  return (
    <div class="sb-fill">
      <button
        type="button"
        class="sb-btn"
        title={`Fill this page’s form from the call with ${partyLabel(call)}`}
        onClick={fill}
      >
        Fill form
      </button>
      <span class="sb-fill-result" role="status">
        {result?.text ?? ''}
      </span>
    </div>
  );
}
