import { findPhoneNumbers } from '../core/phone/find';
import { normalizeDialString } from '../core/phone/number';
import type { Hub } from './hub';

/** The number to dial in a text selection: the first phone number found, else the text if it is dialable. */
export function numberInSelection(text: string, defaultRegion: string): string | undefined {
  const trimmed = text.trim().slice(0, 200);
  const found = findPhoneNumbers(trimmed, { defaultRegion })[0];
  if (found) return found.e164.split(';')[0];
  return normalizeDialString(trimmed);
}

/**
 * Dials what the agent selected (context menu "Call …", keyboard shortcut). Both are browser UI the
 * page cannot trigger, so no confirmation is asked; a selection without a number says so in the bar.
 */
export async function dialSelection(
  hub: Hub,
  text: string | undefined,
  defaultRegion: string,
): Promise<void> {
  const number = text ? numberInSelection(text, defaultRegion) : undefined;
  if (!number) {
    hub.dispatch({
      type: 'notice',
      at: Date.now(),
      level: 'warning',
      text: text?.trim()
        ? `"${text.trim().slice(0, 40)}" has no phone number to call.`
        : 'Select a phone number to call it.',
    });
    return;
  }
  try {
    await hub.execute({ type: 'dial', number });
  } catch (error) {
    hub.dispatch({ type: 'notice', at: Date.now(), level: 'error', text: (error as Error).message });
  }
}
