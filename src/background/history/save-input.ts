import * as v from 'valibot';
import type { LogNotes } from './log-store';

/** Longest notes the history keeps for one call. */
export const MAX_NOTES_LENGTH = 10_000;

const notesSchema = v.pipe(
  v.string('Notes must be text.'),
  v.maxLength(
    MAX_NOTES_LENGTH,
    `Notes can be at most ${MAX_NOTES_LENGTH.toLocaleString('en')} characters long.`,
  ),
);

/** No list: nothing (or an empty choice) is accepted and stored as no disposition. */
const noDispositionSchema = v.pipe(
  v.nullish(v.literal('', 'No dispositions are configured; save the notes without one.')),
  v.transform(() => undefined),
);

/**
 * The agent's notes and disposition, checked against the dispositions in force. A disposition is optional
 * (the bar offers "None": a call the agent could not classify must still be loggable), but one that is
 * given must be on the list. Throws an Error whose message is for the agent.
 */
export function parseLogNotes(
  notes: unknown,
  disposition: unknown,
  dispositions: readonly string[],
): LogNotes {
  const dispositionSchema =
    dispositions.length === 0
      ? noDispositionSchema
      : v.union(
          [noDispositionSchema, v.picklist(dispositions)],
          `Choose a disposition from the list (${dispositions.join(', ')}) or none.`,
        );
  const result = v.safeParse(v.object({ notes: notesSchema, disposition: dispositionSchema }), {
    notes,
    disposition,
  });
  if (!result.success) throw new Error(result.issues[0].message);
  return result.output;
}
