import type { Issue } from '../../engine';

/** The engine's messages for one field, shown next to it without the field path they start with (errors in red, warnings in amber). */
export function FieldIssues({ id, issues }: { id?: string; issues: readonly Issue[] }) {
  if (issues.length === 0) return null;
  return (
    <span id={id} className="policy-editor__issues" role="alert">
      {issues.map((issue, i) => (
        <span key={i} className={`policy-editor__issue policy-editor__issue--${issue.severity}`}>
          {issue.path !== undefined && issue.message.startsWith(`${issue.path}: `) ? issue.message.slice(issue.path.length + 2) : issue.message}
        </span>
      ))}
    </span>
  );
}
