// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultConfig } from '../../../src/core/config/defaults';
import type { ConfigChangeResult, ConfigView } from '../../../src/messaging/protocol';

const send = vi.fn();
vi.mock('../../../src/messaging/client', () => ({ send: (...args: unknown[]) => send(...args) }));

const { OptionsApp } = await import('../../../options/OptionsApp');
const state = await import('../../../options/state');

const twoProfiles: ConfigView = {
  config: {
    ...defaultConfig(),
    profiles: [
      { id: 'demo', vendor: 'demo', label: 'Demo PBX', settings: {} },
      { id: 'eu', vendor: 'xcally', label: 'EU center', settings: { serverUrl: 'https://pbx.example.eu' } },
    ],
    activeProfile: 'eu',
    defaultRegion: 'IT',
    sites: { allow: ['https://*.example.com/*'], block: [], exclude: [] },
  },
  vendors: [
    { id: 'demo', label: 'Demo' },
    { id: 'xcally', label: 'xCALLY' },
  ],
};

let root: HTMLElement;

/** The control a visible label names, as a screen reader would find it. */
function byLabel<T extends HTMLElement>(text: string): T {
  const label = [...root.querySelectorAll('label')].find(
    (candidate) => candidate.textContent?.trim() === text,
  );
  const id = label?.getAttribute('for');
  const control = id ? root.querySelector<T>(`#${id}`) : null;
  if (!control) throw new Error(`no control labelled "${text}"`);
  return control;
}

function button(text: string): HTMLButtonElement {
  const found = [...root.querySelectorAll('button')].find(
    (candidate) => candidate.textContent?.trim() === text,
  );
  if (!found) throw new Error(`no button "${text}"`);
  return found;
}

const roleText = (role: string) =>
  [...root.querySelectorAll(`[role="${role}"]`)].map((el) => el.textContent ?? '');

/** The hub's answers; the call history (shown on every load) is empty unless a test says otherwise. */
function answer(handlers: Partial<Record<string, (data: unknown) => unknown>>) {
  const all: typeof handlers = { getHistory: () => ({ records: [], deliveries: [] }), ...handlers };
  send.mockImplementation(async (name: string, data: unknown) => {
    const handler = all[name];
    if (!handler) throw new Error(`Softbar did not answer ${name}`);
    return handler(data);
  });
}

