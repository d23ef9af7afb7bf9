// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ScreenPopRule } from '../../../src/core/config/types';
import type { ConfigView } from '../../../src/messaging/protocol';
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

const crm: ScreenPopRule = {
  id: 'crm',
  label: 'Open CRM record',
  on: 'ringing',
  conditions: [{ field: 'direction', equals: 'inbound' }],
  action: 'newTab',
  url: 'https://crm.example.com/contacts?phone={e164}',
};

let page: Awaited<ReturnType<typeof mountPage>>;
let current: ConfigView;

/** Opens the page on `config`; the hub stores what `updateConfig` sends when `accept` says so. */
async function open(config: ConfigView, accept: (update: unknown) => unknown = () => ({ ok: true })) {
  current = config;
  answer(send, {
    getConfig: () => current,
    updateConfig: (update) => {
      const result = accept(update) as { ok: boolean };
      if (result.ok) current = { ...current, config: { ...current.config, ...(update as object) } };
      return result;
    },
  });
  page = await mountPage(<OptionsApp />);
  await vi.waitFor(() => byLabel(page.root, 'Screen-pop rules JSON'));
  return section(page.root, 'Screen-pop rules');
}

beforeEach(() => {
  send.mockReset();
  resetPage();
});
afterEach(() => page?.unmount());

describe('screen-pop rules', () => {
  it('lists the rules in force in words', async () => {
    const rules = await open(viewOf({ screenPop: [crm] }));
    const row = [...rules.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent),
    );
    expect(row).toEqual([
      [
        'Open CRM record crm',
        'When the call rings',
        'Opens a new tab',
        'https://crm.example.com/contacts?phone={e164}',
        'direction equals "inbound"',
      ],
    ]);
  });

  it('prefills the editor with the rules, pretty-printed, and saves the parsed list', async () => {
    await open(viewOf({ screenPop: [crm] }));
    const editor = byLabel<HTMLTextAreaElement>(page.root, 'Screen-pop rules JSON');
    expect(editor.value).toBe(JSON.stringify([crm], null, 2));
    const next = [
      { ...crm, on: 'answered' },
      { id: 'focus', on: 'ringing', action: 'focus' },
    ];
    await type(editor, JSON.stringify(next));
    await press(button(page.root, 'Save rules'));
    await vi.waitFor(() => expect(sentUpdates(send)).toEqual([{ screenPop: next }]));
    await vi.waitFor(() => expect(roleTexts(page.root, 'status')).toContain('Screen-pop rules saved'));
    // The editor now shows what the hub stored, and the list follows.
    await vi.waitFor(() => expect(editor.value).toBe(JSON.stringify(next, null, 2)));
    expect(section(page.root, 'Screen-pop rules').textContent).toContain('When the call is answered');
  });

  it('shows a JSON syntax error with its line and column and sends nothing', async () => {
    const rules = await open(viewOf({ screenPop: [crm] }));
    const editor = byLabel<HTMLTextAreaElement>(page.root, 'Screen-pop rules JSON');
    await type(editor, '[\n  { "id": "crm" "on": "ringing" }\n]');
    await press(button(page.root, 'Save rules'));
    const alerts = roleTexts(rules, 'alert');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatch(/not saved.*line 2, column 17: a comma is missing/);
    expect(sentUpdates(send)).toEqual([]);
    // The field points at the error; the typed text stays to be fixed.
    expect(editor.getAttribute('aria-invalid')).toBe('true');
    const described = editor.getAttribute('aria-describedby')?.split(' ') ?? [];
    expect(described.map((id) => page.root.querySelector(`#${id}`)?.getAttribute('role'))).toContain('alert');
    expect(editor.value).toContain('"id": "crm" "on"');
  });

  it('lists every issue the hub found with its path and keeps the rules in force', async () => {
    const issues = [
      {
        path: 'screenPop[0].url',
        message: '"javascript:alert(1)" is a javascript: URL; Softbar opens only http and https addresses',
      },
      { path: 'screenPop[0].on', message: 'must be ringing, answered or ended' },
    ];
    const rules = await open(viewOf({ screenPop: [crm] }), () => ({ ok: false, issues }));
    const editor = byLabel<HTMLTextAreaElement>(page.root, 'Screen-pop rules JSON');
    const bad = JSON.stringify([{ id: 'evil', on: 'soon', action: 'newTab', url: 'javascript:alert(1)' }]);
    await type(editor, bad);
    await press(button(page.root, 'Save rules'));
    await vi.waitFor(() => expect(roleTexts(rules, 'alert')).toHaveLength(1));
    const items = [...rules.querySelectorAll('[role="alert"] li')].map((li) => li.textContent);
    expect(items).toEqual(issues.map((issue) => `${issue.path}: ${issue.message}`));
    expect(roleTexts(rules, 'alert')[0]).toMatch(/rules in force are unchanged/);
    expect(editor.value).toBe(bad);
    expect(rules.querySelector('tbody')?.textContent).toContain('Open CRM record');
  });

  it('shows locked rules read-only, with the policy note and no save button', async () => {
    const rules = await open(viewOf({ screenPop: [crm] }, ['screenPop']));
    expect(byLabel<HTMLTextAreaElement>(page.root, 'Screen-pop rules JSON').readOnly).toBe(true);
    expect(rules.textContent).toMatch(/Set by your organization's policy/);
    expect(() => button(page.root, 'Save rules')).toThrow(/0 buttons/);
  });
});
