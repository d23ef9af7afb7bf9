import type { Phase } from '../protocol';

/**
 * The non-headless GUI. ASSUMPTION: the real agent bar's GUI is not documented beyond "the
 * application is rendered" into renderTo; the simulator renders one status line there.
 */
export function render(renderTo: string, phase: Phase | 'CONNECTING' | 'OFFLINE', detail: string): void {
  const element = document.getElementById(renderTo);
  if (!element) return;
  element.textContent = `UCS agent bar (simulated): ${phase}${detail ? ` - ${detail}` : ''}`;
}
