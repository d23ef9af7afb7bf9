// @vitest-environment happy-dom
import { render, useState } from 'preact/compat';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { fillField } from '../../../content-scripts/autofill/fill';

interface CaseState {
  /** The phone field's value. */
  phone: string;
  /** The chosen queue. */
  queue: string;
  /** The subject field's value. */
  subject: string;
  /** The notes field's value. */
  notes: string;
}

let latest: CaseState | undefined;

/** A controlled form as React code writes it: value from state, onChange writes state. */
function CaseForm() {
  const [state, setState] = useState<CaseState>({ phone: '', queue: '', subject: 'New enquiry', notes: '' });
  latest = state;
  const bind = (key: keyof CaseState) => ({
    id: `case-${key}`,
    value: state[key],
    onChange: (event: Event) => {
      const value = (event.target as HTMLInputElement).value;
      setState((current) => ({ ...current, [key]: value }));
    },
  });
  return (
    <form>
      <input type="tel" {...bind('phone')} />
      <select {...bind('queue')}>
        <option value="">Choose a queue…</option>
        <option value="Support">Support</option>
        <option value="Billing">Billing</option>
      </select>
      <input type="text" {...bind('subject')} />
      <textarea {...bind('notes')} />
    </form>
  );
}

const root = document.createElement('div');
const field = (id: string) => root.querySelector(`#${id}`) as HTMLInputElement;

async function mountForm() {
  document.body.append(root);
  await act(() => {
    render(<CaseForm />, root);
  });
}

afterEach(async () => {
  await act(() => {
    render(null, root);
  });
  root.remove();
  latest = undefined;
});

describe('a preact/compat controlled form', () => {
  it('ends up with its own state holding the filled values', async () => {
    await mountForm();
    await act(() => {
      expect(fillField(field('case-phone'), '+390248691234', false)).toBe('filled');
      expect(fillField(field('case-queue'), 'Billing', false)).toBe('filled');
      expect(fillField(field('case-subject'), 'Call from Giulia', false)).toBe('skipped-nonempty');
      expect(fillField(field('case-notes'), 'Customer C-30851', false)).toBe('filled');
    });
    expect(latest).toEqual({
      phone: '+390248691234',
      queue: 'Billing',
      subject: 'New enquiry',
      notes: 'Customer C-30851',
    });
    // And the DOM still shows them after the framework re-rendered from its state.
    expect(field('case-phone').value).toBe('+390248691234');
    expect(field('case-queue').value).toBe('Billing');
  });

  it('does not take a value set on the DOM without events (the control case)', async () => {
    await mountForm();
    await act(() => {
      field('case-phone').value = '+390248691234';
    });
    expect(latest?.phone).toBe('');
  });
});
