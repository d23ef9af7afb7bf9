import type { TargetedPointerEvent } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { hubLinked, hubState, pagePolicy } from '../../src/messaging/live-state';
import { FramePanel } from '../../src/ui/FramePanel';
import { Softphone } from '../../src/ui/Softphone';
import { pendingDial } from '../pending-dial';
import { BarHeader } from './BarHeader';
import { HiddenTab, MinimizedHandle } from './Collapsed';
import { FillFormButton } from './FillFormButton';
import { PendingDialPrompt } from './PendingDialPrompt';
import {
  type BarView,
  type DockMode,
  dock,
  moveBy,
  type Placement,
  placeAt,
  position,
  type Size,
  tabPosition,
  tabSide,
  withView,
} from './placement';
import { usePlacement, useViewport } from './use-placement';
import { WrapUpPanel } from './WrapUpPanel';

/** Width of the floating bar; matches `.sb-bar` in bar.css. */
export const FLOAT_WIDTH = 320;
/** How far into the bar the pointer may hold it when lifting it off the bottom dock. */
const MAX_GRAB_X = 48;

const FOCUS_AFTER: Record<BarView, string> = { open: 'minimize', minimized: 'open', hidden: 'show' };

/**
 * The agent bar on a web page. Renders nothing until the hub's state arrives, so pages where the agent
 * is not signed in cost next to nothing. One region named "Agent bar" in every view: open, minimized
 * (a handle) and hidden (a tab on the edge).
 */
export function AgentBar({ origin }: { origin: string }) {
  const state = hubState.value;
  const linked = hubLinked.value;
  const policy = pagePolicy.value;
  const ready = state !== undefined;
  const [placement, updatePlacement] = usePlacement(origin, ready);
  const viewport = useViewport(ready);
  const box = useRef<HTMLElement>(null);
  const [size, setSize] = useState<Size>({ width: 0, height: 0 });
  const focusNext = useRef<string | undefined>(undefined);
  const drag = useRef<{ pointerId: number; grabX: number; grabY: number } | undefined>(undefined);

  const measure = () => {
    const element = box.current;
    if (!element) return;
    const width = element.offsetWidth;
    const height = element.offsetHeight;
    setSize((current) =>
      current.width === width && current.height === height ? current : { width, height },
    );
  };

  // Measure before paint, so a bar that grew (a call came in) is pulled back inside the viewport at once.
  useLayoutEffect(() => {
    measure();
    if (focusNext.current && box.current) {
      box.current.querySelector<HTMLElement>(`[data-focus="${focusNext.current}"]`)?.focus();
      focusNext.current = undefined;
    }
  });

  // Panels opening inside the bar change its size without rendering this component; watch the box too.
  const view = placement?.view;
  const shown = state !== undefined && placement !== undefined;
  useEffect(() => {
    const element = box.current;
    if (!shown || !element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [shown, view]);

  if (!state || !placement) return null;

  const setView = (view: BarView) => {
    focusNext.current = FOCUS_AFTER[view];
    updatePlacement((current) => withView(current, view));
  };

  const ringing = state.calls.find((call) => call.state === 'ringing' && call.direction === 'inbound');

  // A number waiting for confirmation opens the bar (without changing the saved view): the agent
  // just clicked "Call" and must see the question.
  if (placement.view !== 'open' && !pendingDial.value) {
    // A hidden bar still shows a ringing call: a tab on the edge is too easy to miss.
    if (placement.view === 'minimized' || ringing) {
      return (
        <MinimizedHandle
          state={state}
          linked={linked}
          ringing={ringing}
          at={position(placement, size, viewport)}
          boxRef={box}
          onOpen={() => setView('open')}
        />
      );
    }
    return (
      <HiddenTab
        state={state}
        side={tabSide(placement)}
        at={tabPosition(placement, size, viewport)}
        boxRef={box}
        onShow={() => setView('open')}
      />
    );
  }

  const fill = placement.mode === 'bottom';
  const at = position(placement, size, viewport, fill);
  // A bar lifted off the bottom dock shrinks to its floating width.
  const floatSize: Size = { width: fill ? FLOAT_WIDTH : size.width, height: size.height };

  const onDragStart = (event: TargetedPointerEvent<HTMLButtonElement>) => {
    if (event.button !== 0 || !box.current) return;
    const rect = box.current.getBoundingClientRect();
    drag.current = {
      pointerId: event.pointerId,
      grabX: Math.min(event.clientX - rect.left, MAX_GRAB_X),
      grabY: event.clientY - rect.top,
    };
    event.currentTarget.setPointerCapture?.(event.pointerId);
    event.preventDefault();
  };
  const onDragMove = (event: TargetedPointerEvent<HTMLElement>) => {
    const current = drag.current;
    if (!current || current.pointerId !== event.pointerId) return;
    const left = event.clientX - current.grabX;
    const top = event.clientY - current.grabY;
    updatePlacement((p: Placement) => placeAt(p, left, top, floatSize, viewport), 'never');
  };
  const onDragEnd = (event: TargetedPointerEvent<HTMLElement>) => {
    if (drag.current?.pointerId !== event.pointerId) return;
    drag.current = undefined;
    updatePlacement((p) => ({ ...p }));
  };

  return (
    <section
      ref={box}
      class="sb-ui sb-root sb-bar"
      data-mode={placement.mode}
      data-ringing={ringing ? 'true' : undefined}
      data-frame={state.frame ? 'true' : undefined}
      aria-label="Agent bar"
      style={fill ? undefined : { left: `${at.left}px`, top: `${at.top}px` }}
      onPointerMove={onDragMove}
      onPointerUp={onDragEnd}
      onPointerCancel={onDragEnd}
    >
      <BarHeader
        mode={placement.mode}
        agentKind={state.agent.kind}
        ringing={!!ringing}
        onMoveBy={(dx, dy) => updatePlacement((p) => moveBy(p, dx, dy, floatSize, viewport), 'soon')}
        onDragStart={onDragStart}
        onDock={(mode: DockMode) => updatePlacement((p) => dock(p, mode, size, viewport))}
        onMinimize={() => setView('minimized')}
        onHide={() => setView('hidden')}
      />
      <div class="sb-body">
        <PendingDialPrompt />
        <Softphone state={state} linked={linked} />
        <FillFormButton state={state} rules={policy?.autofill ?? []} />
        {policy?.callLogPrompt && (
          <WrapUpPanel items={state.wrapUp} dispositions={policy.dispositions} compact={!!ringing} />
        )}
        {/* A new frame (a new `at`) is a new page: remount instead of navigating the old iframe. */}
        {state.frame && <FramePanel key={state.frame.at} frame={state.frame} />}
      </div>
    </section>
  );
}
