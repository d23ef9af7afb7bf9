/**
 * Where the agent bar sits, as pure functions of the stored placement, the bar's size and the viewport,
 * so the geometry is testable without a browser and the stored value stays small and meaningful.
 */

export type DockMode = 'float' | 'left' | 'right' | 'bottom';
export type BarView = 'open' | 'minimized' | 'hidden';

export interface Placement {
  /** Floating, or docked to a screen edge. */
  readonly mode: DockMode;
  /** Open, minimized to a handle, or hidden as a tab on the edge. */
  readonly view: BarView;
  /**
   * Floating position, as distances from the nearest viewport edges: a bar left near the bottom-right
   * corner stays there when the window is resized, instead of drifting off screen.
   */
  readonly x: number;
  /** Vertical counterpart of `x`. */
  readonly y: number;
  /** The viewport edge `x` is measured from. */
  readonly anchorX: 'left' | 'right';
  /** The viewport edge `y` is measured from. */
  readonly anchorY: 'top' | 'bottom';
  /** Distance from the top when docked left or right; the floating position is kept for "Float". */
  readonly sideY: number;
}

/** A box's size, px. */
export interface Size {
  /** Width, px. */
  readonly width: number;
  /** Height, px. */
  readonly height: number;
}

/** A viewport position, px. */
export interface Point {
  /** From the viewport's left edge, px. */
  readonly left: number;
  /** From the viewport's top edge, px. */
  readonly top: number;
}

/** A fresh install floats in the bottom-right corner, where CRMs rarely put primary actions. */
export const DEFAULT_PLACEMENT: Placement = {
  mode: 'float',
  view: 'open',
  x: 16,
  y: 16,
  anchorX: 'right',
  anchorY: 'bottom',
  sideY: 96,
};

/** Inset of a minimized handle from the bottom-right corner when the bar is docked at the bottom. */
const HANDLE_INSET = 16;
/** Largest coordinate accepted from storage; anything bigger is corrupt, not a big screen. */
const MAX_COORD = 100_000;

const clamp = (value: number, min: number, max: number): number =>
  Math.min(Math.max(value, min), Math.max(min, max));

/** Storage key of the placement for one site. */
export const placementKey = (origin: string): string => `softbar.barPlacement.v1:${origin}`;

/**
 * Top-left corner of an element of `size` placed per `placement`, always inside the viewport (when the
 * element is bigger than the viewport its top-left corner stays visible, where the handle is).
 * `fill` is true for the open bar docked at the bottom, which spans the viewport's width.
 */
export function position(placement: Placement, size: Size, viewport: Size, fill = false): Point {
  const maxLeft = viewport.width - size.width;
  const maxTop = viewport.height - size.height;
  switch (placement.mode) {
    case 'left':
      return { left: 0, top: clamp(placement.sideY, 0, maxTop) };
    case 'right':
      return { left: Math.max(0, maxLeft), top: clamp(placement.sideY, 0, maxTop) };
    case 'bottom':
      return { left: fill ? 0 : clamp(maxLeft - HANDLE_INSET, 0, maxLeft), top: Math.max(0, maxTop) };
    case 'float': {
      const left = placement.anchorX === 'left' ? placement.x : maxLeft - placement.x;
      const top = placement.anchorY === 'top' ? placement.y : maxTop - placement.y;
      return { left: clamp(left, 0, maxLeft), top: clamp(top, 0, maxTop) };
    }
  }
}

/** A floating placement with the element's top-left corner at `left`/`top` (clamped), anchored to the nearest edges. */
export function placeAt(
  placement: Placement,
  left: number,
  top: number,
  size: Size,
  viewport: Size,
): Placement {
  const l = Math.round(clamp(left, 0, viewport.width - size.width));
  const t = Math.round(clamp(top, 0, viewport.height - size.height));
  const anchorX = l + size.width / 2 > viewport.width / 2 ? 'right' : 'left';
  const anchorY = t + size.height / 2 > viewport.height / 2 ? 'bottom' : 'top';
  return {
    ...placement,
    mode: 'float',
    anchorX,
    anchorY,
    x: Math.max(0, anchorX === 'left' ? l : Math.round(viewport.width - size.width - l)),
    y: Math.max(0, anchorY === 'top' ? t : Math.round(viewport.height - size.height - t)),
  };
}

/**
 * Moves the bar by a keyboard step. Up/down along a side dock slides it along that side; any other
 * move lifts it off the dock into a floating bar.
 */
export function moveBy(placement: Placement, dx: number, dy: number, size: Size, viewport: Size): Placement {
  const at = position(placement, size, viewport, placement.mode === 'bottom');
  if ((placement.mode === 'left' || placement.mode === 'right') && dx === 0) {
    return { ...placement, sideY: Math.round(clamp(at.top + dy, 0, viewport.height - size.height)) };
  }
  return placeAt(placement, at.left + dx, at.top + dy, size, viewport);
}

/** Docks the bar (or floats it back where it last floated), opening it: choosing a place means "show it there". */
export function dock(placement: Placement, mode: DockMode, size: Size, viewport: Size): Placement {
  if ((mode === 'left' || mode === 'right') && placement.mode === 'float') {
    // Docking to a side keeps the bar at the height the agent had it.
    const at = position(placement, size, viewport);
    return { ...placement, mode, view: 'open', sideY: Math.round(at.top) };
  }
  return { ...placement, mode, view: 'open' };
}

export const withView = (placement: Placement, view: BarView): Placement => ({ ...placement, view });

/** The screen edge the hidden bar's tab sticks to. */
export function tabSide(placement: Placement): 'left' | 'right' | 'bottom' {
  return placement.mode === 'float' ? placement.anchorX : placement.mode;
}

/** Where the hidden bar's tab goes: on its edge, at the height (or, at the bottom, the corner) the bar was. */
export function tabPosition(placement: Placement, size: Size, viewport: Size): Point {
  const side = tabSide(placement);
  const at = position(placement, size, viewport);
  if (side === 'left') return { left: 0, top: at.top };
  if (side === 'right') return { left: Math.max(0, viewport.width - size.width), top: at.top };
  return { left: at.left, top: Math.max(0, viewport.height - size.height) };
}

const isCoord = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= MAX_COORD;

/** A stored placement, or undefined when the value is missing or not one (another version, tampering). */
export function parsePlacement(value: unknown): Placement | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  const modes: readonly unknown[] = ['float', 'left', 'right', 'bottom'];
  const views: readonly unknown[] = ['open', 'minimized', 'hidden'];
  if (!modes.includes(v.mode) || !views.includes(v.view)) return undefined;
  if (v.anchorX !== 'left' && v.anchorX !== 'right') return undefined;
  if (v.anchorY !== 'top' && v.anchorY !== 'bottom') return undefined;
  if (!isCoord(v.x) || !isCoord(v.y) || !isCoord(v.sideY)) return undefined;
  return {
    mode: v.mode as DockMode,
    view: v.view as BarView,
    x: v.x,
    y: v.y,
    anchorX: v.anchorX,
    anchorY: v.anchorY,
    sideY: v.sideY,
  };
}
