// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultConfig } from '../../../src/core/config/defaults';
import type { Profile } from '../../../src/core/config/types';
import type { ConfigView } from '../../../src/messaging/protocol';
import type { SettingsField } from '../../../src/vendors/settings-form';
import { accessibleName } from '../ui/dom';
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
} from './harness';

const send = vi.fn();
vi.mock('../../../src/messaging/client', () => ({ send: (...args: unknown[]) => send(...args) }));
const { OptionsApp } = await import('../../../options/OptionsApp');

/** A descriptor shaped like Tegsoft's, with one field of every type. */
const TEGSOFT_FORM: readonly SettingsField[] = [
  { key: 'hostname', label: 'Tegsoft server', type: 'url', help: 'The server only, no path.' },
  { key: 'token', label: 'Login token', type: 'secret', help: 'Logs the agent in automatically.' },
  { key: 'usercode', label: 'User code', type: 'text' },
  {
    key: 'clearpassword',
    label: 'Password',
    type: 'secret',
    warning: 'A password kept in the browser is weaker than a token: prefer a token.',
  },
  {
    key: 'sessionType',
    label: 'Session type',
    type: 'select',
    options: [
      { value: 'agent', label: 'Agent' },
      { value: 'supervisor', label: 'Supervisor' },
    ],
  },
  { key: 'notReadyReasons', label: 'Not-ready reasons', type: 'list', help: 'One per line.' },
  { key: 'autoAnswer', label: 'Answer automatically', type: 'boolean' },
  { key: 'layout', label: 'Tegsoft screen layout', type: 'json' },
  { key: 'eventTimeoutMs', label: 'Wait for the first event (ms)', type: 'number' },
];

const demo: Profile = { id: 'demo', vendor: 'demo', label: 'Demo PBX', settings: { answerDelayMs: 500 } };
const tegsoft: Profile = {
  id: 'tg',
  vendor: 'tegsoft',
  label: 'Tegsoft',
  settings: {
    hostname: 'https://tegsoft.example.com',
    token: 'secret-token',
    notReadyReasons: ['Break', 'Lunch'],
    eventTimeoutMs: 15000,
    layout: { autoMaximize: true },
    extra: { kept: 'as is' },
  },
};

function viewWith(options: { locked?: string[]; profiles?: Profile[] } = {}): ConfigView {
  const profiles = options.profiles ?? [demo, tegsoft];
  return {
    config: { ...defaultConfig(), profiles, activeProfile: profiles[profiles.length - 1]?.id ?? 'demo' },
    vendors: [
      { id: 'demo', label: 'Demo' },
      { id: 'tegsoft', label: 'Tegsoft', settingsForm: TEGSOFT_FORM },
    ],
    ...(options.locked ? { locked: options.locked } : {}),
  };
}

let page: Awaited<ReturnType<typeof mountPage>>;

async function open(
  handlers: Partial<Record<string, (data: unknown) => unknown>> = {},
  options: Parameters<typeof viewWith>[0] = {},
) {
  answer(send, {
    getConfig: () => viewWith(options),
    updateConfig: () => ({ ok: true }),
    ...handlers,
  });
  page = await mountPage(<OptionsApp />);
  await vi.waitFor(() => byLabel(page.root, 'Profile'));
  return section(page.root, 'Vendor profile');
}

const field = <T extends HTMLElement = HTMLInputElement>(label: string) => byLabel<T>(page.root, label);

async function choose(select: HTMLSelectElement, value: string) {
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await vi.waitFor(() => expect(select.value).toBe(value));
}

/** The text of the elements that describe a control (help, warning, errors). */
const description = (control: HTMLElement) =>
  (control.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => page.root.querySelector(`#${CSS.escape(id)}`)?.textContent ?? '')
    .join(' | ');

const tested = () => send.mock.calls.filter(([name]) => name === 'testConnection').map(([, data]) => data);

beforeEach(() => {
  send.mockReset();
  resetPage();
});
afterEach(() => page?.unmount());

