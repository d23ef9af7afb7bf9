import type { TargetedKeyboardEvent, TargetedMouseEvent, TargetedSubmitEvent } from 'preact';

/**
 * Page scripts reach our forms through the open shadow root, and `form.requestSubmit()` fires a
 * *trusted* submit event that the shadow root's untrusted-event guard lets through. So no submit event
 * ever acts: the action runs from the agent's own trusted activation, in its handler, and the submission
 * that activation would start is cancelled.
 */

/** Input types where Enter submits the form (implicit submission); not buttons, boxes or textareas. */
const SUBMITTING_INPUTS: ReadonlySet<string> = new Set([
  'text',
  'tel',
  'search',
  'email',
  'url',
  'number',
  'password',
]);

/** Event props to spread on a `<form>`. */
export interface TrustedSubmitProps {
  /** Runs the action on a trusted click on this form's own submit button. */
  readonly onClick: (event: TargetedMouseEvent<HTMLFormElement>) => void;
  /** Runs the action on a trusted Enter in one of the form's single-line fields. */
  readonly onKeyDown: (event: TargetedKeyboardEvent<HTMLFormElement>) => void;
  /** Cancels every submission, whoever asked for it: the page must not navigate, nor we act. */
  readonly onSubmit: (event: TargetedSubmitEvent<HTMLFormElement>) => void;
}

/**
 * Props that make a form act only for the agent: on a trusted click on its submit button (mouse, Space
 * or Enter on the button, assistive tech) or a trusted Enter in one of its fields. `requestSubmit()`, a
 * dispatched submit event and forged clicks or keys do nothing.
 */
export function trustedSubmit(act: () => unknown): TrustedSubmitProps {
  return {
    onClick: (event) => {
      const button = event.target instanceof Element ? event.target.closest('button') : null;
      if (!event.isTrusted || !button || button.type !== 'submit' || button.form !== event.currentTarget) {
        return;
      }
      // Act here, at our own button, before the click bubbles out to the page's listeners.
      event.preventDefault();
      void act();
    },
    onKeyDown: (event) => {
      const field = event.target;
      if (!event.isTrusted || event.key !== 'Enter' || event.isComposing) return;
      if (!(field instanceof HTMLInputElement) || !SUBMITTING_INPUTS.has(field.type)) return;
      event.preventDefault();
      void act();
    },
    onSubmit: (event) => event.preventDefault(),
  };
}
