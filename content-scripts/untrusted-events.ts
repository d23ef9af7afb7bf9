/**
 * Our UI lives in open shadow roots (screen readers and tests need them), so page scripts can reach
 * our controls and fire events at them. Only the user may dial, answer or transfer.
 *
 * Not enough on its own: some calls a page may make fire *trusted* events. `form.requestSubmit()` fires a
 * trusted submit, so our forms never act on submit (src/ui/trusted-submit.ts); `execCommand('insertText')`
 * in a field the page focused fires a trusted input, which no check here can tell from typing.
 */

/** Events a page could forge to drive our controls. */
const USER_EVENTS = [
  'click',
  'dblclick',
  'auxclick',
  'submit',
  'input',
  'change',
  'keydown',
  'keyup',
  'keypress',
  'pointerdown',
  'pointerup',
  'mousedown',
  'mouseup',
] as const;

// Key events from our fields must not reach the page's shortcut handlers ("c" for compose, "/" for search).
const CONTAINED_EVENTS = ['keydown', 'keyup', 'keypress'] as const;

/** Drops untrusted events at the shadow root, in the capture phase, before any of our handlers sees them. */
export function dropUntrustedEvents(shadow: ShadowRoot): void {
  for (const type of USER_EVENTS) {
    shadow.addEventListener(
      type,
      (event) => {
        if (event.isTrusted) return;
        event.stopImmediatePropagation();
        event.preventDefault();
      },
      { capture: true },
    );
  }
}

/** Keeps key presses in our UI from reaching the page's own listeners. */
export function containKeyEvents(host: HTMLElement): void {
  for (const type of CONTAINED_EVENTS) host.addEventListener(type, (event) => event.stopPropagation());
}
