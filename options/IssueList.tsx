import { type Problem, problem, type Section } from './state';

/** The last failure, when it belongs to `section`: a title and every bad field with its fix. */
export function ProblemAlert({ section }: { section: Section }) {
  const current: Problem | undefined = problem.value;
  if (!current || current.section !== section) return null;
  return (
    <div class="op-alert" role="alert">
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
