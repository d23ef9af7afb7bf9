import type { TargetedKeyboardEvent } from 'preact';

const KEYS = [
  ['1', ''],
  ['2', 'ABC'],
  ['3', 'DEF'],
  ['4', 'GHI'],
  ['5', 'JKL'],
  ['6', 'MNO'],
  ['7', 'PQRS'],
  ['8', 'TUV'],
  ['9', 'WXYZ'],
  ['*', ''],
  ['0', '+'],
  ['#', ''],
] as const;

export const isPadKey = (key: string): boolean => key.length === 1 && '0123456789*#'.includes(key);

interface Props {
  /** Name of the group for assistive tech: "Dial pad", "Keypad tones". */
  readonly label: string;
  /** A key was pressed (clicked, or typed while focus is on the pad). */
  readonly onPress: (key: string) => void;
}

/**
 * Twelve phone keys. Each button is named by its digit only (the letters are decoration), and typing a
 * digit while focus is on the pad presses it, so keyboard users need not tab through twelve buttons.
 */
export function DialPad({ label, onPress }: Props) {
  const onKeyDown = (event: TargetedKeyboardEvent<HTMLFieldSetElement>) => {
    if (event.target instanceof HTMLInputElement || event.ctrlKey || event.metaKey || event.altKey) return;
    if (isPadKey(event.key)) {
      event.preventDefault();
      onPress(event.key);
    }
  };
  return (
    <fieldset class="sb-pad" aria-label={label} onKeyDown={onKeyDown}>
      {KEYS.map(([key, letters]) => (
        <button key={key} type="button" class="sb-key" aria-label={key} onClick={() => onPress(key)}>
          <span class="sb-key-digit" aria-hidden="true">
            {key}
          </span>
          <span class="sb-key-letters" aria-hidden="true">
            {letters}
          </span>
        </button>
      ))}
    </fieldset>
  );
}
