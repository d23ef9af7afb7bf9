/**
 * Puts one value into one form field the way typing would, so the page's framework notices.
 *
 * React keeps its own copy of an input's value (a "value tracker" on the element) and only reports a
 * change when the element's real value differs from that copy. Assigning `element.value` from page code
 * goes through the tracker and React sees nothing; calling the prototype's native setter changes the real
 * value only, so the `input` event that follows reaches the form's own onChange and state. Vue, Angular
 * and plain forms listen for the same `input` and `change` events.
 */

/** What happened to one field. */
export type FillOutcome =
  | 'filled' // the value is in, events sent
  | 'skipped-nonempty' // the field already had text and the rule does not overwrite
  | 'not-found' // no element (the form is not on the page, or not yet)
  | 'not-fillable' // disabled, read-only, hidden, a password, or not a text field / select
  | 'no-option'; // a select without an option whose value or text is the value

/** Input types that hold text an agent could have typed. */
const TEXT_TYPES = new Set(['text', 'search', 'tel', 'email', 'url', 'number']);
/** What a number field accepts (HTML's "valid floating-point number"). */
const FLOAT = /^-?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][-+]?\d+)?$/;

function nativeValueSetter(element: Element, name: 'input' | 'textarea' | 'select') {
  // The element's own window: its prototypes are the ones whose setters the element's framework wraps.
  const view = (element.ownerDocument.defaultView ?? globalThis) as typeof globalThis;
  const proto = {
    input: view.HTMLInputElement.prototype,
    textarea: view.HTMLTextAreaElement.prototype,
    select: view.HTMLSelectElement.prototype,
  }[name];
  return Object.getOwnPropertyDescriptor(proto, 'value')?.set;
}

function disabled(element: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement): boolean {
  if (element.disabled) return true;
  try {
    // Also catches a field inside a disabled <fieldset>.
    return element.matches(':disabled');
  } catch {
    return false;
  }
}

function dispatch(element: Element, types: readonly string[]): void {
  const view = (element.ownerDocument.defaultView ?? globalThis) as typeof globalThis;
  for (const type of types) element.dispatchEvent(new view.Event(type, { bubbles: true }));
}

function fillText(
  element: HTMLInputElement | HTMLTextAreaElement,
  value: string,
  overwrite: boolean,
): FillOutcome {
  if (disabled(element) || element.readOnly) return 'not-fillable';
  if (element.value !== '' && !overwrite) return 'skipped-nonempty';
  const setter = nativeValueSetter(element, element.localName === 'input' ? 'input' : 'textarea');
  if (!setter) return 'not-fillable';
  setter.call(element, value);
  // Typing fires input, then change when the field loses focus; some forms save on change only.
  dispatch(element, ['input', 'change']);
  return 'filled';
}

function fillSelect(element: HTMLSelectElement, value: string, overwrite: boolean): FillOutcome {
  if (disabled(element)) return 'not-fillable';
  const options = Array.from(element.options);
  const wanted = value.trim();
  const option =
    options.find((candidate) => candidate.value === value) ??
    options.find((candidate) => candidate.text.trim() === wanted);
  if (!option) return 'no-option';
  // A select is empty while its choice is a placeholder with no value ("Choose a queue…"); one without a
  // placeholder always shows a choice, so only an overwriting rule changes it.
  if (element.value !== '' && !overwrite) return 'skipped-nonempty';
  if (element.value === option.value) return 'filled';
  nativeValueSetter(element, 'select')?.call(element, option.value);
  dispatch(element, ['input', 'change']);
  return 'filled';
}

/**
 * Fills `element` with `value`: text inputs and textareas take the text, selects choose the option whose
 * value (else text) equals it. A field with text is left alone unless `overwrite`. Hidden inputs are
 * refused: the agent cannot see or check what would be submitted. Passwords are refused: call data is
 * never a credential. Focus is not moved, so the agent's typing elsewhere is not interrupted.
 */
export function fillField(element: Element | null, value: string, overwrite: boolean): FillOutcome {
  if (!element) return 'not-found';
  switch (element.localName) {
    case 'input': {
      const input = element as HTMLInputElement;
      // `type` reads "text" for a missing or unknown type attribute, as the browser treats it.
      if (!TEXT_TYPES.has(input.type)) return 'not-fillable';
      // A number field would silently turn any other text into an empty value.
      if (input.type === 'number' && !FLOAT.test(value.trim())) return 'not-fillable';
      return fillText(input, input.type === 'number' ? value.trim() : value, overwrite);
    }
    case 'textarea':
      return fillText(element as HTMLTextAreaElement, value, overwrite);
    case 'select':
      return fillSelect(element as HTMLSelectElement, value, overwrite);
    default:
      return 'not-fillable';
  }
}
