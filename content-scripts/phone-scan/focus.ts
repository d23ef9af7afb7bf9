import type { Affordance } from './affordance';
import { isDialLink, SKIP_SELECTOR } from './dom-rules';
import type { Lookup } from './lookup';

/**
 * Keyboard access. Text numbers are not focusable, but the rows, cells and links that hold them often
 * are: when one of those takes focus, its text is read and the button appears for its first number and a screen reader hears
 * how to reach it; Alt+Enter moves focus to the button (Enter or Space then calls; Escape or Tab goes
 * back). tel: links need none of this: they are focusable, and Enter on them is a click we handle.
 */
export const FOCUS_KEY = { key: 'Enter', label: 'Alt+Enter' } as const;

export function trackFocus(doc: Document, signal: AbortSignal, affordance: Affordance, lookup: Lookup): void {
  const options = { capture: true, signal };
  // The element the button is shown for, while it is shown because of focus.
  let origin: Element | undefined;

  doc.addEventListener(
    'focusin',
    (event) => {
      // A page's synthetic focusin makes no lookup.
      if (!event.isTrusted) return;
      const target = event.target as Node | null;
      if (!target || target.nodeType !== Node.ELEMENT_NODE || affordance.isOurs(target)) return;
      const element = target as Element;
      if (affordance.dismissed === element || isDialLink(element) || element.closest(SKIP_SELECTOR)) return;
      const number = lookup.firstIn(element);
      if (!number) {
        if (affordance.via === 'focus') affordance.hide();
        return;
      }
      affordance.show(number, 'focus');
      origin = element;
      if (affordance.via === 'focus') affordance.announce(`${number.raw}: press ${FOCUS_KEY.label} to call.`);
    },
    options,
  );

  doc.addEventListener(
    'focusout',
    (event) => {
      if (event.target === affordance.dismissed) affordance.dismissed = undefined;
      // Focus moving onto our button keeps it; anywhere else it goes. `relatedTarget` says where focus
      // goes, when the browser knows; otherwise look once it has landed.
      if (affordance.via !== 'focus' || affordance.isOurs(event.relatedTarget)) return;
      setTimeout(() => {
        const now = doc.activeElement;
        if (affordance.via === 'focus' && now !== origin && !affordance.isOurs(now)) affordance.hide();
      }, 0);
    },
    options,
  );

  doc.addEventListener(
    'keydown',
    (event) => {
      if (!event.isTrusted || event.key !== FOCUS_KEY.key) return;
      if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      if (affordance.focusButton()) {
        event.preventDefault();
        event.stopImmediatePropagation();
      }
    },
    options,
  );
}
