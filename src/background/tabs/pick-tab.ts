import type { BrowserTab } from './tabs-api';

/**
 * The tab the agent most likely means among `tabs`: the selected tab of the window used last, else the
 * one looked at most recently. Undefined when `tabs` is empty.
 */
export function preferredTab(
  tabs: readonly BrowserTab[],
  lastWindowId: number | undefined,
): BrowserTab | undefined {
  const inFront = tabs.find((tab) => tab.active && tab.windowId === lastWindowId);
  if (inFront) return inFront;
  let best: BrowserTab | undefined;
  for (const tab of tabs) {
    if (!best || (tab.lastAccessed ?? 0) > (best.lastAccessed ?? 0)) best = tab;
  }
  return best;
}
