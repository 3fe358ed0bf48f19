import type { Diagnostic } from '@codemirror/lint';
import type { Text } from '@codemirror/state';
import type { Issue } from '../../engine';

/** The message an issue shows in the editor and the issues list: the field path first, when there is one. */
export function issueMessage(issue: Issue): string {
  return issue.path ? `${issue.path}: ${issue.message}` : issue.message;
}

/** CodeMirror diagnostics for the issues of `file`, each from its column to the end of its line in `doc`. */
export function issueDiagnostics(issues: readonly Issue[], file: string, doc: Text): Diagnostic[] {
  return issues
    .filter((issue) => issue.file === file)
    .map((issue) => {
      const line = doc.line(Math.min(Math.max(issue.line ?? 1, 1), doc.lines));
      const from = Math.min(line.from + Math.max((issue.column ?? 1) - 1, 0), line.to);
      return { from, to: line.to, severity: issue.severity, source: issue.object, message: issueMessage(issue) };
    });
}