beforeEach(() => {
  send.mockReset();
  state.view.value = undefined;
  state.loadError.value = undefined;
  state.resetMessages();
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => {
  render(null, root);
  root.remove();
});

describe('options page', () => {
  it('shows why the configuration could not be loaded', async () => {
    answer({});
    render(<OptionsApp />, root);
    await vi.waitFor(() =>
      expect(roleText('alert').join()).toMatch(/Could not load the configuration: .*getConfig/),
    );
    // Import stays usable.
    expect(byLabel('Configuration JSON').tagName).toBe('TEXTAREA');
  });

  it('lists the profiles with their vendor and saves a new active profile', async () => {
    const update = vi.fn((): ConfigChangeResult => ({ ok: true }));
    answer({ getConfig: () => twoProfiles, updateConfig: update });
    render(<OptionsApp />, root);
    await vi.waitFor(() => byLabel('Active profile'));
    const select = byLabel<HTMLSelectElement>('Active profile');
    expect([...select.options].map((option) => option.textContent)).toEqual([
      'Demo PBX (Demo)',
      'EU center (xCALLY)',
    ]);
    expect(select.value).toBe('eu');
    select.value = 'demo';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(() => expect(update).toHaveBeenCalledWith({ activeProfile: 'demo' }));
    await vi.waitFor(() => expect(roleText('status')).toContain('Active profile saved'));
  });

  it('a refused change shows why and the select snaps back', async () => {
    const issues = [{ path: 'activeProfile', message: "is set by your organization's policy" }];
    answer({ getConfig: () => twoProfiles, updateConfig: () => ({ ok: false, issues }) });
    render(<OptionsApp />, root);
    await vi.waitFor(() => byLabel('Active profile'));
    const select = byLabel<HTMLSelectElement>('Active profile');
    select.value = 'demo';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(() =>
      expect(roleText('alert').join()).toMatch(/activeProfile: is set by your organization's policy/),
    );
    await vi.waitFor(() => expect(byLabel<HTMLSelectElement>('Active profile').value).toBe('eu'));
  });

  it('names regions in words and saves the default region', async () => {
    const update = vi.fn((): ConfigChangeResult => ({ ok: true }));
    answer({ getConfig: () => twoProfiles, updateConfig: update });
    render(<OptionsApp />, root);
    await vi.waitFor(() => byLabel('Default region'));
    const select = byLabel<HTMLSelectElement>('Default region');
    expect(select.value).toBe('IT');
    const texts = [...select.options].map((option) => option.textContent);
    expect(texts).toContain('Italy (IT)');
    expect(texts).toContain('United Kingdom (GB)');
    select.value = 'GB';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(() => expect(update).toHaveBeenCalledWith({ defaultRegion: 'GB' }));
  });

  it('imports pasted JSON and says so', async () => {
    const importConfig = vi.fn((): ConfigChangeResult => ({ ok: true }));
    answer({ getConfig: () => twoProfiles, importConfig });
    render(<OptionsApp />, root);
    await vi.waitFor(() => byLabel('Active profile'));
    const textarea = byLabel<HTMLTextAreaElement>('Configuration JSON');
    textarea.value = '{"profiles":[]}';
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
    button('Import').click();
    await vi.waitFor(() => expect(importConfig).toHaveBeenCalledWith({ json: '{"profiles":[]}' }));
    await vi.waitFor(() => expect(roleText('status')).toContain('Configuration imported'));
    expect(roleText('alert')).toEqual([]);
  });

  it('lists every refused field with its fix and keeps the current view', async () => {
    const issues = [
      {
        path: 'defaultRegion',
        message: '"XX" is not a region code; use an ISO 3166 code such as "US", "GB" or "IT"',
      },
      { path: 'activeProfile', message: '"sales" matches no profile id; use one of "demo", "eu"' },
    ];
    answer({ getConfig: () => twoProfiles, importConfig: () => ({ ok: false, issues }) });
    render(<OptionsApp />, root);
    await vi.waitFor(() => byLabel('Active profile'));
    button('Import').click();
    await vi.waitFor(() => expect(roleText('alert')).toHaveLength(1));
    const alert = root.querySelector('[role="alert"]');
    const items = [...(alert?.querySelectorAll('li') ?? [])].map((li) => li.textContent);
    expect(items).toEqual([`defaultRegion: ${issues[0]?.message}`, `activeProfile: ${issues[1]?.message}`]);
    expect(alert?.textContent).toMatch(/current configuration is unchanged/);
    expect(byLabel<HTMLSelectElement>('Active profile').value).toBe('eu');
    expect(root.textContent).toContain('EU center');
    // Nothing announced: every polite region (the page's toast, the profile's test result) is empty; the
    // microphone section's standing state is not an announcement of this action.
    expect(roleText('status').filter((text) => text && !text.startsWith('Microphone access'))).toEqual([]);
  });

  it('imports a chosen .json file through the same validation', async () => {
    const importConfig = vi.fn((): ConfigChangeResult => ({ ok: true }));
    answer({ getConfig: () => twoProfiles, importConfig });
    render(<OptionsApp />, root);
    await vi.waitFor(() => byLabel('Active profile'));
    const input = byLabel<HTMLInputElement>('Import from file');
    expect(input.type).toBe('file');
    const file = new File(['{"profiles":[{"id":"x","vendor":"demo","label":"X"}]}'], 'softbar.json', {
      type: 'application/json',
    });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(() =>
      expect(importConfig).toHaveBeenCalledWith({
        json: '{"profiles":[{"id":"x","vendor":"demo","label":"X"}]}',
      }),
    );
    expect(byLabel<HTMLTextAreaElement>('Configuration JSON').value).toContain('"vendor":"demo"');
  });

  it('exports the configuration as a download and shows it', async () => {
    answer({ getConfig: () => twoProfiles });
    const createObjectURL = vi.fn((_blob: Blob) => 'blob:softbar');
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    const clicks: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicks.push(this.download);
    });
    render(<OptionsApp />, root);
    await vi.waitFor(() => byLabel('Active profile'));
    button('Export configuration').click();
    await vi.waitFor(() => byLabel('Exported configuration'));
    const shown = byLabel<HTMLTextAreaElement>('Exported configuration');
    expect(shown.readOnly).toBe(true);
    expect(JSON.parse(shown.value)).toEqual(twoProfiles.config);
    expect(clicks).toEqual(['softbar-configuration.json']);
    expect(await createObjectURL.mock.calls[0]?.[0].text()).toBe(shown.value);
    click.mockRestore();
    vi.unstubAllGlobals();
  });

  it('disables the fields a policy sets and says why', async () => {
    answer({ getConfig: () => ({ ...twoProfiles, locked: ['defaultRegion', 'sites'] }) });
    render(<OptionsApp />, root);
    await vi.waitFor(() => byLabel('Default region'));
    const region = byLabel<HTMLSelectElement>('Default region');
    expect(region.disabled).toBe(true);
    const note = root.querySelector(`#${region.getAttribute('aria-describedby')}`);
    expect(note?.textContent).toMatch(/policy/);
    expect(byLabel<HTMLSelectElement>('Active profile').disabled).toBe(false);
    expect(root.textContent).toMatch(/policy sets: defaultRegion, sites/);
  });
});
