import type { TargetedKeyboardEvent, TargetedPointerEvent } from 'preact';
import { useId } from 'preact/hooks';
import type { AgentStateKind } from '../../src/core/agent-state';
import { Icon, type IconName } from '../../src/ui/icons';
import { StateDot } from '../../src/ui/StateDot';
import type { DockMode } from './placement';

interface Props {
  /** Where the bar is docked now; its dock button shows pressed. */
  readonly mode: DockMode;
  /** The agent's availability, for the state dot. */
  readonly agentKind: AgentStateKind;
  /** An inbound call rings: the header says so. */
  readonly ringing: boolean;
  /** Keyboard move by a step, in px. */
  readonly onMoveBy: (dx: number, dy: number) => void;
  /** Pointer drag on the handle; the bar tracks the pointer from here on. */
  readonly onDragStart: (event: TargetedPointerEvent<HTMLButtonElement>) => void;
  /** The agent picked a dock (or "Float"). */
  readonly onDock: (mode: DockMode) => void;
  /** "Minimize agent bar": shrink to the handle. */
  readonly onMinimize: () => void;
  /** "Hide agent bar": shrink to the tab on the screen edge. */
  readonly onHide: () => void;
}

const DOCKS: readonly { mode: DockMode; label: string; icon: IconName }[] = [
  { mode: 'left', label: 'Dock left', icon: 'dockLeft' },
  { mode: 'bottom', label: 'Dock bottom', icon: 'dockBottom' },
  { mode: 'right', label: 'Dock right', icon: 'dockRight' },
  { mode: 'float', label: 'Float', icon: 'float' },
];

const STEP = 10;
const BIG_STEP = 50;

/** The bar's title row: move handle, placement choices, minimize and hide. */
export function BarHeader(props: Props) {
  const hintId = useId();
  const onMoveKey = (event: TargetedKeyboardEvent<HTMLButtonElement>) => {
    const step = event.shiftKey ? BIG_STEP : STEP;
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, -step],
      ArrowDown: [0, step],
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    props.onMoveBy(move[0], move[1]);
  };

  return (
    <div class="sb-header">
      <button
        type="button"
        class="sb-icon-btn sb-move"
        aria-label="Move agent bar"
        aria-describedby={hintId}
        title="Drag to move, or use the arrow keys"
        onPointerDown={props.onDragStart}
        onKeyDown={onMoveKey}
      >
        <Icon name="grip" />
      </button>
      <span id={hintId} class="sb-sr">
        Drag, or use the arrow keys; hold Shift for bigger steps.
      </span>
      <StateDot kind={props.agentKind} ringing={props.ringing} />
      <span class="sb-title">Softbar</span>
      <fieldset class="sb-docks" aria-label="Placement">
        {DOCKS.map((dock) => (
          <button
            key={dock.mode}
            type="button"
            class="sb-icon-btn"
            aria-label={dock.label}
            aria-pressed={props.mode === dock.mode}
            title={dock.label}
            onClick={() => props.onDock(dock.mode)}
          >
            <Icon name={dock.icon} />
          </button>
        ))}
      </fieldset>
      <button
        type="button"
        class="sb-icon-btn"
        aria-label="Minimize agent bar"
        title="Minimize"
        data-focus="minimize"
        onClick={props.onMinimize}
      >
        <Icon name="minimize" />
      </button>
      <button
        type="button"
        class="sb-icon-btn"
        aria-label="Hide agent bar"
        title="Hide to the side"
        onClick={props.onHide}
      >
        <Icon name="hide" />
      </button>
    </div>
  );
}
