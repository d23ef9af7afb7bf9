import { useId } from 'preact/hooks';
import type { QueueMembership } from '../core/desk';

interface Props {
  /** The desk's outbound queues (campaigns) the agent may dial under (not empty). */
  readonly queues: readonly QueueMembership[];
  /** The chosen queue's id; '' for a direct call. */
  readonly value: string;
  /** The agent chose another queue, or '' for direct. */
  readonly onChange: (value: string) => void;
}

/** "Dial via: Direct / <campaign>": the call is placed, counted and billed under the chosen campaign. */
export function DialQueueSelect({ queues, value, onChange }: Props) {
  const id = useId();
  return (
    <div class="sb-dial-via">
      <label class="sb-field-label" for={id}>
        Dial via
      </label>
      <select
        id={id}
        class="sb-select"
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
      >
        <option value="">Direct</option>
        {queues.map((queue) => (
          <option key={queue.id} value={queue.id}>
            {queue.active ? queue.name : `${queue.name} (suspended)`}
          </option>
        ))}
      </select>
    </div>
  );
}
