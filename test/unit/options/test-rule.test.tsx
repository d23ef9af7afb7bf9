// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ScreenPopRule } from '../../../src/core/config/types';
import { answer, button, byLabel, mountPage, press, resetPage, section, type, viewOf } from './harness';

const send = vi.fn();
vi.mock('../../../src/messaging/client', () => ({ send: (...args: unknown[]) => send(...args) }));
const { OptionsApp } = await import('../../../options/OptionsApp');

const crm: ScreenPopRule = {
  id: 'crm',
  label: 'Open CRM record',
  on: 'ringing',
  conditions: [{ field: 'queue', equals: 'Support' }],
  action: 'newTab',
  url: 'https://crm.example.com/contacts?phone={e164}&name={name}&customer={vendor.customerId}',
};

let page: Awaited<ReturnType<typeof mountPage>>;

async function open(screenPop: readonly unknown[]) {
  answer(send, { getConfig: () => viewOf({ screenPop: screenPop as ScreenPopRule[], defaultRegion: 'GB' }) });
  page = await mountPage(<OptionsApp />);
  await vi.waitFor(() => byLabel(page.root, 'Screen-pop rules JSON'));
  return section(page.root, 'Test rule');
}

const preview = (tests: HTMLElement) => tests.querySelector<HTMLElement>('.op-preview');

beforeEach(() => {
  send.mockReset();
  resetPage();
});
afterEach(() => page?.unmount());

describe('Test rule', () => {
  it('shows the URL a saved rule opens for the sample call, as text and as a link', async () => {
    const tests = await open([crm]);
    expect(preview(tests)).toBeNull();
    await press(button(tests, 'Test rule Open CRM record'));
    const expected =
      'https://crm.example.com/contacts?phone=%2B442079460018&name=Olivia%20Bennett&customer=C-1042';
    expect(preview(tests)?.querySelector('code.op-url')?.textContent).toBe(expected);
    const link = preview(tests)?.querySelector('a');
    expect(link?.getAttribute('href')).toBe(expected);
    expect(link?.getAttribute('rel')).toContain('noopener');
    expect(preview(tests)?.textContent).toContain('When the call rings');
    expect(preview(tests)?.textContent).toMatch(/queue equals "Support": holds/);
    expect(preview(tests)?.textContent).toMatch(/this rule fires/);
    // Nothing was sent to the hub: a preview opens nothing.
    expect(send.mock.calls.map(([name]) => name)).not.toContain('updateConfig');
  });

  it('follows the sample call form: fields, number and failing conditions', async () => {
    const tests = await open([crm]);
    await press(button(tests, 'Test rule Open CRM record'));
    await type(byLabel(tests, 'Number'), '020 7946 0958');
    await type(byLabel(tests, 'Name'), 'Ada & Co');
    await type(byLabel<HTMLTextAreaElement>(tests, 'Vendor fields (JSON)'), '{ "customerId": "X/1" }');
    expect(preview(tests)?.querySelector('code.op-url')?.textContent).toBe(
      'https://crm.example.com/contacts?phone=%2B442079460958&name=Ada%20%26%20Co&customer=X%2F1',
    );
    await type(byLabel(tests, 'Queue'), 'Sales');
    expect(preview(tests)?.textContent).toMatch(
      /queue equals "Support": does not hold \(the sample's value: "Sales"\)/,
    );
    expect(preview(tests)?.textContent).toMatch(/would not fire/);
  });

  it('refuses a javascript: template with the reason, and offers no link', async () => {
    const tests = await open([{ id: 'evil', on: 'ringing', action: 'newTab', url: 'javascript:alert(1)' }]);
    await press(button(tests, 'Test rule evil'));
    const shown = preview(tests);
    expect(shown?.textContent).toMatch(/javascript: URL; Softbar opens only http and https addresses/);
    expect(shown?.textContent).toMatch(/would open nothing/);
    expect(shown?.querySelector('a')).toBeNull();
    expect(shown?.querySelector('code.op-url')).toBeNull();
  });

  it('tests the editor content before it is saved', async () => {
    const tests = await open([crm]);
    const editor = byLabel<HTMLTextAreaElement>(page.root, 'Screen-pop rules JSON');
    await type(
      editor,
      JSON.stringify([
        crm,
        {
          id: 'draft',
          label: 'Draft search',
          on: 'answered',
          action: 'popup',
          url: 'https://s.example.com/?q={number}',
        },
        { id: 'data', on: 'ringing', action: 'newTab', url: 'data:text/html,hi' },
      ]),
    );
    expect(tests.textContent).toContain('Unsaved changes');
    await press(button(tests, 'Test rule Draft search'));
    expect(preview(tests)?.textContent).toContain('Preview of Draft search');
    expect(preview(tests)?.querySelector('code.op-url')?.textContent).toBe(
      'https://s.example.com/?q=%2B44%2020%207946%200018',
    );
    expect(preview(tests)?.textContent).toContain('When the call is answered');
    await press(button(tests, 'Test rule data'));
    expect(preview(tests)?.textContent).toMatch(/data: URL; Softbar opens only http and https/);
    // Not one message went to the hub.
    expect(send.mock.calls.map(([name]) => name)).not.toContain('updateConfig');
  });

  it('says why the editor content cannot be tested while it is not JSON', async () => {
    const tests = await open([crm]);
    await type(byLabel<HTMLTextAreaElement>(page.root, 'Screen-pop rules JSON'), '[{ "id": "x", }]');
    expect(tests.textContent).toMatch(
      /cannot be tested yet\. Not valid JSON at line 1, column 13: a comma before "}"/,
    );
    expect(tests.querySelectorAll('button[aria-label^="Test rule"]')).toHaveLength(0);
  });

  it('marks vendor fields that are not a JSON object and tests without them', async () => {
    const tests = await open([crm]);
    await press(button(tests, 'Test rule Open CRM record'));
    const vendor = byLabel<HTMLTextAreaElement>(tests, 'Vendor fields (JSON)');
    await type(vendor, '["C-1"]');
    expect(vendor.getAttribute('aria-invalid')).toBe('true');
    const error = tests.querySelector(`#${vendor.getAttribute('aria-describedby')}`);
    expect(error?.textContent).toMatch(/must be a JSON object/);
    expect(preview(tests)?.querySelector('code.op-url')?.textContent).toMatch(/customer=$/);
  });
});
