// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CallLogSettings } from '../../../src/core/config/types';
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

const withWebhook: CallLogSettings = {
  prompt: true,
  dispositions: ['Resolved', 'Callback'],
  webhook: {
    url: 'https://crm.example.com/hook',
    headers: { Authorization: 'Bearer secret-token' },
    retryBaseMs: 2000,
    retryMaxMs: 300000,
  },
};

let page: Awaited<ReturnType<typeof mountPage>>;

async function open(
  callLog: CallLogSettings,
  options: { locked?: string[]; update?: (data: unknown) => unknown } = {},
) {
  answer(send, {
    getConfig: () => viewOf({ callLog }, options.locked),
    updateConfig: options.update ?? (() => ({ ok: true })),
  });
  page = await mountPage(<OptionsApp />);
  await vi.waitFor(() => byLabel(page.root, 'Webhook URL'));
  return section(page.root, 'Call log');
}

async function toggle(box: HTMLInputElement) {
  await press(box);
}

beforeEach(() => {
  send.mockReset();
  resetPage();
});
afterEach(() => page?.unmount());

describe('call log settings', () => {
  it('shows the settings in force and saves the edited ones', async () => {
    await open({ prompt: true, dispositions: ['Resolved'] });
    const prompt = byLabel(page.root, 'Ask for notes after each call');
    expect(prompt.checked).toBe(true);
    expect(byLabel<HTMLTextAreaElement>(page.root, 'Dispositions').value).toBe('Resolved');
    await toggle(prompt);
    await type(
      byLabel<HTMLTextAreaElement>(page.root, 'Dispositions'),
      'Resolved\n  Callback \n\nEscalated\n',
    );
    await type(byLabel(page.root, 'Webhook URL'), ' https://crm.example.com/hook ');
    await type(byLabel<HTMLTextAreaElement>(page.root, 'Webhook headers'), '{ "Authorization": "Bearer t" }');
    await type(byLabel(page.root, 'Retry base delay (ms)'), '500');
    await type(byLabel(page.root, 'Retry max delay (ms)'), '60000');
    await press(button(page.root, 'Save call log settings'));
    await vi.waitFor(() =>
      expect(sentUpdates(send)).toEqual([
        {
          callLog: {
            prompt: false,
            dispositions: ['Resolved', 'Callback', 'Escalated'],
            webhook: {
              url: 'https://crm.example.com/hook',
              headers: { Authorization: 'Bearer t' },
              retryBaseMs: 500,
              retryMaxMs: 60000,
            },
          },
        },
      ]),
    );
    await vi.waitFor(() => expect(roleTexts(page.root, 'status')).toContain('Call log settings saved'));
  });

  it('sends no webhook without a URL, and leaves empty delays to the defaults', async () => {
    await open(withWebhook);
    await type(byLabel(page.root, 'Webhook URL'), '');
    await press(button(page.root, 'Save call log settings'));
    await vi.waitFor(() =>
      expect(sentUpdates(send)).toEqual([
        { callLog: { prompt: true, dispositions: ['Resolved', 'Callback'] } },
      ]),
    );
  });

  it('hides header values until asked, and saves them unchanged', async () => {
    await open(withWebhook);
    const headers = byLabel<HTMLTextAreaElement>(page.root, 'Webhook headers');
    expect(headers.value).not.toContain('secret-token');
    expect(headers.value).toContain('"Authorization"');
    expect(headers.readOnly).toBe(true);
    await press(button(page.root, 'Show header values'));
    expect(headers.value).toContain('Bearer secret-token');
    expect(headers.readOnly).toBe(false);
    await press(button(page.root, 'Hide header values'));
    expect(headers.value).not.toContain('secret-token');
    await press(button(page.root, 'Save call log settings'));
    // The delays in force are the defaults: left out, so the hub keeps applying its own.
    const { retryBaseMs, retryMaxMs, ...unchanged } = withWebhook.webhook ?? { url: '', headers: {} };
    await vi.waitFor(() =>
      expect(sentUpdates(send)).toEqual([{ callLog: { ...withWebhook, webhook: unchanged } }]),
    );
  });

  it('shows default delays as placeholders, not as values the admin set', async () => {
    await open(withWebhook);
    const base = byLabel(page.root, 'Retry base delay (ms)');
    const max = byLabel(page.root, 'Retry max delay (ms)');
    expect([base.value, max.value]).toEqual(['', '']);
    expect([base.placeholder, max.placeholder]).toEqual(['2000 (default)', '300000 (default)']);
    await type(base, '400000');
    expect(max.placeholder).toBe('400000 (default)');
    await press(button(page.root, 'Save call log settings'));
    await vi.waitFor(() =>
      expect(sentUpdates(send)).toEqual([
        {
          callLog: {
            prompt: true,
            dispositions: ['Resolved', 'Callback'],
            webhook: {
              url: 'https://crm.example.com/hook',
              headers: { Authorization: 'Bearer secret-token' },
              retryBaseMs: 400000,
            },
          },
        },
      ]),
    );
  });

  it('refuses headers that are not JSON before sending, and marks the field', async () => {
    const callLog = await open({ prompt: true, dispositions: [] });
    await type(byLabel(page.root, 'Webhook URL'), 'https://crm.example.com/hook');
    const headers = byLabel<HTMLTextAreaElement>(page.root, 'Webhook headers');
    await type(headers, '{ Authorization: "x" }');
    await press(button(page.root, 'Save call log settings'));
    expect(sentUpdates(send)).toEqual([]);
    expect(roleTexts(callLog, 'alert')[0]).toMatch(
      /callLog\.webhook\.headers: Not valid JSON at line 1, column 3: property names must be in double quotes/,
    );
    expect(headers.getAttribute('aria-invalid')).toBe('true');
  });

  it('shows the hub\u2019s issues on the fields they name', async () => {
    const issues = [{ path: 'callLog.webhook.url', message: 'must be https (http only for localhost)' }];
    const callLog = await open({ prompt: true, dispositions: [] }, { update: () => ({ ok: false, issues }) });
    const url = byLabel(page.root, 'Webhook URL');
    await type(url, 'http://crm.example.com/hook');
    await press(button(page.root, 'Save call log settings'));
    await vi.waitFor(() => expect(roleTexts(callLog, 'alert')).toHaveLength(1));
    expect(roleTexts(callLog, 'alert')[0]).toMatch(
      /settings in force are unchanged.*callLog\.webhook\.url: must be https/,
    );
    expect(url.getAttribute('aria-invalid')).toBe('true');
    expect(url.getAttribute('aria-describedby')).toContain('callLog-problem');
    expect(url.value).toBe('http://crm.example.com/hook');
    expect(byLabel(page.root, 'Retry base delay (ms)').getAttribute('aria-invalid')).toBeNull();
  });

  it('disables every field a policy sets', async () => {
    const callLog = await open(withWebhook, { locked: ['callLog'] });
    expect(callLog.textContent).toMatch(/Set by your organization's policy/);
    expect(callLog.querySelector('fieldset')?.disabled).toBe(true);
    expect(button(page.root, 'Save call log settings').closest('fieldset')?.disabled).toBe(true);
  });
});
