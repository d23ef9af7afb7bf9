import { signal } from '@preact/signals';
import type { ConfigIssue } from '../src/core/config/types';
import { send } from '../src/messaging/client';
import type { ConfigChangeResult, ConfigView } from '../src/messaging/protocol';

/** Which part of the page a problem belongs to (it is shown there). */
export type Section = 'general' | 'import';

export interface Problem {
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

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

function announce(text: string) {
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
export function importConfiguration(json: string): Promise<boolean> {
  return change(
    'import',
    () => send('importConfig', { json }),
    'Configuration imported',
    'The configuration was not imported; the current configuration is unchanged.',
  );
}

/** Changes the active profile or the default region. */
export function updateConfiguration(update: {
  activeProfile?: string;
  defaultRegion?: string;
}): Promise<boolean> {
  const what = update.activeProfile !== undefined ? 'Active profile' : 'Default region';
  return change(
    'general',
    () => send('updateConfig', update),
    `${what} saved`,
    `The ${what.toLowerCase()} was not changed.`,
  );
}

/** Clears the page's messages (tests and a fresh start). */
export function resetMessages(): void {
  status.value = '';
  problem.value = undefined;
}
