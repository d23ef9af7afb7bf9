import { signal } from '@preact/signals';
import type { ConfigIssue } from '../src/core/config/types';
import type { ConfigUpdate } from '../src/core/config/update';
import { send } from '../src/messaging/client';
import type { ConfigChangeResult, ConfigView } from '../src/messaging/protocol';
import { resetDrafts } from './drafts';

/** Which part of the page a problem belongs to (it is shown there). */
export type Section = 'general' | 'profile' | 'import' | 'screenPop' | 'autofill' | 'callLog' | 'history';

/** Why the last action of a section failed, shown in that section's alert. */
export interface Problem {
  /** The section whose alert shows it. */
  readonly section: Section;
  /** One sentence: what failed and what still holds. */
  readonly title: string;
  /** Every bad field with its fix, when the hub refused a document. */
  readonly issues: readonly ConfigIssue[];
}

/** The configuration as the hub last reported it; `undefined` until loaded. */
export const view = signal<ConfigView | undefined>(undefined);
/** Why the configuration could not be loaded. */
export const loadError = signal<string | undefined>(undefined);
/** The last success, announced politely (role=status). */
export const status = signal('');
/** The last failure, announced at once (role=alert) in its section. */
export const problem = signal<Problem | undefined>(undefined);
/** True while a change is on its way to the hub. */
export const busy = signal(false);
/** Counts imports: forms holding unsaved edits start over when a new document replaces the configuration. */
export const generation = signal(0);

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Announces a success politely in the page's status line. */
export function announce(text: string) {
  // Cleared first so that the same text twice in a row is announced twice.
  status.value = '';
  queueMicrotask(() => {
    status.value = text;
  });
}

/** Loads the configuration from the hub; on failure the page shows why and keeps what it had. */
export async function refresh(): Promise<void> {
  try {
    view.value = await send('getConfig', undefined);
    loadError.value = undefined;
  } catch (error) {
    loadError.value = errorText(error);
  }
}

async function change(
  section: Section,
  run: () => Promise<ConfigChangeResult>,
  success: string,
  failure: string,
): Promise<boolean> {
  busy.value = true;
  problem.value = undefined;
  status.value = '';
  try {
    const result = await run();
    if (!result.ok) {
      problem.value = { section, title: failure, issues: result.issues };
      return false;
    }
    await refresh();
    announce(success);
    return true;
  } catch (error) {
    problem.value = { section, title: `${failure} ${errorText(error)}`, issues: [] };
    return false;
  } finally {
    busy.value = false;
    // Re-render the controls from the configuration in force (a refused choice snaps back).
    if (view.value) view.value = { ...view.value };
  }
}

/** Validates and stores a whole document; the hub keeps the old configuration when it is refused. */
export async function importConfiguration(json: string): Promise<boolean> {
  const imported = await change(
    'import',
    () => send('importConfig', { json }),
    'Configuration imported',
    'The configuration was not imported; the current configuration is unchanged.',
  );
  // Unsaved edits were made to the configuration the import replaced: the editors show the new one.
  if (imported) {
    resetDrafts();
    generation.value++;
  }
  return imported;
}

/** How each updatable field is named in the page's messages, and the section its problems show in. */
const UPDATE_WORDING: Record<keyof ConfigUpdate, { section: Section; saved: string; refused: string }> = {
  activeProfile: {
    section: 'general',
    saved: 'Active profile saved',
    refused: 'The active profile was not changed.',
  },
  defaultRegion: {
    section: 'general',
    saved: 'Default region saved',
    refused: 'The default region was not changed.',
  },
  profile: {
    section: 'profile',
    saved: 'Profile saved',
    refused: 'The profile was not saved; the profile in force is unchanged.',
  },
  screenPop: {
    section: 'screenPop',
    saved: 'Screen-pop rules saved',
    refused: 'The screen-pop rules were not saved; the rules in force are unchanged.',
  },
  autofill: {
    section: 'autofill',
    saved: 'Autofill rules saved',
    refused: 'The autofill rules were not saved; the rules in force are unchanged.',
  },
  callLog: {
    section: 'callLog',
    saved: 'Call log settings saved',
    refused: 'The call log settings were not saved; the settings in force are unchanged.',
  },
};

/**
 * Changes one field without a new document: the active profile, the default region, or a whole rules
 * section. The hub validates it like an import and keeps the old value when it is refused.
 */
export function updateConfiguration(update: ConfigUpdate): Promise<boolean> {
  const field = (Object.keys(update) as (keyof ConfigUpdate)[]).find((key) => update[key] !== undefined);
  const wording = UPDATE_WORDING[field ?? 'activeProfile'];
  return change(wording.section, () => send('updateConfig', update), wording.saved, wording.refused);
}

/** Shows a problem the page found itself (JSON that does not parse) in `section`; nothing was sent. */
export function reportProblem(section: Section, title: string, issues: readonly ConfigIssue[] = []): void {
  status.value = '';
  problem.value = { section, title, issues };
}

/** Clears the problem shown in `section`, if any (the admin started over). */
export function clearProblem(section: Section): void {
  if (problem.value?.section === section) problem.value = undefined;
}

/** Clears the page's messages (tests and a fresh start). */
export function resetMessages(): void {
  status.value = '';
  problem.value = undefined;
}
