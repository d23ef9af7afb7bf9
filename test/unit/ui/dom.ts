import { type ComponentChild, render } from 'preact';
import { act } from 'preact/test-utils';

/**
 * A small stand-in for Testing Library: finds controls by role and accessible name the way the
 * end-to-end tests (and screen readers) do, so these tests break when a name changes.
 */

export async function mount(
  vnode: ComponentChild,
): Promise<{ root: HTMLElement; unmount: () => Promise<void> }> {
  const root = document.createElement('div');
  document.body.append(root);
  await act(() => {
    render(vnode, root);
  });
  return {
    root,
    unmount: async () => {
      await act(() => {
        render(null, root);
      });
      root.remove();
    },
  };
}

function isHidden(element: Element): boolean {
  for (let node: Element | null = element; node; node = node.parentElement) {
    if (node.getAttribute('aria-hidden') === 'true' || node.hasAttribute('hidden')) return true;
  }
  return false;
}

function textOf(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  if (!(node instanceof Element) || node.getAttribute('aria-hidden') === 'true') return '';
  return Array.from(node.childNodes, textOf).join('');
}

const clean = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Accessible name: aria-labelledby, aria-label, a <label for>, then the element's own text. */
export function accessibleName(element: Element): string {
  const scope = element.getRootNode() as Document | ShadowRoot;
  const labelledBy = element.getAttribute('aria-labelledby');
  if (labelledBy) {
    return clean(
      labelledBy
        .split(/\s+/)
        .map((id) => textOf(scope.getElementById(id) as Node))
        .join(' '),
    );
  }
  const label = element.getAttribute('aria-label');
  if (label) return clean(label);
  if (element.id) {
    const forLabel = scope.querySelector(`label[for="${element.id}"]`);
    if (forLabel) return clean(textOf(forLabel));
  }
  return clean(textOf(element));
}

export function buttons(scope: ParentNode): HTMLButtonElement[] {
  return Array.from(scope.querySelectorAll('button')).filter((b) => !isHidden(b));
}

export function buttonNames(scope: ParentNode): string[] {
  return buttons(scope).map(accessibleName);
}

export function queryButton(scope: ParentNode, name: string): HTMLButtonElement | undefined {
  const found = buttons(scope).filter((b) => accessibleName(b) === name);
  if (found.length > 1) throw new Error(`${found.length} buttons are named "${name}"`);
  return found[0];
}

export function getButton(scope: ParentNode, name: string): HTMLButtonElement {
  const found = queryButton(scope, name);
  if (!found) throw new Error(`No button named "${name}"; buttons: ${JSON.stringify(buttonNames(scope))}`);
  return found;
}

/** An input or select by its accessible name. */
export function getField<T extends HTMLInputElement | HTMLSelectElement = HTMLInputElement>(
  scope: ParentNode,
  name: string,
): T {
  const found = Array.from(scope.querySelectorAll<T>('input, select')).filter(
    (f) => accessibleName(f) === name,
  );
  if (found.length !== 1) throw new Error(`${found.length} fields are named "${name}"`);
  return found[0] as T;
}

/**
 * An event that claims to come from the user. happy-dom lets tests set `isTrusted`; browsers make it
 * unforgeable, so production code that checks it stays sound.
 */
export function trusted<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

/** The agent clicks: a trusted click, like `element.click()` from a real pointer. */
export async function click(element: Element): Promise<void> {
  await act(async () => {
    element.dispatchEvent(
      trusted(new PointerEvent('click', { bubbles: true, composed: true, cancelable: true })),
    );
    await settle();
  });
}

/** The agent types: the field's new text and a trusted input event. */
export async function typeInto(input: HTMLInputElement | HTMLTextAreaElement, value: string): Promise<void> {
  await act(async () => {
    input.value = value;
    input.dispatchEvent(trusted(new InputEvent('input', { bubbles: true, composed: true })));
    await settle();
  });
}

/** The agent picks an option: a trusted change event. */
export async function choose(select: HTMLSelectElement, value: string): Promise<void> {
  await act(async () => {
    select.value = value;
    select.dispatchEvent(trusted(new Event('change', { bubbles: true })));
    await settle();
  });
}

/** The agent presses a key: a trusted keydown. */
export async function press(element: Element, key: string, init: KeyboardEventInit = {}): Promise<void> {
  await act(async () => {
    element.dispatchEvent(
      trusted(
        new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true, ...init }),
      ),
    );
    await settle();
  });
}

/** Lets pending promise callbacks (a mocked `send` resolving) run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}
