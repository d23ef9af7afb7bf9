import { signal } from '@preact/signals';

/**
 * What the admin has typed in the rule editors and not saved; `undefined` = the editor shows the rules in
 * force. Shared so that "Test rule" tries the editor's content before it is saved.
 */
export const screenPopDraft = signal<string | undefined>(undefined);
/** The autofill editor's unsaved text, as `screenPopDraft`. */
export const autofillDraft = signal<string | undefined>(undefined);

/** Forgets unsaved edits (after a save, and in tests). */
export function resetDrafts(): void {
  screenPopDraft.value = undefined;
  autofillDraft.value = undefined;
}
