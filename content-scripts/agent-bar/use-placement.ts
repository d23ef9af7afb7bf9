import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Placement, Size } from './placement';
import { loadPlacement, savePlacement } from './placement-store';

/** Keyboard moves come in bursts (a held arrow key): write once the agent stops. */
const SAVE_DELAY_MS = 300;

/**
 * When a change reaches storage: `now` for deliberate choices (dock, minimize), so a reload right after
 * keeps them; `soon` for keyboard steps; `never` for the frames of a drag, which is saved when it ends.
 */
export type SaveTiming = 'now' | 'soon' | 'never';

export type UpdatePlacement = (change: (current: Placement) => Placement, timing?: SaveTiming) => void;

/**
 * The bar's placement for this site: loaded once `enabled` (the hub has spoken, so a page where the
 * bar never shows never touches storage), saved after each change by the agent.
 */
export function usePlacement(origin: string, enabled: boolean): [Placement | undefined, UpdatePlacement] {
  const [placement, setPlacement] = useState<Placement | undefined>(undefined);
  const timing = useRef<SaveTiming | undefined>(undefined);

  useEffect(() => {
    if (!enabled || placement) return;
    let live = true;
    void loadPlacement(origin).then((loaded) => {
      if (live) setPlacement((current) => current ?? loaded);
    });
    return () => {
      live = false;
    };
  }, [enabled, origin, placement]);

  useEffect(() => {
    const when = timing.current;
    if (!placement || !when || when === 'never') return;
    timing.current = undefined;
    if (when === 'now') {
      void savePlacement(origin, placement);
      return;
    }
    const timer = setTimeout(() => void savePlacement(origin, placement), SAVE_DELAY_MS);
    // Leaving the page within the delay must not lose the last step.
    const flush = () => void savePlacement(origin, placement);
    window.addEventListener('pagehide', flush);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('pagehide', flush);
    };
  }, [origin, placement]);

  const update = useCallback<UpdatePlacement>((change, when = 'now') => {
    timing.current = when;
    setPlacement((current) => (current ? change(current) : current));
  }, []);

  return [placement, update];
}

/** The layout viewport without scrollbars: the bar must not hide under the page's scrollbar. */
export function readViewport(): Size {
  const root = document.documentElement;
  // In quirks mode the root element's client size is the page's, not the window's.
  if (document.compatMode === 'CSS1Compat' && root.clientWidth > 0 && root.clientHeight > 0) {
    return { width: root.clientWidth, height: root.clientHeight };
  }
  return { width: window.innerWidth, height: window.innerHeight };
}

/** The viewport size, following window resizes while `enabled`. */
export function useViewport(enabled: boolean): Size {
  const [viewport, setViewport] = useState(readViewport);
  useEffect(() => {
    if (!enabled) return;
    const onResize = () => {
      const next = readViewport();
      setViewport((current) =>
        current.width === next.width && current.height === next.height ? current : next,
      );
    };
    onResize();
    window.addEventListener('resize', onResize, { passive: true });
    return () => window.removeEventListener('resize', onResize);
  }, [enabled]);
  return viewport;
}