describe('vendor profile form', () => {
  it('opens on the active profile and draws the vendor’s settings form', async () => {
    await open();
    const pick = field<HTMLSelectElement>('Profile');
    expect([...pick.options].map((option) => option.textContent)).toEqual([
      'Demo PBX (Demo)',
      'Tegsoft (Tegsoft)',
      'New profile',
    ]);
    expect(pick.value).toBe('tg');
    expect(field('Id').value).toBe('tg');
    expect(field('Id').readOnly).toBe(true);
    expect(field('Label').value).toBe('Tegsoft');
    expect(field<HTMLSelectElement>('Vendor').value).toBe('tegsoft');

    expect(field('Tegsoft server').type).toBe('url');
    expect(field('Tegsoft server').value).toBe('https://tegsoft.example.com');
    expect(description(field('Tegsoft server'))).toBe('The server only, no path.');
    expect(field('User code').value).toBe('');
    expect(field<HTMLTextAreaElement>('Not-ready reasons').value).toBe('Break\nLunch');
    expect(field('Wait for the first event (ms)').value).toBe('15000');
    expect(JSON.parse(field<HTMLTextAreaElement>('Tegsoft screen layout').value)).toEqual({
      autoMaximize: true,
    });
    expect(field('Answer automatically').checked).toBe(false);
    const session = field<HTMLSelectElement>('Session type');
    expect([...session.options].map((option) => option.textContent)).toEqual([
      '(not set)',
      'Agent',
      'Supervisor',
    ]);

    const warning = page.root.querySelector('.op-warning');
    expect(warning?.textContent).toContain('weaker than a token');
    expect(description(field('Password'))).toContain('weaker than a token');
  });

  it('masks secrets until shown', async () => {
    await open();
    const token = field('Login token');
    expect(token.type).toBe('password');
    expect(token.value).toBe('secret-token');
    await press(button(page.root, 'Show Login token'));
    expect(field('Login token').type).toBe('text');
    await press(button(page.root, 'Hide Login token'));
    expect(field('Login token').type).toBe('password');
    expect(button(page.root, 'Show Password').textContent).toBe('Show');
  });

  it('saves the profile as the vendor expects it: lists, numbers, JSON; empty fields left out', async () => {
    const profileSection = await open();
    await type(field('Tegsoft server'), '  https://tg.example.com ');
    await type(field('Login token'), '');
    await type(field('User code'), 'agent.7');
    await type(field('Password'), ' pass word ');
    await choose(field<HTMLSelectElement>('Session type'), 'agent');
    await type(field<HTMLTextAreaElement>('Not-ready reasons'), ' Break \n\nTraining\n');
    await press(field('Answer automatically'));
    await type(field<HTMLTextAreaElement>('Tegsoft screen layout'), '{ "movable": false }');
    await type(field('Wait for the first event (ms)'), '20000');
    await type(field('Label'), ' Tegsoft EU ');
    await press(button(page.root, 'Save profile'));
    await vi.waitFor(() =>
      expect(sentUpdates(send)).toEqual([
        {
          profile: {
            id: 'tg',
            label: 'Tegsoft EU',
            vendor: 'tegsoft',
            settings: {
              extra: { kept: 'as is' },
              hostname: 'https://tg.example.com',
              usercode: 'agent.7',
              clearpassword: ' pass word ',
              sessionType: 'agent',
              notReadyReasons: ['Break', 'Training'],
              autoAnswer: true,
              layout: { movable: false },
              eventTimeoutMs: 20000,
            },
          },
        },
      ]),
    );
    await vi.waitFor(() => expect(roleTexts(page.root, 'status')).toContain('Profile saved'));
    expect(roleTexts(profileSection, 'alert')).toEqual([]);
  });

  it('refuses JSON with a syntax error and a number that is not one, before sending', async () => {
    const profileSection = await open();
    const layout = field<HTMLTextAreaElement>('Tegsoft screen layout');
    await type(layout, '{ movable: false }');
    await type(field('Wait for the first event (ms)'), '2e');
    await press(button(page.root, 'Save profile'));
    expect(sentUpdates(send)).toEqual([]);
    const [alert] = roleTexts(profileSection, 'alert');
    expect(alert).toMatch(/profiles\[1\]\.settings\.layout: Not valid JSON at line 1, column 3/);
    expect(alert).toMatch(/profiles\[1\]\.settings\.eventTimeoutMs: "2e" is not a number/);
    expect(layout.getAttribute('aria-invalid')).toBe('true');
    expect(description(layout)).toMatch(/^Not valid JSON at line 1, column 3/);
  });

  it('shows the hub’s issues with their paths, and each next to its field', async () => {
    const issues = [
      { path: 'profiles[1].settings.hostname', message: '"http://tg.example.com" is not https' },
      { path: 'profiles[1].settings.layout.style.width', message: '"wide" is not a length' },
      { path: 'profiles[1].settings', message: 'give "token", or "usercode" and "clearpassword"' },
      { path: 'profiles[1].label', message: 'is empty' },
    ];
    const profileSection = await open({ updateConfig: () => ({ ok: false, issues }) });
    await type(field('Tegsoft server'), 'http://tg.example.com');
    await press(button(page.root, 'Save profile'));
    await vi.waitFor(() => expect(roleTexts(profileSection, 'alert')).toHaveLength(1));
    const alert = profileSection.querySelector('[role="alert"]');
    expect(alert?.textContent).toMatch(/The profile was not saved; the profile in force is unchanged\./);
    expect([...(alert?.querySelectorAll('li') ?? [])].map((li) => li.textContent)).toEqual(
      issues.map((issue) => `${issue.path}: ${issue.message}`),
    );
    const host = field('Tegsoft server');
    expect(host.getAttribute('aria-invalid')).toBe('true');
    expect(description(host)).toBe('The server only, no path. | "http://tg.example.com" is not https');
    expect(description(field<HTMLTextAreaElement>('Tegsoft screen layout'))).toBe('"wide" is not a length');
    expect(description(field('Label'))).toMatch(/is empty$/);
    expect(field('User code').getAttribute('aria-invalid')).toBeNull();
    expect(profileSection.querySelector('fieldset.op-fieldset')?.textContent).toContain(
      'give "token", or "usercode" and "clearpassword"',
    );
    // What the admin typed stays, to be fixed.
    expect(field('Tegsoft server').value).toBe('http://tg.example.com');
  });

  it('adds a new profile, and shows it once saved', async () => {
    const profiles = [demo, tegsoft];
    await open({
      getConfig: () => viewWith({ profiles }),
      updateConfig: (data) => {
        profiles.push((data as { profile: Profile }).profile);
        return { ok: true };
      },
    });
    await choose(field<HTMLSelectElement>('Profile'), '');
    expect(field('Id').readOnly).toBe(false);
    expect(field('Id').value).toBe('');
    await type(field('Id'), 'tegsoft-eu');
    await type(field('Label'), 'Tegsoft EU');
    await choose(field<HTMLSelectElement>('Vendor'), 'tegsoft');
    expect(field('Tegsoft server').value).toBe('');
    await type(field('Tegsoft server'), 'https://eu.tegsoft.example.com');
    await type(field('Login token'), 'tok');
    await press(button(page.root, 'Save profile'));
    await vi.waitFor(() =>
      expect(sentUpdates(send)).toEqual([
        {
          profile: {
            id: 'tegsoft-eu',
            label: 'Tegsoft EU',
            vendor: 'tegsoft',
            settings: { hostname: 'https://eu.tegsoft.example.com', token: 'tok' },
          },
        },
      ]),
    );
    await vi.waitFor(() => expect(field<HTMLSelectElement>('Profile').value).toBe('tegsoft-eu'));
    expect(field('Id').readOnly).toBe(true);
    expect(field('Login token').value).toBe('tok');
  });

  it('will not let a new profile take an existing id', async () => {
    const profileSection = await open();
    await choose(field<HTMLSelectElement>('Profile'), '');
    await type(field('Id'), 'demo');
    await press(button(page.root, 'Save profile'));
    expect(sentUpdates(send)).toEqual([]);
    expect(roleTexts(profileSection, 'alert')[0]).toMatch(
      /profiles\[2\]\.id: "demo" is already the id of "Demo PBX"/,
    );
    expect(field('Id').getAttribute('aria-invalid')).toBe('true');
  });

  it('edits a vendor without a settings form as JSON', async () => {
    await open();
    await choose(field<HTMLSelectElement>('Profile'), 'demo');
    const json = field<HTMLTextAreaElement>('Settings JSON');
    expect(JSON.parse(json.value)).toEqual({ answerDelayMs: 500 });
    await type(json, '{ "answerDelayMs": 0 }');
    await press(button(page.root, 'Save profile'));
    await vi.waitFor(() =>
      expect(sentUpdates(send)).toEqual([
        { profile: { id: 'demo', label: 'Demo PBX', vendor: 'demo', settings: { answerDelayMs: 0 } } },
      ]),
    );
  });

  it('refuses settings JSON that is not an object', async () => {
    const profileSection = await open();
    await choose(field<HTMLSelectElement>('Profile'), 'demo');
    await type(field<HTMLTextAreaElement>('Settings JSON'), '[1, 2]');
    await press(button(page.root, 'Save profile'));
    expect(sentUpdates(send)).toEqual([]);
    expect(roleTexts(profileSection, 'alert')[0]).toMatch(/profiles\[0\]\.settings: must be a JSON object/);
    expect(field<HTMLTextAreaElement>('Settings JSON').getAttribute('aria-invalid')).toBe('true');
  });

  it('is read-only when the policy sets the profiles, and still tests them', async () => {
    const profileSection = await open(
      { testConnection: () => ({ ok: true, message: 'Connected to Tegsoft.' }) },
      { locked: ['profiles'] },
    );
    expect(profileSection.textContent).toMatch(/Set by your organization's policy/);
    expect(field('Tegsoft server').closest<HTMLFieldSetElement>('fieldset.op-plain')?.disabled).toBe(true);
    expect(field('Label').closest<HTMLFieldSetElement>('fieldset.op-plain')?.disabled).toBe(true);
    expect([...field<HTMLSelectElement>('Profile').options].map((option) => option.value)).toEqual([
      'demo',
      'tg',
    ]);
    expect(field<HTMLSelectElement>('Profile').disabled).toBe(false);
    expect(() => button(page.root, 'Save profile')).toThrow(/0 buttons/);
    await press(button(page.root, 'Test connection'));
    await vi.waitFor(() => expect(roleTexts(profileSection, 'status')).toContain('Connected to Tegsoft.'));
  });
});

describe('Test connection', () => {
  it('tries the form’s unsaved settings and says it connected', async () => {
    const testConnection = vi.fn(() => ({ ok: true, message: 'Connected to Tegsoft.' }));
    const profileSection = await open({ testConnection });
    await type(field('Tegsoft server'), 'https://new.tegsoft.example.com');
    await type(field('Wait for the first event (ms)'), '9000');
    const test = button(page.root, 'Test connection');
    expect(accessibleName(test)).toBe('Test connection');
    await press(test);
    await vi.waitFor(() => expect(roleTexts(profileSection, 'status')).toContain('Connected to Tegsoft.'));
    expect(tested()).toEqual([
      {
        vendor: 'tegsoft',
        settings: {
          hostname: 'https://new.tegsoft.example.com',
          token: 'secret-token',
          notReadyReasons: ['Break', 'Lunch'],
          eventTimeoutMs: 9000,
          layout: { autoMaximize: true },
          extra: { kept: 'as is' },
        },
      },
    ]);
    expect(sentUpdates(send)).toEqual([]);
    expect(roleTexts(profileSection, 'alert')).toEqual([]);
  });

  it('shows the vendor’s refusal as an alert, and forgets it once the form changes', async () => {
    const message =
      'No event arrived from Tegsoft; add clientSideCTI://parentWindowEvent|eventList=all to the integration parameters.';
    const profileSection = await open({ testConnection: () => ({ ok: false, message }) });
    await press(button(page.root, 'Test connection'));
    await vi.waitFor(() => expect(roleTexts(profileSection, 'alert')).toEqual([message]));
    await type(field('User code'), 'x');
    expect(roleTexts(profileSection, 'alert')).toEqual([]);
  });

  it('says why it could not test at all', async () => {
    const profileSection = await open({
      testConnection: () => {
        throw new Error('Softbar is restarting');
      },
    });
    await press(button(page.root, 'Test connection'));
    await vi.waitFor(() =>
      expect(roleTexts(profileSection, 'alert')).toEqual([
        'The connection could not be tested: Softbar is restarting',
      ]),
    );
  });

  it('tests nothing while a field cannot be read', async () => {
    const profileSection = await open({ testConnection: () => ({ ok: true, message: 'Connected.' }) });
    await type(field('Wait for the first event (ms)'), 'soon');
    await press(button(page.root, 'Test connection'));
    expect(tested()).toEqual([]);
    expect(roleTexts(profileSection, 'alert')[0]).toMatch(
      /not tested.*profiles\[1\]\.settings\.eventTimeoutMs: "soon" is not a number/,
    );
  });

  it('tests a vendor without a settings form with its JSON', async () => {
    await open({ testConnection: () => ({ ok: true, message: 'Connected to Demo.' }) });
    await choose(field<HTMLSelectElement>('Profile'), 'demo');
    await type(field<HTMLTextAreaElement>('Settings JSON'), '{ "answerDelayMs": 1 }');
    await press(button(page.root, 'Test connection'));
    await vi.waitFor(() => expect(tested()).toEqual([{ vendor: 'demo', settings: { answerDelayMs: 1 } }]));
  });
});
