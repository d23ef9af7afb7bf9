import type { Affordance } from './affordance';
import type { Lookup } from './lookup';

/**
 * Hover: the pointer's last position is looked at once per animation frame (pointermove fires far more
 * often), and only the block under it is read. Only the agent's own pointer counts: a page's synthetic
 * events make no lookups. Scrolling and resizing move the shown button along.
 */
export function trackPointer(
  doc: Document,
  signal: AbortSignal,
  affordance: Affordance,
  lookup: Lookup,
): void {
  const view = doc.defaultView;
  if (!view) return;
  let pointer: { x: number; y: number; target: EventTarget | null } | undefined;
  let frame = 0;
  let reposition = false;

  const update = () => {
    frame = 0;
    if (reposition) {
      reposition = false;
      affordance.reposition();
    }
    if (!pointer) return;
    const { x, y, target } = pointer;
    pointer = undefined;
    if (affordance.isOurs(target)) {
      affordance.keep();
      return;
    }
    const hit =
      target && (target as Node).nodeType === Node.ELEMENT_NODE
        ? lookup.at(target as Element, x, y)
        : undefined;
    if (hit) affordance.show(hit.number, 'pointer', hit.rects);
    else if (affordance.via === 'pointer') affordance.hideSoon();
  };
  const request = () => {
    frame ||= view.requestAnimationFrame(update);
  };
  const options = { capture: true, passive: true, signal };

  // pointermove for movement; mouseover for the element under a still pointer changing (after a scroll).
  const onPointer = (event: MouseEvent) => {
    if (!event.isTrusted) return;
    pointer = { x: event.clientX, y: event.clientY, target: event.target };
    request();
  };
  doc.addEventListener('pointermove', onPointer, options);
  doc.addEventListener('mouseover', onPointer, options);
  doc.addEventListener(
    'mouseout',
    (event) => {
      // Leaving the window: no pointermove will say so.
      if (!event.relatedTarget && affordance.via === 'pointer') affordance.hideSoon();
    },
    options,
  );
  const follow = () => {
    if (!affordance.number) return;
    reposition = true;
    request();
  };
  doc.addEventListener('scroll', follow, options);
  view.addEventListener('resize', follow, options);
  signal.addEventListener('abort', () => view.cancelAnimationFrame(frame));
}
