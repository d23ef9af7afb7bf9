import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PLACEMENT,
  dock,
  moveBy,
  type Placement,
  parsePlacement,
  placeAt,
  placementKey,
  position,
  tabPosition,
  tabSide,
  withView,
} from '../../../content-scripts/agent-bar/placement';

const VIEW = { width: 1280, height: 800 };
const BAR = { width: 320, height: 400 };

describe('position', () => {
  it('puts a fresh bar in the bottom-right corner, 16px in', () => {
    expect(position(DEFAULT_PLACEMENT, BAR, VIEW)).toEqual({ left: 1280 - 320 - 16, top: 800 - 400 - 16 });
  });

  it('keeps a bottom-right bar in its corner when the window shrinks', () => {
    expect(position(DEFAULT_PLACEMENT, BAR, { width: 900, height: 600 })).toEqual({ left: 564, top: 184 });
  });

  it('clamps a bar that would leave the viewport', () => {
    const far: Placement = { ...DEFAULT_PLACEMENT, anchorX: 'left', anchorY: 'top', x: 5000, y: 5000 };
    expect(position(far, BAR, VIEW)).toEqual({ left: 960, top: 400 });
  });

  it('keeps the top-left corner (the handle) visible when the bar is bigger than the window', () => {
    expect(position(DEFAULT_PLACEMENT, BAR, { width: 300, height: 300 })).toEqual({ left: 0, top: 0 });
  });

  it('docks to the sides at the remembered height, clamped', () => {
    expect(position({ ...DEFAULT_PLACEMENT, mode: 'left', sideY: 100 }, BAR, VIEW)).toEqual({
      left: 0,
      top: 100,
    });
    expect(position({ ...DEFAULT_PLACEMENT, mode: 'right', sideY: 700 }, BAR, VIEW)).toEqual({
      left: 960,
      top: 400,
    });
  });

  it('docks to the bottom across the width, or puts a small handle in the corner', () => {
    const bottom: Placement = { ...DEFAULT_PLACEMENT, mode: 'bottom' };
    expect(position(bottom, { width: 1280, height: 180 }, VIEW, true)).toEqual({ left: 0, top: 620 });
    expect(position(bottom, { width: 100, height: 36 }, VIEW)).toEqual({ left: 1164, top: 764 });
  });
});

describe('placeAt', () => {
  it('anchors to the nearest edges so resizes keep the bar where the agent put it', () => {
    const p = placeAt(DEFAULT_PLACEMENT, 100, 50, BAR, VIEW);
    expect(p).toMatchObject({ mode: 'float', anchorX: 'left', anchorY: 'top', x: 100, y: 50 });
    const q = placeAt(DEFAULT_PLACEMENT, 900, 380, BAR, VIEW);
    expect(q).toMatchObject({ anchorX: 'right', anchorY: 'bottom', x: 60, y: 20 });
    expect(position(q, BAR, VIEW)).toEqual({ left: 900, top: 380 });
  });

  it('never places the bar outside the viewport', () => {
    const p = placeAt(DEFAULT_PLACEMENT, -500, 9000, BAR, VIEW);
    expect(position(p, BAR, VIEW)).toEqual({ left: 0, top: 400 });
  });

  it('lifts a docked bar into a floating one', () => {
    expect(placeAt({ ...DEFAULT_PLACEMENT, mode: 'right' }, 10, 10, BAR, VIEW).mode).toBe('float');
  });
});

describe('moveBy (keyboard)', () => {
  it('moves a floating bar by the step', () => {
    const start = placeAt(DEFAULT_PLACEMENT, 100, 100, BAR, VIEW);
    expect(position(moveBy(start, 10, -10, BAR, VIEW), BAR, VIEW)).toEqual({ left: 110, top: 90 });
  });

  it('stops at the edges', () => {
    const start = placeAt(DEFAULT_PLACEMENT, 0, 0, BAR, VIEW);
    expect(position(moveBy(start, -10, -10, BAR, VIEW), BAR, VIEW)).toEqual({ left: 0, top: 0 });
  });

  it('slides along a side dock with up and down, and undocks with left and right', () => {
    const docked: Placement = { ...DEFAULT_PLACEMENT, mode: 'left', sideY: 100 };
    expect(moveBy(docked, 0, 50, BAR, VIEW)).toMatchObject({ mode: 'left', sideY: 150 });
    expect(moveBy(docked, 10, 0, BAR, VIEW)).toMatchObject({ mode: 'float', x: 10, y: 100, anchorX: 'left' });
  });
});

describe('dock', () => {
  it('docks to a side at the current height and floats back where it was', () => {
    const floating = placeAt(DEFAULT_PLACEMENT, 200, 150, BAR, VIEW);
    const left = dock(floating, 'left', BAR, VIEW);
    expect(left).toMatchObject({ mode: 'left', sideY: 150 });
    const back = dock(left, 'float', BAR, VIEW);
    expect(position(back, BAR, VIEW)).toEqual({ left: 200, top: 150 });
  });

  it('opens the bar', () => {
    expect(dock(withView(DEFAULT_PLACEMENT, 'hidden'), 'bottom', BAR, VIEW).view).toBe('open');
  });
});

describe('hidden tab', () => {
  it('goes to the docked side, or the side a floating bar is nearest', () => {
    expect(tabSide({ ...DEFAULT_PLACEMENT, mode: 'left' })).toBe('left');
    expect(tabSide({ ...DEFAULT_PLACEMENT, mode: 'bottom' })).toBe('bottom');
    expect(tabSide(DEFAULT_PLACEMENT)).toBe('right');
    expect(tabSide(placeAt(DEFAULT_PLACEMENT, 10, 10, BAR, VIEW))).toBe('left');
  });

  it('sticks to the edge', () => {
    const tab = { width: 16, height: 64 };
    expect(tabPosition(DEFAULT_PLACEMENT, tab, VIEW)).toEqual({ left: 1264, top: 720 });
    expect(tabPosition({ ...DEFAULT_PLACEMENT, mode: 'left', sideY: 30 }, tab, VIEW)).toEqual({
      left: 0,
      top: 30,
    });
  });
});

describe('stored placements', () => {
  it('are keyed per site', () => {
    expect(placementKey('https://crm.example.com')).toBe('softbar.barPlacement.v1:https://crm.example.com');
  });

  it('round-trip', () => {
    const p = dock(placeAt(DEFAULT_PLACEMENT, 10, 20, BAR, VIEW), 'right', BAR, VIEW);
    expect(parsePlacement(JSON.parse(JSON.stringify(p)))).toEqual(p);
  });

  it.each([
    undefined,
    null,
    'float',
    {},
    { ...DEFAULT_PLACEMENT, mode: 'top' },
    { ...DEFAULT_PLACEMENT, view: 'gone' },
    { ...DEFAULT_PLACEMENT, x: -1 },
    { ...DEFAULT_PLACEMENT, y: Number.NaN },
    { ...DEFAULT_PLACEMENT, sideY: 1e9 },
    { ...DEFAULT_PLACEMENT, anchorX: 'middle' },
  ])('reject %j', (value) => {
    expect(parsePlacement(value)).toBeUndefined();
  });

  it('drop unknown fields', () => {
    expect(parsePlacement({ ...DEFAULT_PLACEMENT, token: 'secret' })).toEqual(DEFAULT_PLACEMENT);
  });
});
