// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { fillField } from '../../../content-scripts/autofill/fill';

function html(markup: string): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML = markup;
  document.body.append(root);
  return root;
}

/** Records the events a field receives, with the value the field held when each arrived. */
function record(element: Element): string[] {
  const seen: string[] = [];
  for (const type of ['input', 'change']) {
    element.addEventListener(type, (event) => {
      seen.push(`${event.type}:${(event.target as HTMLInputElement).value}:${event.bubbles}`);
    });
  }
  return seen;
}

/**
 * React's value tracker, as react-dom installs it: an own `value` property on the element that remembers
 * what was last set through it. React fires onChange only when the real value differs from the tracked one.
 */
function trackLikeReact(input: HTMLInputElement | HTMLTextAreaElement) {
  const proto = Object.getPrototypeOf(input) as object;
  const native = Object.getOwnPropertyDescriptor(proto, 'value') as PropertyDescriptor;
  let tracked = input.value;
  Object.defineProperty(input, 'value', {
    configurable: true,
    get() {
      return native.get?.call(this);
    },
    set(value: string) {
      tracked = value;
      native.set?.call(this, value);
    },
  });
  return { changed: () => tracked !== native.get?.call(input) };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('fillField', () => {
  it('sets an empty input and sends input then change, both bubbling', () => {
    const input = html('<input id="phone" type="tel">').querySelector('input') as HTMLInputElement;
    const seen = record(input);
    expect(fillField(input, '+442079460958', false)).toBe('filled');
    expect(input.value).toBe('+442079460958');
    expect(seen).toEqual(['input:+442079460958:true', 'change:+442079460958:true']);
  });

  it('goes around a React-style value tracker, so React sees a change', () => {
    const root = html('<input id="a"><textarea id="b"></textarea>');
    for (const field of [root.querySelector('input'), root.querySelector('textarea')]) {
      const tracker = trackLikeReact(field as HTMLInputElement);
      expect(fillField(field, 'Giulia', false)).toBe('filled');
      expect((field as HTMLInputElement).value).toBe('Giulia');
      // Through `element.value = …` the tracker would hold "Giulia" too, and React would ignore the event.
      expect(tracker.changed()).toBe(true);
    }
  });

  it('leaves a field with text alone unless told to overwrite', () => {
    const input = html('<input value="Typed by the agent">').querySelector('input') as HTMLInputElement;
    const seen = record(input);
    expect(fillField(input, 'From the call', false)).toBe('skipped-nonempty');
    expect(input.value).toBe('Typed by the agent');
    expect(seen).toEqual([]);
    expect(fillField(input, 'From the call', true)).toBe('filled');
    expect(input.value).toBe('From the call');
  });

  it('fills a textarea', () => {
    const area = html('<textarea></textarea>').querySelector('textarea') as HTMLTextAreaElement;
    const seen = record(area);
    expect(fillField(area, 'Line one\nLine two', false)).toBe('filled');
    expect(area.value).toBe('Line one\nLine two');
    expect(seen).toHaveLength(2);
  });

  it('chooses a select option by value, else by its text', () => {
    const select = html(
      `<select><option value="">Choose…</option><option value="q-1">Support</option><option value="q-2">Billing</option></select>`,
    ).querySelector('select') as HTMLSelectElement;
    const seen = record(select);
    expect(fillField(select, 'q-2', false)).toBe('filled');
    expect(select.value).toBe('q-2');
    expect(seen).toEqual(['input:q-2:true', 'change:q-2:true']);
    // A chosen option counts as text: changing it takes overwrite.
    expect(fillField(select, 'Support', false)).toBe('skipped-nonempty');
    expect(fillField(select, ' Support ', true)).toBe('filled');
    expect(select.value).toBe('q-1');
  });

  it('reports a select without the option and leaves it', () => {
    const select = html(
      '<select><option value="">Choose…</option><option>Sales</option></select>',
    ).querySelector('select') as HTMLSelectElement;
    const seen = record(select);
    expect(fillField(select, 'Billing', true)).toBe('no-option');
    expect(select.value).toBe('');
    expect(seen).toEqual([]);
  });

  it('refuses fields the agent cannot see or change, and passwords', () => {
    const root = html(`
      <input id="disabled" disabled>
      <input id="readonly" readonly>
      <textarea id="ro-area" readonly></textarea>
      <input id="hidden" type="hidden">
      <input id="password" type="password">
      <input id="box" type="checkbox">
      <select id="off" disabled><option value="">-</option><option>Sales</option></select>
      <div id="div" contenteditable="true"></div>`);
    for (const id of ['disabled', 'readonly', 'ro-area', 'hidden', 'password', 'box', 'off', 'div']) {
      const element = root.querySelector(`#${id}`);
      expect(fillField(element, 'Sales', true), id).toBe('not-fillable');
    }
    expect((root.querySelector('#hidden') as HTMLInputElement).value).toBe('');
  });

  it('fills a number field only with a number', () => {
    const input = html('<input type="number">').querySelector('input') as HTMLInputElement;
    expect(fillField(input, 'C-30851', false)).toBe('not-fillable');
    expect(fillField(input, ' 30851 ', false)).toBe('filled');
    expect(input.value).toBe('30851');
  });

  it('reports a missing element', () => {
    expect(fillField(null, 'x', true)).toBe('not-found');
  });
});
