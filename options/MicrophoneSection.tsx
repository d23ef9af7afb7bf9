import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { allowMicrophone, type MicrophoneApis, type MicrophoneState, watchMicrophone } from './microphone';

const SETTINGS = 'chrome://settings/content/microphone';

/** What each state is called, and what the agent can do about it. */
const TEXT: Record<MicrophoneState, { readonly label: string; readonly help: string }> = {
  granted: {
    label: 'Allowed',
    help: "The vendor's widget can use the microphone for calls.",
  },
  prompt: {
    label: 'Not allowed yet',
    help:
      "Softbar runs the vendor's widget in a hidden page, which cannot ask for the microphone itself. " +
      'Press "Allow microphone" and allow it in Chrome\'s prompt.',
  },
  denied: {
    label: 'Blocked',
    help:
      `Chrome blocks the microphone for Softbar, so callers cannot hear you. To unblock it, open ${SETTINGS}, ` +
      'find Softbar (its address starts with chrome-extension://) under "Not allowed to use your microphone" ' +
      'and allow it there, or remove it and press "Allow microphone".',
  },
  unknown: {
    label: 'Unknown',
    help: 'This browser does not tell. Press "Allow microphone" to check that the microphone opens.',
  },
};

/**
 * Microphone permission for Softbar's origin, which the vendor's widget in the offscreen document relies
 * on: that page cannot prompt, so the agent allows it here, once.
 */
export function MicrophoneSection({ apis = navigator }: { apis?: MicrophoneApis }) {
  const state = useSignal<MicrophoneState | undefined>(undefined);
  const problem = useSignal<string | undefined>(undefined);
  const asking = useSignal(false);

  useEffect(
    () =>
      watchMicrophone(apis, (next) => {
        state.value = next;
      }),
    [apis],
  );

  const allow = async () => {
    asking.value = true;
    problem.value = undefined;
    const outcome = await allowMicrophone(apis);
    asking.value = false;
    state.value = outcome.state;
    problem.value = outcome.problem;
  };

  const current = state.value;
  return (
    <section class="op-card" aria-labelledby="microphone-title">
      <h2 id="microphone-title">Microphone</h2>
      <p role="status">
        Microphone access: <strong>{current ? TEXT[current].label : 'Checking…'}</strong>
      </p>
      {current && <p class="op-help">{TEXT[current].help}</p>}
      {current && current !== 'granted' && (
        <div class="op-actions">
          <button type="button" class="op-btn" disabled={asking.value} onClick={() => void allow()}>
            Allow microphone
          </button>
        </div>
      )}
      {problem.value && (
        <p class="op-bad" role="alert">
          {problem.value}
        </p>
      )}
    </section>
  );
}
