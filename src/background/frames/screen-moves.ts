import { errorText } from './error-text';
import type { Frame, Slot } from './frame-record';
import type { FrameRegistry } from './frame-registry';

/**
 * Moves the frame into its vendor-screen window (opening it), or brings the open window to the front.
 * The frame leaves the offscreen document first, so one host holds it; the window's page gets `open`
 * when it says hello, and the frame comes back when the window closes (see hostLost).
 */
export async function showScreen(registry: FrameRegistry, frame: Frame): Promise<void> {
  const { frames, screens, platform } = registry;
  if (frame.slot.page.kind === 'screen') {
    const { windowId } = frame.slot;
    if (windowId !== undefined) await platform.focusWindow(windowId).catch(() => undefined);
    return;
  }
  const { key } = frame.spec;
  const slot: Slot = { page: { kind: 'screen', key }, port: undefined };
  if (frame.placed) registry.send(frame.slot, { type: 'close', key });
  frame.slot = slot;
  frame.placed = false;
  frame.loaded = false;
  screens.set(key, slot);
  registry.releaseOffscreenIfIdle();
  let windowId: number;
  try {
    windowId = await platform.openScreenWindow(key, frame.spec.screen);
  } catch (error) {
    if (screens.get(key) === slot) screens.delete(key);
    if (frames.get(key) === frame && frame.slot === slot) registry.toOffscreen(frame);
    throw new Error(`Softbar could not open the vendor's screen: ${errorText(error)}`);
  }
  slot.windowId ??= windowId;
  // Closed while the window opened: the window has nothing to show.
  if (frames.get(key) !== frame || frame.slot !== slot) void platform.closeWindow(windowId);
}

/** A call rings: the vendor-screen window showing the frame maximizes, when its layout asks for it. */
export function ringing(registry: FrameRegistry, frame: Frame): void {
  if (frame.slot.page.kind === 'screen' && frame.spec.screen?.autoMaximize) {
    registry.send(frame.slot, { type: 'ringing', key: frame.spec.key });
  }
}
