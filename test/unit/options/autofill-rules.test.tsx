// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AutofillRule } from '../../../src/core/config/types';
import {
  answer,
  button,
  byLabel,
  mountPage,
  press,
  resetPage,
  roleTexts,
  section,
  sentUpdates,
  type,
  viewOf,
} from './harness';

const send = vi.fn();
vi.mock('../../../src/messaging/client', () => ({ send: (...args: unknown[]) => send(...args) }));
const { OptionsApp } = await import('../../../options/OptionsApp');

const ticket: AutofillRule = {
  id: 'ticket',
  label: 'Ticket form',
  match: 'https://crm.example.com/tickets/*',
  on: 'answered',
  conditions: [],
  overwrite: false,
  fields: [
    { selector: '#phone', value: '{e164}' },
    { selector: 'textarea[name=subject]', value: 'Call from {name} ({vendor.priority})', overwrite: true },
  ],
};

let page: Awaited<ReturnType<typeof mountPage>>;

beforeEach(async () => {
  send.mockReset();
  resetPage();
  answer(send, { getConfig: () => viewOf({ autofill: [ticket] }), updateConfig: () => ({ ok: true }) });
  page = await mountPage(<OptionsApp />);
  await vi.waitFor(() => byLabel(page.root, 'Autofill rules JSON'));
});
afterEach(() => page.unmount());

const cells = (root: ParentNode) =>
  [...root.querySelectorAll('tbody tr')].map((tr) =>
    [...tr.querySelectorAll('td')].map((td) => td.textContent),
  );

describe('autofill rules', () => {
  it('lists each rule with the value each field gets for the sample call', async () => {
    const autofill = section(page.root, 'Autofill rules');
    expect(autofill.textContent).toContain('https://crm.example.com/tickets/*');
    expect(autofill.textContent).toContain('When the call is answered');
    expect(cells(autofill)).toEqual([
      ['#phone', '{e164}', '+442079460018', 'Kept'],
      [
        'textarea[name=subject]',
        'Call from {name} ({vendor.priority})',
        'Call from Olivia Bennett (gold)',
        'Replaced',
      ],
    ]);
    // The sample call form under "Test rule" drives these values too.
    await type(byLabel(page.root, 'Name'), 'Ada');
    expect(cells(autofill)[1]?.[2]).toBe('Call from Ada (gold)');
  });

  it('saves the parsed list and refuses text that is not JSON', async () => {
    const editor = byLabel<HTMLTextAreaElement>(page.root, 'Autofill rules JSON');
    expect(JSON.parse(editor.value)).toEqual([ticket]);
    await type(editor, '[oops]');
    await press(button(page.root, 'Save autofill rules'));
    expect(roleTexts(section(page.root, 'Autofill rules'), 'alert')[0]).toMatch(
      /autofill rules were not saved\. Not valid JSON at line 1, column 2/,
    );
    expect(sentUpdates(send)).toEqual([]);
    await type(editor, '[]');
    await press(button(page.root, 'Save autofill rules'));
    await vi.waitFor(() => expect(sentUpdates(send)).toEqual([{ autofill: [] }]));
    await vi.waitFor(() => expect(roleTexts(page.root, 'status')).toContain('Autofill rules saved'));
    expect(roleTexts(page.root, 'alert')).toEqual([]);
  });
});
