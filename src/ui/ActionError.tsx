import { actionError } from './actions';
import { Icon } from './icons';

/** The hub's answer to a failed request, in its own words, until the agent dismisses it or acts again. */
export function ActionError() {
  const message = actionError.value;
  if (!message) return null;
  return (
    <div class="sb-error" role="alert">
      <span class="sb-error-text">{message}</span>
      <button
        type="button"
        class="sb-icon-btn sb-small"
        aria-label="Dismiss error"
        onClick={() => {
          actionError.value = undefined;
        }}
      >
        <Icon name="close" />
      </button>
    </div>
  );
}
