import type { FieldReport } from './run';

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/**
 * One short line for the agent about what "Fill form" did, most useful fact first: what was filled,
 * else why nothing was.
 */
export function describeFill(reports: readonly FieldReport[]): string {
  const count = (outcome: FieldReport['outcome']) => reports.filter((r) => r.outcome === outcome).length;
  const filled = count('filled');
  if (filled > 0) return `Filled ${plural(filled, 'field')}`;
  if (count('skipped-nonempty') > 0) return 'Nothing to fill: fields already have text';
  if (reports.every((r) => r.outcome === 'not-found' || r.outcome === 'bad-selector'))
    return 'Form not found on this page';
  if (count('no-option') > 0) return 'Nothing filled: a list does not offer the call’s value';
  return 'Nothing filled: the form’s fields are locked';
}
