import type { ScreenLayout } from '../../vendors/frame-host';

/** Window size when the layout gives no pixel size (relative sizes like `90%` apply inside the window). */
const DEFAULT_WIDTH = 420;
const DEFAULT_HEIGHT = 680;
/** Room for the window's own title bar and ours above the frame. */
const CHROME_HEIGHT = 70;
const MIN_SIZE = 200;
const MAX_SIZE = 4_000;

const pixels = (length: string | undefined): number | undefined => {
  const match = length?.trim().match(/^(\d+(?:\.\d+)?)px$/);
  return match ? Number(match[1]) : undefined;
};

const clamp = (value: number) => Math.round(Math.min(MAX_SIZE, Math.max(MIN_SIZE, value)));

/** The outer size of the vendor-screen window: the frame's pixel size plus padding and title bars. */
export function screenWindowSize(layout: ScreenLayout | undefined): { width: number; height: number } {
  const padding = (pixels(layout?.padding) ?? 0) * 2;
  const width = pixels(layout?.width);
  const height = pixels(layout?.height);
  return {
    width: clamp(width === undefined ? DEFAULT_WIDTH : width + padding),
    height: clamp(height === undefined ? DEFAULT_HEIGHT : height + padding + CHROME_HEIGHT),
  };
}
