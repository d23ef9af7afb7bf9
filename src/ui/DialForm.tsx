import type { RefObject } from 'preact';
import { useId, useState } from 'preact/hooks';
import type { QueueMembership } from '../core/desk';
import { normalizeDialString } from '../core/phone/dial-string';
import { runCommand } from './actions';
import { DialPad } from './DialPad';
import { DialQueueSelect } from './DialQueueSelect';
import { Icon } from './icons';
import { trustedSubmit } from './trusted-submit';

interface Props {
  /** The field's text; owned by the parent so "recent calls" can fill it. */
  readonly value: string;
  /** The field's new text: typed, from the keypad or "Delete last digit"; '' once a number is dialed. */
  readonly onValueChange: (value: string) => void;
  /** Lets the parent focus the field (after picking a recent number). */
  readonly inputRef?: RefObject<HTMLInputElement | null>;
  /** The hub accepted the number. */
  readonly onDialed?: () => void;
  /** The desk's queues; its outbound ones (campaigns) are offered under "Dial via". */
  readonly queues?: readonly QueueMembership[];
}

const NO_QUEUES: readonly QueueMembership[] = [];

/** Why a dial string was refused, in words an agent can act on; undefined when it is dialable. */
export function dialProblem(input: string): string | undefined {
  if (input.trim() === '') return 'Type a number to dial.';
  return normalizeDialString(input) ? undefined : 'That is not a phone number: use digits, +, * and #.';
}

/** "Number to dial" field, keypad and the page's only "Dial" button; Enter in the field dials too. */
export function DialForm({ value, onValueChange, inputRef, onDialed, queues = NO_QUEUES }: Props) {
  const id = useId();
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [via, setVia] = useState('');
  const outbound = queues.filter((queue) => queue.direction === 'outbound');
  // A campaign that left the desk since it was chosen falls back to a direct call.
  const queueId = outbound.some((queue) => queue.id === via) ? via : '';

  const dial = async () => {
    const found = dialProblem(value);
    setProblem(found);
    const number = normalizeDialString(value);
    if (found || !number) return;
    if (await runCommand(queueId ? { type: 'dial', number, queueId } : { type: 'dial', number })) {
      onValueChange('');
      onDialed?.();
    }
  };

  const edit = (next: string) => {
    setProblem(undefined);
    onValueChange(next);
  };

  return (
    <form class="sb-dial" {...trustedSubmit(dial)} noValidate>
      <label class="sb-field-label" for={`${id}-n`}>
        Number to dial
      </label>
      <div class="sb-dial-row">
        <input
          id={`${id}-n`}
          ref={inputRef}
          class="sb-input"
          type="text"
          inputMode="tel"
          autoComplete="off"
          spellcheck={false}
          value={value}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-p` : undefined}
          onInput={(event) => edit(event.currentTarget.value)}
        />
        {value !== '' && (
          <button
            type="button"
            class="sb-icon-btn"
            aria-label="Delete last digit"
            title="Delete last digit"
            onClick={() => edit(value.slice(0, -1))}
          >
            <Icon name="backspace" />
          </button>
        )}
        <button type="submit" class="sb-btn sb-btn-go">
          <Icon name="phone" />
          Dial
        </button>
      </div>
      {problem && (
        <p id={`${id}-p`} class="sb-field-error" role="alert">
          {problem}
        </p>
      )}
      {outbound.length > 0 && <DialQueueSelect queues={outbound} value={queueId} onChange={setVia} />}
      <DialPad label="Dial pad" onPress={(key) => edit(value + key)} />
    </form>
  );
}
