import type { Severity } from '../../engine';
import { useAnalysisStore } from '../../store/useAnalysisStore';
import { useEditorStore } from '../../store/useEditorStore';
import './issuesList.css';

const SEVERITY_MARK: Record<Severity, string> = { error: '✖', warning: '⚠', info: 'ℹ' };

/** The navigator's "Issues (N)": each issue with severity, message, place and field path; a click shows it in the YAML. */
export function IssuesList() {
  const issues = useAnalysisStore((state) => state.current.issues);
  const requestJump = useEditorStore((state) => state.requestJump);

  return (
    <section className="issues-list" aria-labelledby="issues-list-heading">
      <h2 id="issues-list-heading" className="issues-list__heading">
        Issues ({issues.length})
      </h2>
      {issues.length === 0 ? (
        <p className="issues-list__empty">No issues.</p>
      ) : (
        <ul className="issues-list__items">
          {issues.map((issue, index) => {
            const place = `${issue.file}:${issue.line ?? 1}`;
            return (
              <li key={`${place}:${issue.column ?? 0}:${index}`}>
                <button
                  type="button"
                  className={`issue issue--${issue.severity}`}
                  title={`Show ${place} in the YAML`}
                  onClick={() => requestJump(issue.file, issue.line ?? 1)}
                >
                  <span className="issue__severity">
                    <span aria-hidden="true">{SEVERITY_MARK[issue.severity]}</span> {issue.severity}
                  </span>
                  <span className="issue__message">{issue.message}</span>
                  <span className="issue__place">{place}</span>
                  {issue.path !== undefined && <code className="issue__path">{issue.path}</code>}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
