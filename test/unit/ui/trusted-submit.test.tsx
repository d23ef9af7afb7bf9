// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { trustedSubmit } from '../../../src/ui/trusted-submit';
import { click, getButton, mount, press, settle, trusted } from './dom';

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

/** Two forms with the helper, as in the bar (the dial form and the call log). */
async function show() {
  const first = vi.fn();
  const second = vi.fn();
  const view = await mount(
    <>
      <form aria-label="First" {...trustedSubmit(first)}>
        <input aria-label="Number" type="text" />
        <textarea aria-label="Notes" />
        <button type="button">Other</button>
        <button type="submit">
          <svg aria-hidden="true" />
          Go
        </button>
      </form>
      <form aria-label="Second" {...trustedSubmit(second)}>
        <button type="submit">Save</button>
      </form>
    </>,
  );
  cleanup = view.unmount;
  const [form, other] = Array.from(view.root.querySelectorAll('form'));
  return { root: view.root, form: form as HTMLFormElement, other: other as HTMLFormElement, first, second };
}

/** What a page script can do to a form it reaches through the open shadow root. */
async function asPage(run: () => void) {
  await act(async () => {
    run();
    await settle();
  });
}

describe('trustedSubmit', () => {
  it('acts on a trusted click on the submit button, also on its icon, and starts no submission', async () => {
    const { root, form, first, second } = await show();
    const submits: Event[] = [];
    form.addEventListener('submit', (event) => submits.push(event));
    await click(getButton(root, 'Go'));
    expect(first).toHaveBeenCalledTimes(1);
    expect(submits).toEqual([]);
    await click(form.querySelector('svg') as Element);
    expect(first).toHaveBeenCalledTimes(2);
    expect(second).not.toHaveBeenCalled();
  });

  it('acts on a trusted Enter in a single-line field, not in a textarea nor while composing', async () => {
    const { form, first } = await show();
    const [input, textarea] = [form.querySelector('input'), form.querySelector('textarea')] as Element[];
    await press(textarea as Element, 'Enter');
    await press(input as Element, 'Enter', { isComposing: true });
    expect(first).not.toHaveBeenCalled();
    await press(input as Element, 'Enter');
    expect(first).toHaveBeenCalledTimes(1);
  });

  it('ignores clicks on other buttons', async () => {
    const { root, first } = await show();
    await click(getButton(root, 'Other'));
    expect(first).not.toHaveBeenCalled();
  });

  it('does nothing for requestSubmit, a dispatched submit, or untrusted clicks and keys', async () => {
    const { root, form, first } = await show();
    const submit = trusted(new SubmitEvent('submit', { bubbles: true, cancelable: true }));
    await asPage(() => {
      form.requestSubmit();
      form.requestSubmit(getButton(root, 'Go'));
      form.dispatchEvent(submit);
      getButton(root, 'Go').click();
      form
        .querySelector('input')
        ?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    });
    expect(first).not.toHaveBeenCalled();
    // Nor does the page navigate.
    expect(submit.defaultPrevented).toBe(true);
  });

  it('acts once per activation, though a page listener submits during it', async () => {
    const { root, form, other, first, second } = await show();
    const pageListener = () => {
      form.requestSubmit();
      other.requestSubmit();
    };
    // Clicks leave the shadow root, so the page's own listeners run during the agent's click.
    document.addEventListener('click', pageListener);
    await click(getButton(root, 'Go'));
    document.removeEventListener('click', pageListener);
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).not.toHaveBeenCalled();
  });
});
