import { useId, useState } from 'preact/hooks';
import type { AccountCodeRequest } from '../core/desk';
import { runCommand } from './actions';
import { trustedSubmit } from './trusted-submit';

interface Props {
  /** Ended calls whose account code the vendor asks for, newest first (not empty). */
  readonly requests: readonly AccountCodeRequest[];
  /** A call is ringing: the panel shrinks to one line so Answer stays in view; the choice is kept. */
  readonly compact?: boolean;
}

const whoOf = (request: AccountCodeRequest): string =>
  request.remoteName?.trim() || request.remoteNumber || 'the last call';

/**
 * The vendor (UCS) asks after a call which account code to book it under. The newest call is asked
 * first; "Skip" leaves it without one. Older requests wait behind it ("+2 more").
 */
export function AccountCodePanel({ requests, compact = false }: Props) {
  const id = useId();
  // The choice belongs to one request, and outlives the one-line view while a call rings.
  const [choice, setChoice] = useState<{ requestId: string; code: string } | undefined>(undefined);
  const [problemOf, setProblemOf] = useState<{ requestId: string; text: string } | undefined>(undefined);
  const request = requests[0];
  if (!request) return null;
  const problem = problemOf?.requestId === request.id ? problemOf.text : undefined;
  const setProblem = (text: string | undefined) =>
    setProblemOf(text === undefined ? undefined : { requestId: request.id, text });
  const more = requests.length - 1;
  const who = whoOf(request);
  const code = choice?.requestId === request.id ? choice.code : '';
  const hasReasons = request.reasons.length > 0;

  const set = async () => {
    const chosen = code.trim();
    if (chosen === '') {
      setProblem(hasReasons ? 'Choose an account code, or skip.' : 'Type an account code, or skip.');
      return;
    }
    setProblem(undefined);
    await runCommand({ type: 'setAccountCode', requestId: request.id, code: chosen });
  };

  const pick = (next: string) => {
    setProblem(undefined);
    setChoice({ requestId: request.id, code: next });
  };

  const moreTag = more > 0 && (
    <span class="sb-more">
      <span aria-hidden="true">+{more} more</span>
      <span class="sb-sr">
        {more === 1 ? 'One more call waits' : `${more} more calls wait`} for an account code.
      </span>
    </span>
  );

  if (compact) {
    return (
      <section class="sb-desk-box sb-account" aria-label="Account code">
        <p class="sb-hint sb-account-line">
          Account code for {who} waits. {moreTag}
        </p>
      </section>
    );
  }

  return (
    <section class="sb-desk-box sb-account" aria-labelledby={`${id}-h`}>
      <h2 class="sb-heading sb-account-head" id={`${id}-h`}>
        <span>Account code for {who}</span>
        {moreTag}
      </h2>
      <form class="sb-account-form" {...trustedSubmit(set)} noValidate>
        <label class="sb-sr" for={`${id}-c`}>
          Account code
        </label>
        {hasReasons ? (
          <select
            id={`${id}-c`}
            class="sb-select"
            value={code}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? `${id}-p` : undefined}
            onChange={(event) => pick(event.currentTarget.value)}
          >
            <option value="">Choose…</option>
            {request.reasons.map((reason) => (
              <option key={reason.id} value={reason.id}>
                {reason.label || reason.id}
              </option>
            ))}
          </select>
        ) : (
          <input
            id={`${id}-c`}
            class="sb-input"
            type="text"
            autoComplete="off"
            spellcheck={false}
            value={code}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? `${id}-p` : undefined}
            onInput={(event) => pick(event.currentTarget.value)}
          />
        )}
        <button type="submit" class="sb-btn sb-btn-go" aria-label="Set account code">
          Set
        </button>
        <button
          type="button"
          class="sb-btn"
          aria-label="Skip account code"
          onClick={() => void runCommand({ type: 'skipAccountCode', requestId: request.id })}
        >
          Skip
        </button>
      </form>
      {problem && (
        <p id={`${id}-p`} class="sb-field-error" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
