import { type ComponentChild, render } from 'preact';
import { act } from 'preact/test-utils';
import type { Mock } from 'vitest';
import { resetDrafts } from '../../../options/drafts';
import { resetHistory } from '../../../options/history-state';
import { defaultSampleInput, sampleInput } from '../../../options/sample';
import { generation, loadError, resetMessages, view } from '../../../options/state';
import { defaultConfig } from '../../../src/core/config/defaults';
import type { SoftbarConfig } from '../../../src/core/config/types';
import type { ConfigView } from '../../../src/messaging/protocol';
import { accessibleName, settle, trusted } from '../ui/dom';

/**
 * Helpers for the options page tests: controls are found by their visible label or accessible name, as
 * the end-to-end tests and screen readers find them, so renaming one breaks a test.
 */

/** A configuration view with `config` over the defaults. */
export function viewOf(config: Partial<SoftbarConfig>, locked?: readonly string[]): ConfigView {
  return {
    config: { ...defaultConfig(), ...config },
    vendors: [{ id: 'demo', label: 'Demo' }],
    ...(locked ? { locked } : {}),
  };
}

type Handler = (data: unknown) => unknown;

/**
 * Makes the mocked `send` answer like the hub: each handler by message name, the call history empty by
 * default; a message without a handler is refused as the hub would be silent.
 */
export function answer(send: Mock, handlers: Partial<Record<string, Handler>>): void {
  const all: Partial<Record<string, Handler>> = {
    getHistory: () => ({ records: [], deliveries: [] }),
    ...handlers,
  };
  send.mockImplementation(async (name: string, data: unknown) => {
    const handler = all[name];
    if (!handler) throw new Error(`Softbar did not answer ${name}`);
    return handler(data);
  });
}

/** The updates the page sent, in order. */
export const sentUpdates = (send: Mock) =>
  send.mock.calls.filter(([name]) => name === 'updateConfig').map(([, data]) => data);

/** The control a `<label for>` names (input, select or textarea). */
export function byLabel<T extends HTMLElement = HTMLInputElement>(root: ParentNode, text: string): T {
  const labels = [...root.querySelectorAll('label')].filter((label) => label.textContent?.trim() === text);
  if (labels.length !== 1) throw new Error(`${labels.length} labels read "${text}"`);
  const id = labels[0]?.getAttribute('for');
  const control = id ? root.querySelector<T>(`#${CSS.escape(id)}`) : null;
  if (!control) throw new Error(`no control labelled "${text}"`);
  return control;
}

/** The one button with this accessible name. */
export function button(root: ParentNode, name: string): HTMLButtonElement {
  const found = [...root.querySelectorAll('button')].filter(
    (candidate) => accessibleName(candidate) === name,
  );
  if (found.length !== 1) {
    const names = [...root.querySelectorAll('button')].map(accessibleName);
    throw new Error(`${found.length} buttons named "${name}"; buttons: ${JSON.stringify(names)}`);
  }
  return found[0] as HTMLButtonElement;
}

/** The section (region) whose heading reads `title`. */
export function section(root: ParentNode, title: string): HTMLElement {
  const found = [...root.querySelectorAll('section')].find(
    (candidate) => accessibleName(candidate) === title,
  );
  if (!found) throw new Error(`no section "${title}"`);
  return found;
}

/** Texts of the elements with `role`. */
export const roleTexts = (root: ParentNode, role: string) =>
  [...root.querySelectorAll(`[role="${role}"]`)].map((el) => el.textContent ?? '');

/** Types into a text field or textarea as a person would (one input event). */
export async function type(field: HTMLInputElement | HTMLTextAreaElement, value: string): Promise<void> {
  await act(async () => {
    field.value = value;
    field.dispatchEvent(new Event('input', { bubbles: true }));
    await settle();
  });
}

export async function press(element: HTMLElement): Promise<void> {
  // A trusted click, as the admin's own: shared forms (the call log) act only on trusted activation.
  await act(async () => {
    element.dispatchEvent(
      trusted(new PointerEvent('click', { bubbles: true, composed: true, cancelable: true })),
    );
    await settle();
  });
}

/** Renders `vnode` into a fresh root in the document. */
export async function mountPage(vnode: ComponentChild): Promise<{ root: HTMLElement; unmount: () => void }> {
  const root = document.createElement('div');
  document.body.append(root);
  await act(() => {
    render(vnode, root);
  });
  return {
    root,
    unmount: () => {
      render(null, root);
      root.remove();
    },
  };
}

/** Forgets everything the page's modules hold between tests. */
export function resetPage(): void {
  view.value = undefined;
  loadError.value = undefined;
  generation.value = 0;
  resetMessages();
  resetDrafts();
  resetHistory();
  sampleInput.value = defaultSampleInput();
}
