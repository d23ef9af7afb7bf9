import browser from 'webextension-polyfill';
import { DEFAULT_PLACEMENT, type Placement, parsePlacement, placementKey } from './placement';

/**
 * The bar's place on one site, in `storage.local`. Only the placement goes here: pages cannot read
 * extension storage, but nothing about calls or the agent belongs next to a per-site key anyway.
 */
export async function loadPlacement(origin: string): Promise<Placement> {
  const key = placementKey(origin);
  try {
    const stored = await browser.storage.local.get(key);
    return parsePlacement(stored[key]) ?? DEFAULT_PLACEMENT;
  } catch {
    // Storage unavailable (extension reloaded under the page): the default place is fine.
    return DEFAULT_PLACEMENT;
  }
}

export async function savePlacement(origin: string, placement: Placement): Promise<void> {
  const { mode, view, x, y, anchorX, anchorY, sideY } = placement;
  try {
    await browser.storage.local.set({
      [placementKey(origin)]: { mode, view, x, y, anchorX, anchorY, sideY },
    });
  } catch {
    // Losing a bar position is harmless; the page must not see an error for it.
  }
}
