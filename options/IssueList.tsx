import { type Problem, problem, type Section } from './state';

/** Id of the alert of `section`, for the `aria-describedby` of the fields it is about. */
export const problemId = (section: Section) => `${section}-problem`;

/** The problem shown in `section` right now, if any. */
export function problemIn(section: Section): Problem | undefined {
  const current = problem.value;
  return current?.section === section ? current : undefined;
}

/** The last failure, when it belongs to `section`: a title and every bad field with its fix. */
export function ProblemAlert({ section }: { section: Section }) {
  const current = problemIn(section);
  if (!current) return null;
  return (
    <div class="op-alert" role="alert" id={problemId(section)}>
      <p class="op-alert-title">{current.title}</p>
      {current.issues.length > 0 && (
        <>
          <p>
            {current.issues.length === 1 ? 'Fix this field' : `Fix these ${current.issues.length} fields`} and
            try again:
          </p>
          <ul class="op-issues">
            {current.issues.map((issue) => (
              <li key={`${issue.path}\u0000${issue.message}`}>
                <code class="op-path">{issue.path}</code>: {issue.message}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
