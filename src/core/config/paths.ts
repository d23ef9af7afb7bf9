/** One step of a path into a configuration document: an object key or an array index. */
export type PathSegment = string | number;

/** The path of an issue about the document as a whole (it is not JSON, or not an object). */
export const DOCUMENT_PATH = '(document)';

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * Formats a path the way an admin reads their file: `profiles[1].settings.answerDelayMs`. Keys that are
 * not identifiers are quoted: `settings["x-api-key"]`.
 */
export function formatPath(segments: readonly PathSegment[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out === '' ? DOCUMENT_PATH : out;
}

/** The top-level field a formatted path starts with (`profiles` for `profiles[0].id`), if any. */
export function topLevelField(path: string): string | undefined {
  const match = /^[A-Za-z_$][\w$]*/.exec(path);
  return match ? match[0] : undefined;
}
