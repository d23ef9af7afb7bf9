import type { ScreenLayout } from '../vendors/frame-host';
import type { ScreenWindow, Side } from './screen-window';

const other = (side: Side): Side => (side === 'left' ? 'right' : 'left');

/** A title-bar button: `label` is what a screen reader says, `text` what is shown. */
function button(text: string, label: string, onClick?: () => void): HTMLButtonElement {
  const element = document.createElement('button');
  element.type = 'button';
  element.textContent = text;
  element.title = label;
  element.setAttribute('aria-label', label);
  if (onClick) element.addEventListener('click', onClick);
  return element;
}

/**
 * Fills the title bar with the buttons the vendor's layout offers: minimize, hide to the side (and
 * back), hide in the icon (closes the window; the vendor page keeps running hidden), move to the other
 * side. Returns the side the window starts on, for the first placement.
 */
export function renderTitleBar(
  into: HTMLElement,
  layout: ScreenLayout | undefined,
  win: ScreenWindow,
  failed: (error: unknown) => void,
): Side | undefined {
  const movable = layout?.movable || undefined;
  let side: Side = movable?.position ?? 'right';
  const run = (task: () => Promise<void>) => () => void task().catch(failed);
  const buttons: HTMLButtonElement[] = [];

  if (layout?.minimize)
    buttons.push(
      button(
        '–',
        'Minimize',
        run(() => win.minimize()),
      ),
    );
  if (layout?.hideToSide) {
    const toggle = button('⇥', 'Hide to the side');
    const show = (aside: boolean) => {
      toggle.textContent = aside ? '⇤' : '⇥';
      toggle.setAttribute('aria-label', aside ? 'Show' : 'Hide to the side');
      toggle.title = aside ? 'Show' : 'Hide to the side';
    };
    // The window's state decides (a ringing call may have maximized it since the last click).
    toggle.addEventListener(
      'click',
      run(async () => {
        const hide = !win.aside;
        show(hide);
        await (hide ? win.toSide(side) : win.restore());
      }),
    );
    buttons.push(toggle);
  }
  if (movable) {
    const label = () => `Move to the ${other(side)}`;
    const move = button('⇄', label());
    move.addEventListener(
      'click',
      run(async () => {
        side = other(side);
        move.setAttribute('aria-label', label());
        move.title = label();
        await (win.aside ? win.toSide(side) : win.moveTo(side));
      }),
    );
    buttons.push(move);
  }
  if (layout?.hideInIcon) buttons.push(button('✕', 'Hide', () => win.close()));
  into.replaceChildren(...buttons);
  return movable ? side : undefined;
}
