import { normalizeDialString } from '../../core/phone/number';

/**
 * The number to hand a vendor that cannot dial extensions, or an Error for the agent: not a number, or a
 * number with `;ext=` (`withoutExtension` says what to do instead, given the number without it).
 */
export function dialableWithoutExtension(input: string, withoutExtension: (base: string) => string): string {
  const number = normalizeDialString(input);
  if (!number)
    throw new Error(`"${input}" is not a phone number: use digits, an optional leading + and * or #.`);
  if (number.includes(';ext=')) throw new Error(withoutExtension(number.split(';')[0]!));
  return number;
}
